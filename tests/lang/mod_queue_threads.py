# queue with threads: producers and consumers, task_done/join, priority order, blocking get with timeout, SimpleQueue.
# gcstress-every: 5
import queue
import threading
import _queue

q = queue.Queue()
results = []
rlock = threading.Lock()
def producer(base):
    for i in range(100):
        q.put(base + i)
def consumer():
    while True:
        x = q.get()
        if x is None:
            q.task_done()
            return
        with rlock:
            results.append(x)
        q.task_done()
cs = [threading.Thread(target=consumer) for _ in range(3)]
ps = [threading.Thread(target=producer, args=(k * 1000,)) for k in range(3)]
for t in cs + ps:
    t.start()
for p in ps:
    p.join()
q.join()
for _ in cs:
    q.put(None)
for c in cs:
    c.join()
print(len(results), sorted(results) == sorted(k * 1000 + i for k in range(3) for i in range(100)))

# A bounded queue makes the producer wait for the consumer.
bq = queue.Queue(maxsize=2)
got = []
def slow_consumer():
    for _ in range(10):
        got.append(bq.get())
t = threading.Thread(target=slow_consumer)
t.start()
for i in range(10):
    bq.put(i)
t.join()
print(got, bq.empty())
try:
    bq.put_nowait(1); bq.put_nowait(2); bq.put_nowait(3)
except queue.Full:
    print("Full", bq.qsize())
try:
    bq.put(4, timeout=0.01)
except queue.Full:
    print("Full after timeout")

# Priority and LIFO order.
pq = queue.PriorityQueue()
for x in [5, 1, 4, 2, 3]:
    pq.put(x)
print([pq.get() for _ in range(5)])
lq = queue.LifoQueue()
for x in range(4):
    lq.put(x)
print([lq.get() for _ in range(4)])

# Blocking get: woken by a put from another thread; timeouts raise Empty.
e = queue.Queue()
try:
    e.get(timeout=0.01)
except queue.Empty:
    print("Empty")
try:
    e.get(block=False)
except queue.Empty:
    print("Empty nowait")

sq = _queue.SimpleQueue()
out = []
def getter(n):
    for _ in range(n):
        out.append(sq.get())
gs = [threading.Thread(target=getter, args=(20,)) for _ in range(3)]
for g in gs:
    g.start()
for i in range(60):
    sq.put(i)
for g in gs:
    g.join()
print(sorted(out) == list(range(60)), sq.empty(), sq.qsize())
try:
    sq.get(timeout=0.01)
except _queue.Empty:
    print("SimpleQueue Empty")
try:
    sq.get(timeout=-1)
except ValueError as e:
    print("ValueError", e)
ev = threading.Event()
def late_put():
    ev.wait()
    sq.put("late")
t = threading.Thread(target=late_put)
t.start()
ev.set()
print(sq.get(timeout=30))
t.join()
