# _thread: start_new_thread, locks released by another thread, RLock ownership, identities, argument errors.
import _thread

def show(f, *a, **k):
    try:
        print("  ->", f(*a, **k))
    except Exception as e:
        print("  ", type(e).__name__, e)

# A thread runs the function with args and kwargs; the main thread waits on a lock it releases.
done = _thread.allocate_lock()
done.acquire()
out = []
def worker(a, b, *, c):
    out.append((a, b, c, _thread.get_ident() != main_ident))
    done.release()          # released by a thread that did not acquire it
main_ident = _thread.get_ident()
ident = _thread.start_new_thread(worker, (1, 2), {"c": 3})
print(type(ident).__name__, ident != main_ident)
print(done.acquire(timeout=30), out)
done.release()

# Lock basics.
l = _thread.allocate_lock()
print(type(l).__name__, l.locked(), l.acquire(), l.locked())
print(l.acquire(False), l.acquire(blocking=False), l.acquire(timeout=0), l.acquire(timeout=0.01))
l.release()
print(l.locked())
show(l.release)
with l:
    print("in with", l.locked())
print(l.locked(), repr(l).split()[0])
show(l.acquire, blocking=False, timeout=1)
show(l.acquire, timeout=-2)
show(l.acquire, timeout="x")
show(l.acquire, timeout=float("nan"))
show(_thread.allocate_lock, 1)
show(_thread.LockType)

# RLock: recursion and ownership.
r = _thread.RLock()
print(r.acquire(), r.acquire(), r._is_owned())
r.release(); r.release()
show(r.release)
got = []
r.acquire()
def other():
    got.append(r.acquire(blocking=False))
    got.append(r._is_owned())
    try:
        r.release()
    except RuntimeError as e:
        got.append(str(e))
    done.release()
done.acquire()
_thread.start_new_thread(other, ())
done.acquire(); done.release()
print(got)
state = r._release_save()
print(state[0], r._is_owned())
r._acquire_restore(state)
print(r._is_owned())
r.release()

# Waiters: several threads block on one lock; each release lets exactly one through.
gate = _thread.allocate_lock()
gate.acquire()
count_lock = _thread.allocate_lock()
passed = []
finished = _thread.allocate_lock()
finished.acquire()
N = 5
def waiter(i):
    gate.acquire()
    with count_lock:
        passed.append(i)
        if len(passed) == N:
            finished.release()
    gate.release()
for i in range(N):
    _thread.start_new_thread(waiter, (i,))
gate.release()
finished.acquire()
print(sorted(passed))

# Argument checking.
show(_thread.start_new_thread, 1, ())
show(_thread.start_new_thread, print, [])
show(_thread.start_new_thread, print, (), [])
show(_thread.stack_size, 100)
show(_thread.stack_size, -1)
print(_thread.stack_size(), _thread.stack_size(1 << 20), _thread.stack_size(0))
print(_thread.TIMEOUT_MAX, _thread.error is RuntimeError, _thread.LockType is type(l))
a = _thread._ExceptHookArgs((1, 2, 3, 4))
print(a, a.thread)
show(_thread._ExceptHookArgs, (1, 2))
show(_thread._excepthook, (1, 2, 3, 4))
print(isinstance(_thread.get_native_id(), int), _thread.get_native_id() > 0)
show(_thread.exit)
