# Interpreter exit waits for non-daemon threads (before atexit callbacks); daemon threads, blocked or busy, do not hold it up.
import atexit
import threading

ev = threading.Event()
def worker():
    ev.wait()
    print("worker finishing after main")
def blocked_daemon():
    threading.Event().wait()
def busy_daemon():
    n = 0
    while True:
        n += 1
threading.Thread(target=blocked_daemon, daemon=True).start()
threading.Thread(target=busy_daemon, daemon=True).start()
threading.Thread(target=worker).start()
threading.Timer(0.02, ev.set).start()
atexit.register(lambda: print("atexit after the worker"))
print("main done")
