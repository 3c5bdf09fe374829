import signal, os
def h(sig, frame):
    raise RuntimeError("alarm %d" % sig)
signal.signal(signal.SIGALRM, h)
def spin():
    n = 0
    while True:
        n += 1
try:
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    spin()
except RuntimeError as e:
    print("caught", e)
try:
    os.kill(os.getpid(), signal.SIGINT)
    for i in range(10**9): pass
except KeyboardInterrupt:
    print("KeyboardInterrupt")
def rec(n): return rec(n+1) if n < 50 else 0
try:
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    while True: rec(0)
except RuntimeError as e:
    print("caught in calls", e)
signal.signal(signal.SIGALRM, lambda s, f: print("handler ran"))
signal.setitimer(signal.ITIMER_REAL, 0.01)
import time
time.sleep(0.2)
print("done")
