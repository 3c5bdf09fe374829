# Signals and threads: handlers run in the main thread, signal() only works there, interrupt_main, interrupted lock waits.
import _thread
import os
import signal
import threading
import time

errs = []
def try_signal():
    try:
        signal.signal(signal.SIGUSR1, signal.SIG_IGN)
    except ValueError as e:
        errs.append(str(e))
    try:
        signal.set_wakeup_fd(-1)
    except ValueError as e:
        errs.append(str(e))
t = threading.Thread(target=try_signal)
t.start()
t.join()
print(errs)

# A handler runs in the main thread whoever sends the signal.
seen = []
def handler(signum, frame):
    seen.append((signum == signal.SIGUSR1, threading.current_thread() is threading.main_thread()))
old = signal.signal(signal.SIGUSR1, handler)
t = threading.Thread(target=lambda: os.kill(os.getpid(), signal.SIGUSR1))
t.start()
t.join()
deadline = time.monotonic() + 30
while not seen and time.monotonic() < deadline:
    pass
print(seen)

# interrupt_main: KeyboardInterrupt in the busy main thread.
# (The interrupt waits until main is inside the try: under load, main may be
# late to get there.)
ready = threading.Event()
def interrupter():
    ready.wait()
    time.sleep(0.01)
    _thread.interrupt_main()
t = threading.Thread(target=interrupter)
t.start()
try:
    ready.set()
    while True:
        pass
except KeyboardInterrupt:
    print("KeyboardInterrupt in main")
t.join()
seen.clear()
t = threading.Thread(target=_thread.interrupt_main, args=(signal.SIGUSR1,))
t.start()
t.join()
while not seen:
    pass
print(seen)
try:
    _thread.interrupt_main(10000)
except ValueError as e:
    print("ValueError", e)
signal.signal(signal.SIGUSR2, signal.SIG_IGN)
_thread.interrupt_main(signal.SIGUSR2)   # not handled by Python: nothing happens
print("ignored")

# A signal whose handler raises interrupts the main thread's blocking lock wait.
class Stop(Exception):
    pass
def raiser(signum, frame):
    raise Stop("handler raised")
signal.signal(signal.SIGUSR1, raiser)
lock = threading.Lock()
lock.acquire()
main_id = threading.get_ident()
t = threading.Thread(target=lambda: (time.sleep(0.02), signal.pthread_kill(main_id, signal.SIGUSR1)))
t.start()
try:
    lock.acquire()
except Stop as e:
    print("lock wait interrupted:", e)
t.join()
print(lock.locked())
signal.signal(signal.SIGUSR1, old)
