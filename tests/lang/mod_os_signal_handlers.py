# Python signal handlers run for os.kill to ourselves, raise_signal, alarm; SIG_IGN/SIG_DFL; KeyboardInterrupt.
import os
import time
import _signal as signal

got = []
def handler(signum, frame):
    got.append((signum, type(frame).__name__))

old = signal.signal(signal.SIGUSR1, handler)
print(old == signal.SIG_DFL, signal.getsignal(signal.SIGUSR1) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print(got)
signal.raise_signal(signal.SIGUSR1)
print(len(got))
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
os.kill(os.getpid(), signal.SIGUSR1)
print(len(got), signal.getsignal(signal.SIGUSR1))
signal.signal(signal.SIGUSR1, signal.SIG_DFL)

class Boom(Exception):
    pass
def raiser(signum, frame):
    raise Boom(signum)
signal.signal(signal.SIGUSR2, raiser)
try:
    os.kill(os.getpid(), signal.SIGUSR2)
except Boom as e:
    print("Boom", e.args[0] == signal.SIGUSR2)
try:
    signal.raise_signal(signal.SIGINT)
except KeyboardInterrupt:
    print("KeyboardInterrupt")
print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt as e:
    print("KeyboardInterrupt", e.args)

# A handler runs while time.sleep waits, and the sleep goes on afterwards.
ticks = []
signal.signal(signal.SIGALRM, lambda s, f: ticks.append(s))
signal.setitimer(signal.ITIMER_REAL, 0.05)
t0 = time.monotonic()
time.sleep(0.2)
print(ticks == [signal.SIGALRM], time.monotonic() - t0 >= 0.19)
# An exception from the handler interrupts the sleep.
signal.signal(signal.SIGALRM, raiser)
signal.setitimer(signal.ITIMER_REAL, 0.05)
t0 = time.monotonic()
try:
    time.sleep(5)
except Boom:
    print("sleep interrupted", time.monotonic() - t0 < 4)
print(signal.getitimer(signal.ITIMER_REAL))
print(signal.alarm(0))
signal.signal(signal.SIGALRM, lambda s, f: ticks.append("alarm"))
signal.alarm(1)
print(signal.alarm(0) >= 0)
# A handler that fires while os.read waits on a pipe; the read is retried.
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    time.sleep(0.1)
    os.kill(os.getppid(), signal.SIGUSR1)
    time.sleep(0.1)
    os.write(w, b"data")
    os._exit(0)
signal.signal(signal.SIGUSR1, handler)
got.clear()
print(os.read(r, 10), [s for s, f in got])
os.waitpid(pid, 0)
os.close(r)
os.close(w)

# A signal that arrives during a C function called with *args is handled as
# soon as the call returns, inside the try around it (as after a plain call).
def alarm_handler(sig, frame):
    raise ZeroDivisionError("from the handler")


signal.signal(signal.SIGALRM, alarm_handler)


def where(args):
    try:
        signal.setitimer(signal.ITIMER_REAL, 0.01)
        sorted(*args)
        x = "after the call"
    except ZeroDivisionError as e:
        return "caught in the try: " + str(e)
    return "missed: " + x


try:
    print(where([[(i * 7919) % 1000003 for i in range(1000003)]]))
except ZeroDivisionError:
    print("escaped the function")
signal.setitimer(signal.ITIMER_REAL, 0)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
