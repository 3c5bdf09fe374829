# threading.local: attributes per thread, __init__ re-run with the constructor's arguments, subclasses, __dict__.
import threading

loc = threading.local()
loc.x = "main"
seen = []
def look(tag):
    seen.append((tag, hasattr(loc, "x"), getattr(loc, "x", None)))
    loc.x = tag
    seen.append((tag, loc.x, sorted(loc.__dict__)))
ts = [threading.Thread(target=look, args=("t%d" % i,)) for i in range(3)]
for t in ts:
    t.start()
    t.join()
print(seen)
print("main still", loc.x, loc.__dict__)

class Counter(threading.local):
    inits = 0
    def __init__(self, start, step=1):
        Counter.inits += 1
        self.value = start
        self.step = step
    def bump(self):
        self.value += self.step
        return self.value

c = Counter(10, step=5)
print(c.bump(), c.bump())
res = []
lock = threading.Lock()
def use():
    v = [c.bump() for _ in range(3)]
    with lock:
        res.append(v)
ts = [threading.Thread(target=use) for _ in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(res, Counter.inits, c.value)

# Attributes set in a thread are gone for the others; deleting works per thread.
loc2 = threading.local()
def setdel():
    loc2.a = 1
    del loc2.a
    try:
        loc2.a
    except AttributeError as e:
        res.append(str(e))
t = threading.Thread(target=setdel)
t.start()
t.join()
print(res[-1])
try:
    threading.local(1)
except TypeError as e:
    print("TypeError", e)
try:
    loc.__dict__ = {}
except AttributeError as e:
    print("AttributeError", e)

class WithSlotsLike(threading.local):
    default = "class attr"
w = WithSlotsLike()
out = []
def read():
    out.append(w.default)
    w.default = "instance"
    out.append(w.default)
t = threading.Thread(target=read)
t.start()
t.join()
print(out, w.default)

# An __init__ that fails on another thread raises there, each time it is touched.
class Picky(threading.local):
    def __init__(self, owner):
        if threading.current_thread().name != owner:
            raise ValueError("not on " + threading.current_thread().name)
        self.ok = True
p = Picky("MainThread")
errs = []
def touch():
    for _ in range(2):
        try:
            p.ok
        except ValueError as e:
            errs.append(str(e))
t = threading.Thread(target=touch, name="other")
t.start()
t.join()
print(p.ok, errs)
