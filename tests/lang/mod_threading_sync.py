# threading: Thread start/join, Lock, RLock, Condition, Semaphore, Event, Barrier, Timer, names and counts.
import threading

# Many threads updating shared state under a lock.
total = 0
lock = threading.Lock()
def add(n):
    global total
    for _ in range(n):
        with lock:
            total += 1
ts = [threading.Thread(target=add, args=(500,)) for _ in range(8)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("total", total, [t.is_alive() for t in ts])

# Thread subclass with run() and a result.
class Summer(threading.Thread):
    def __init__(self, lo, hi):
        super().__init__(name="summer-%d" % lo)
        self.lo, self.hi = lo, hi
    def run(self):
        self.result = sum(range(self.lo, self.hi))
ss = [Summer(i * 1000, (i + 1) * 1000) for i in range(4)]
for s in ss:
    s.start()
for s in ss:
    s.join()
print([(s.name, s.result) for s in ss], sum(s.result for s in ss) == sum(range(4000)))

# Condition: producer/consumer on a list.
cond = threading.Condition()
items = []
consumed = []
def consumer():
    while True:
        with cond:
            while not items:
                cond.wait()
            x = items.pop(0)
        if x is None:
            return
        consumed.append(x)
c = threading.Thread(target=consumer)
c.start()
for i in range(50):
    with cond:
        items.append(i)
        cond.notify()
with cond:
    items.append(None)
    cond.notify()
c.join()
print("consumed", consumed == list(range(50)))

# wait_for with a predicate; notify_all wakes everyone.
ready = []
flag = [False]
def waiter(i):
    with cond:
        cond.wait_for(lambda: flag[0])
        ready.append(i)
ws = [threading.Thread(target=waiter, args=(i,)) for i in range(5)]
for w in ws:
    w.start()
with cond:
    flag[0] = True
    cond.notify_all()
for w in ws:
    w.join()
print("ready", sorted(ready))
with cond:
    print("wait timeout", cond.wait(0.01), cond.wait_for(lambda: False, timeout=0.01))

# Semaphore bounds concurrency; BoundedSemaphore refuses extra releases.
sem = threading.Semaphore(2)
inside = [0]
peak = [0]
mlock = threading.Lock()
gate = threading.Event()
def limited():
    with sem:
        with mlock:
            inside[0] += 1
            peak[0] = max(peak[0], inside[0])
        gate.wait(0.02)
        with mlock:
            inside[0] -= 1
ls = [threading.Thread(target=limited) for _ in range(6)]
for t in ls:
    t.start()
for t in ls:
    t.join()
print("peak <= 2", peak[0] <= 2, inside[0])
bs = threading.BoundedSemaphore(1)
bs.acquire()
bs.release()
try:
    bs.release()
except ValueError as e:
    print("ValueError", e)
print(sem.acquire(blocking=False), sem.acquire(blocking=False), sem.acquire(blocking=False), sem.acquire(timeout=0.01))

# Event.
ev = threading.Event()
print(ev.is_set(), ev.wait(0.01))
hits = []
def setter():
    hits.append("set")
    ev.set()
threading.Thread(target=setter).start()
print(ev.wait(30), hits)
ev.clear()
print(ev.is_set())

# Barrier: every party gets a distinct index; the action runs once.
actions = []
bar = threading.Barrier(4, action=lambda: actions.append("action"))
idx = []
def party():
    idx.append(bar.wait())
ps = [threading.Thread(target=party) for _ in range(4)]
for p in ps:
    p.start()
for p in ps:
    p.join()
print("barrier", sorted(idx), actions, bar.broken, bar.n_waiting)
b2 = threading.Barrier(2, timeout=0.01)
try:
    b2.wait()
except threading.BrokenBarrierError:
    print("broken", b2.broken)

# Timer runs once after its interval; a cancelled one never runs.
fired = []
t = threading.Timer(0.01, fired.append, args=("fired",))
t.start()
t.join()
t2 = threading.Timer(10, fired.append, args=("never",))
t2.start()
t2.cancel()
t2.join()
print(fired)

# RLock reentry across nested calls.
rl = threading.RLock()
def nested(n):
    with rl:
        return 0 if n == 0 else 1 + nested(n - 1)
print("nested", nested(10))

# Identity and bookkeeping.
main = threading.main_thread()
print(main is threading.current_thread(), main.name, threading.active_count())
names = []
def who():
    names.append((threading.current_thread().name, threading.current_thread() is not main,
                  threading.get_ident() == threading.current_thread().ident))
w = threading.Thread(target=who, name="worker-x")
w.start()
w.join()
print(names, w.is_alive(), w.daemon)
d = threading.Thread(target=lambda: None, daemon=True)
print(d.daemon, repr(d).startswith("<Thread(Thread-"))
try:
    w.start()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    threading.Thread(target=None).join()
except RuntimeError as e:
    print("RuntimeError", e)
print(len(threading.enumerate()), threading.get_native_id() > 0, threading.TIMEOUT_MAX)
