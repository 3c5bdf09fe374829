# Pickler/Unpickler objects: persistent ids, dispatch tables, reducer_override,
# fast mode, memo reuse, out-of-band buffers, find_class, files.
# gcstress-every: 5
import copyreg
import io
import pickle


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)


DB = {"alice": Point(1, 2), "bob": Point(3, 4)}


class DBPickler(pickle.Pickler):
    def persistent_id(self, obj):
        for k, v in DB.items():
            if v is obj:
                return k
        return None


class DBUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        return DB[pid]


for proto in range(6):
    f = io.BytesIO()
    DBPickler(f, proto).dump([DB["alice"], Point(5, 6), DB["bob"], DB["alice"]])
    print(proto, f.getvalue())
    f.seek(0)
    back = DBUnpickler(f).load()
    print(back, back[0] is DB["alice"], back[3] is DB["alice"])

# persistent_id set as an attribute
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.persistent_id = lambda o: "ID" if isinstance(o, Point) else None
p.dump((Point(0, 0), 1))
print(f.getvalue())
u = pickle.Unpickler(io.BytesIO(f.getvalue()))
u.persistent_load = lambda pid: ("loaded", pid)
print(u.load())
try:
    pickle.Unpickler(io.BytesIO(f.getvalue())).load()
except pickle.UnpicklingError as e:
    print("UnpicklingError", e)


# dispatch_table on the instance and on the class
def reduce_point(p):
    return (Point, (p.y, p.x))


f = io.BytesIO()
p = pickle.Pickler(f, 3)
p.dispatch_table = copyreg.dispatch_table.copy()
p.dispatch_table[Point] = reduce_point
p.dump(Point(1, 2))
print(f.getvalue(), pickle.loads(f.getvalue()))


class SwapPickler(pickle.Pickler):
    dispatch_table = {Point: reduce_point}


f = io.BytesIO()
SwapPickler(f, 4).dump([Point(7, 8)])
print(f.getvalue(), pickle.loads(f.getvalue()))

# copyreg.pickle registers in the global table
class Temp:
    def __init__(self, c):
        self.c = c


copyreg.pickle(Temp, lambda t: (Temp, (t.c * 2,)))
print(pickle.dumps(Temp(21), 2), pickle.loads(pickle.dumps(Temp(21))).c)
del copyreg.dispatch_table[Temp]


# reducer_override
class OverridePickler(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is Point:
            return "Point"
        if isinstance(obj, int) and not isinstance(obj, bool):
            return NotImplemented
        if isinstance(obj, Point):
            return (Point, (0, 0))
        return NotImplemented


f = io.BytesIO()
OverridePickler(f, 4).dump([Point(3, 3), Point, 5, "s"])
print(f.getvalue(), pickle.loads(f.getvalue()))

# the memo persists across dump() calls until clear_memo()
f = io.BytesIO()
p = pickle.Pickler(f, 2)
shared = ["shared"]
p.dump(shared)
p.dump(shared)
p.clear_memo()
p.dump(shared)
print(f.getvalue())
f.seek(0)
u = pickle.Unpickler(f)
a = u.load()
b = u.load()
c = u.load()
print(a, b, c, a is b, a is c)

# fast mode: no memo
f = io.BytesIO()
p = pickle.Pickler(f, 2)
p.fast = 1
print(p.fast, p.bin)
p.dump([shared, shared])
print(f.getvalue())
deep = []
for i in range(100):
    deep = [deep]
p = pickle.Pickler(io.BytesIO(), 2)
p.fast = True
p.dump(deep)
cyc = []
cyc.append(cyc)
try:
    p.dump([[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[cyc]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]])
except ValueError as e:
    print("ValueError", str(e).split(" at ")[0])

# protocol 5 out-of-band buffers
buffers = []
data = pickle.dumps([pickle.PickleBuffer(b"readonly"), pickle.PickleBuffer(bytearray(b"writable"))], 5,
                    buffer_callback=buffers.append)
print(data, len(buffers), [bytes(b.raw()) for b in buffers])
back = pickle.loads(data, buffers=buffers)
print([bytes(x) for x in back], [type(x).__name__ for x in back])
print(pickle.loads(pickle.dumps(pickle.PickleBuffer(b"inband"), 5)))
print(pickle.loads(pickle.dumps(pickle.PickleBuffer(bytearray(b"inband")), 5)))
data = pickle.dumps(pickle.PickleBuffer(b"x"), 5, buffer_callback=lambda b: False)
try:
    pickle.loads(data)
except pickle.UnpicklingError as e:
    print(e)
try:
    pickle.loads(data, buffers=[])
except pickle.UnpicklingError as e:
    print(e)
m = pickle.loads(data, buffers=[bytearray(b"y")])
print(type(m).__name__, m.readonly, bytes(m))
pb = pickle.PickleBuffer(b"abc")
print(bytes(memoryview(pb)), pb.raw().format, pb.raw().nbytes)
pb.release()
try:
    pb.raw()
except ValueError as e:
    print(e)
try:
    pickle.dumps(pb, 5)
except ValueError as e:
    print(e)


# find_class override
class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        if module == "builtins" and name in ("set", "frozenset"):
            return super().find_class(module, name)
        raise pickle.UnpicklingError("global '%s.%s' is forbidden" % (module, name))


print(Restricted(io.BytesIO(pickle.dumps({1, 2}, 4))).load())
try:
    Restricted(io.BytesIO(pickle.dumps(Point(1, 2)))).load()
except pickle.UnpicklingError as e:
    print(e)
print(pickle.Unpickler(io.BytesIO(b"")).find_class("builtins", "len"))
print(pickle.Unpickler(io.BytesIO(b"")).find_class("__builtin__", "xrange"))

# a file whose read() hands back fewer bytes at a time
class Slow:
    def __init__(self, data):
        self.f = io.BytesIO(data)

    def read(self, n=-1):
        return self.f.read(n)

    def readline(self):
        return self.f.readline()


for proto in range(6):
    obj = {"k": [1, 2.5, "three", (4,), {5}], "p": Point(1, "a")}
    s = Slow(pickle.dumps(obj, proto) + b"rest")
    print(proto, pickle.load(s), s.f.read())

# subclass without __init__
class NoInit(pickle.Pickler):
    def __init__(self):
        pass


try:
    NoInit().dump(1)
except pickle.PicklingError as e:
    print(e)


class NoInitU(pickle.Unpickler):
    def __init__(self):
        pass


try:
    NoInitU().load()
except pickle.UnpicklingError as e:
    print(e)

print(pickle.Pickler.__module__, pickle.Pickler.__name__, pickle.PicklingError.__mro__)
