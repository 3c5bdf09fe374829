# Collections while other threads are parked (in lock waits, in C calls, mid-sort): what they hold survives.
# gcstress-every: 20
import gc
import threading
import weakref

class Node:
    def __init__(self, v, nxt):
        self.v = v
        self.nxt = nxt

def chain(n, tag):
    head = None
    for i in range(n):
        head = Node((tag, i, str(i) * 3), head)
    return head

def check(head, n, tag):
    i = n - 1
    while head is not None:
        if head.v != (tag, i, str(i) * 3):
            return False
        head = head.nxt
        i -= 1
    return i == -1

# Threads build data, then park on a barrier while the main thread
# allocates and collects; the data lives only in the parked frames.
bar = threading.Barrier(5)
go = threading.Event()
ok = []
def holder(tag):
    data = chain(200, tag)
    extra = {str(k): [k] * 3 for k in range(50)}
    bar.wait()
    go.wait()
    ok.append((tag, check(data, 200, tag), sum(v[0] for v in extra.values())))
hs = [threading.Thread(target=holder, args=("t%d" % i,)) for i in range(4)]
for h in hs:
    h.start()
bar.wait()
junk = [chain(50, "junk") for _ in range(20)]
del junk
for _ in range(3):
    gc.collect()
go.set()
for h in hs:
    h.join()
print(sorted(ok))

# A thread parked inside a C call (a sort calling its key function) keeps
# the C call's objects alive across the main thread's collections.
entered = threading.Event()
resume = threading.Event()
sorted_out = []
def key(x):
    if x == 7:
        entered.set()
        resume.wait()
    return -x
def sorter():
    items = [i for i in range(20)]
    sorted_out.append(sorted(map(lambda i: i, items), key=key))
s = threading.Thread(target=sorter)
s.start()
entered.wait()
for _ in range(3):
    gc.collect()
    [chain(20, "x") for _ in range(10)]
resume.set()
s.join()
print(sorted_out[0] == list(range(19, -1, -1)))

# Finalizers and weakref callbacks run in whichever thread reaches a safe point.
events = []
class Fin:
    def __del__(self):
        events.append("del")
class Obj:
    pass
def make_garbage():
    o = Obj()
    weakref.finalize(o, events.append, "finalize")
    f = Fin()
    f.cycle = f
    del o, f
    gc.collect()
t = threading.Thread(target=make_garbage)
t.start()
t.join()
gc.collect()
print(sorted(events))

# Many short threads allocating at once.
results = []
rl = threading.Lock()
def churn(k):
    acc = []
    for i in range(300):
        acc.append({"k": k, "i": i, "s": "%d-%d" % (k, i)})
        if i % 100 == 0:
            gc.collect()
    with rl:
        results.append(sum(d["i"] for d in acc) + len(acc[-1]["s"]))
cs = [threading.Thread(target=churn, args=(k,)) for k in range(6)]
for c in cs:
    c.start()
for c in cs:
    c.join()
print(sorted(results))
