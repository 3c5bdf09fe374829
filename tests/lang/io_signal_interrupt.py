# A signal interrupting a blocking read of a buffered file: the Python handler runs
# (it writes more data to the pipe) and the read is retried. A handler that raises
# during a blocking buffered write ends the write with its exception.
import io, os, signal, threading

r, w = os.pipe()
def alarm_handler(sig, frame):
    os.write(w, b"bar")
signal.signal(signal.SIGALRM, alarm_handler)
rio = io.open(r, "rb", closefd=False)
os.write(w, b"foo")
signal.setitimer(signal.ITIMER_REAL, 0.2)
print(rio.read(6))
rio.close()
os.close(w)
os.close(r)

def raising(sig, frame):
    1 / 0
signal.signal(signal.SIGALRM, raising)
r, w = os.pipe()
got = []
t = threading.Thread(target=lambda: got.append(os.read(r, 1)), daemon=True)
signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGALRM])
t.start()
signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGALRM])
wio = io.open(w, "wb", closefd=False)
signal.setitimer(signal.ITIMER_REAL, 0.2)
try:
    wio.write(b"x" * (4 * 1024 * 1024))
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
finally:
    signal.setitimer(signal.ITIMER_REAL, 0)
t.join()
print(got)
os.close(r)
try:
    wio.close()
except OSError as e:
    print("close:", type(e).__name__)
os.close(w)
