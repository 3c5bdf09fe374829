# The abstract bases are real classes: Python subclasses get their default methods, and the
# buffered and text layers work over Python raw streams.
import _io

class Raw(_io._RawIOBase):
    def __init__(self, data):
        self.data = data
        self.pos = 0
        self.calls = 0
    def readable(self):
        return True
    def readinto(self, b):
        self.calls += 1
        n = min(len(b), 5, len(self.data) - self.pos)
        b[:n] = self.data[self.pos:self.pos + n]
        self.pos += n
        return n
r = Raw(b"hello world\nsecond line\nthird")
print(r.read(3), r.read(), r.read(), r.calls)
r.pos = 0
print(r.readline(), r.readlines(), isinstance(r, _io._IOBase), r.closed)
r.pos = 0
br = _io.BufferedReader(r, 8)
print(br.read(2), br.readline(), br.peek(1)[:1], br.read(), repr(br))
t = _io.TextIOWrapper(_io.BufferedReader(Raw(b"caf\xc3\xa9\nbar\n")), encoding="utf-8")
print(list(t))

class Sink(_io._RawIOBase):
    def __init__(self):
        self.chunks = []
    def writable(self):
        return True
    def write(self, b):
        self.chunks.append(bytes(b))
        return len(b)
s = Sink()
w = _io.BufferedWriter(s, 4)
w.write(b"ab")
w.write(b"cdefgh")
w.write(b"i")
print(s.chunks)
w.flush()
print(s.chunks)
s.writelines([b"x", b"y"])
print(s.chunks[-2:])

class Lines(_io._TextIOBase):
    def __init__(self):
        self.lines = ["x\n", "y\n"]
    def readline(self):
        return self.lines.pop(0) if self.lines else ""
print(list(Lines()), Lines().readlines(), Lines().encoding, Lines().newlines)

class Closer(_io._IOBase):
    def flush(self):
        print("flush called")
c = Closer()
with c:
    print("inside", c.closed)
print(c.closed, c.__dict__)
c.close()
for base in (_io._RawIOBase, _io._BufferedIOBase, _io._TextIOBase):
    obj = base()
    try:
        obj.read()
    except Exception as e:
        print(base.__name__, type(e).__name__, e)
print(_io._BufferedIOBase().readable(), _io._IOBase().seekable())
try:
    _io._IOBase().fileno()
except _io.UnsupportedOperation as e:
    print("UnsupportedOperation", e)
class Buf(_io._BufferedIOBase):
    def read(self, n=-1):
        return b"xyz"[:n]
ba = bytearray(2)
print(Buf().readinto(ba), ba)
print(issubclass(_io.FileIO, _io._RawIOBase), issubclass(_io.BytesIO, _io._BufferedIOBase),
      issubclass(_io.StringIO, _io._TextIOBase), issubclass(_io.TextIOWrapper, _io._IOBase),
      [c.__name__ for c in _io.BufferedRandom.__mro__])
