# Streams found unreachable are closed by the collector as CPython's
# finalizers close them: outermost first (what was written reaches the
# file), with ResourceWarning "unclosed file <outermost stream>".
import gc
import io
import os
import tempfile
import warnings
import weakref

tmp = tempfile.mkdtemp()
path = os.path.join(tmp, "f.txt")


def collected(make):
    with warnings.catch_warnings(record=True) as ws:
        warnings.simplefilter("always")
        f = make()
        r = repr(f)
        f = None
        gc.collect()
    msgs = [str(w.message) for w in ws if w.category is ResourceWarning]
    print(r.replace(tmp, "TMP"), msgs == ["unclosed file " + r], len(msgs))


def write_text():
    f = open(path, "w", encoding="utf-8")
    f.write("text")
    return f


def write_bytes():
    f = open(path, "wb")
    f.write(b"bytes")
    return f


collected(write_text)
with open(path, encoding="utf-8") as g:
    print(g.read())
collected(write_bytes)
with open(path, "rb") as g:
    print(g.read())
collected(lambda: open(path, "rb", buffering=0))
collected(lambda: open(path, "r", encoding="utf-8"))

# A closed stream gives no warning.
with warnings.catch_warnings(record=True) as ws:
    warnings.simplefilter("always")
    f = open(path, "rb")
    f.close()
    f = None
    gc.collect()
print("closed:", len(ws))

# Weak references to the builtin streams.
for make in (lambda: open(path, "rb", buffering=0), lambda: open(path, "rb"),
             lambda: open(path, encoding="utf-8"), io.BytesIO, io.StringIO):
    f = make()
    w = weakref.ref(f)
    print(type(w()).__name__, w() is f, end=" ")
    f.close()
    del f
    gc.collect()
    print(w() is None)
pair = io.BufferedRWPair(io.BytesIO(), io.BytesIO())
print(weakref.ref(pair)() is pair)


# A buffered writer over a Python raw stream is flushed when collected.
class Raw(io.RawIOBase):
    def __init__(self):
        self.stack = []

    def writable(self):
        return True

    def write(self, b):
        self.stack.append(bytes(b))
        return len(b)


raw = Raw()
bufio = io.BufferedWriter(raw, 8)
bufio.write(b"abc")
del bufio
gc.collect()
print(raw.stack)

# A text wrapper closes its buffer when collected.
log = []


class MyBytesIO(io.BytesIO):
    def close(self):
        log.append(self.getvalue())
        io.BytesIO.close(self)


t = io.TextIOWrapper(MyBytesIO(), encoding="ascii")
t.write("abc")
del t
gc.collect()
print(log)


# Objects with __del__ that die together: the one no other refers to first.
order = []


class Node:
    def __init__(self, name, child=None):
        self.name = name
        self.child = child

    def __del__(self):
        order.append(self.name)


leaf = Node("leaf")
top = Node("top", Node("middle", leaf))
del leaf
top = None
gc.collect()
print(order[0], sorted(order))

# An uninitialized TextIOWrapper refuses repr().
t = io.TextIOWrapper.__new__(io.TextIOWrapper)
try:
    repr(t)
except ValueError as e:
    print("ValueError", e)


# BufferedRWPair.close(): both closes fail -> the reader's error, with the
# writer's as its context.
def reader_close():
    reader_non_existing


def writer_close():
    writer_non_existing


class RawRW(Raw):
    def readable(self):
        return True


r, w = RawRW(), RawRW()
r.close, w.close = reader_close, writer_close
pair = io.BufferedRWPair(r, w)
try:
    pair.close()
except NameError as e:
    print(e, "|", e.__context__)
r.close = w.close = lambda: None


# A non-blocking raw stream: what could not be written is buffered, and
# BlockingIOError counts everything the call took.
class NonBlock(io.RawIOBase):
    def __init__(self):
        self.written = []
        self.block = None

    def writable(self):
        return True

    def write(self, b):
        b = bytes(b)
        if self.block is not None:
            i = b.find(self.block)
            if i == 0:
                self.block = None
                return None
            if i > 0:
                b = b[:i]
        self.written.append(b)
        return len(b)


for tp in (io.BufferedWriter,):
    raw = NonBlock()
    bufio = tp(raw, 8)
    print(bufio.write(b"abcd"), bufio.write(b"efghi"), end=" ")
    raw.block = b"k"
    print(bufio.write(b"jklmn"), end=" ")
    raw.block = b"0"
    try:
        bufio.write(b"opqrwxyz0123456789")
    except BlockingIOError as e:
        print("blocked", e.characters_written, e.args[1:], end=" ")
    print(b"".join(raw.written), end=" ")
    raw.written.clear()
    print(bufio.write(b"ABCDEFGHI"), b"".join(raw.written)[:9])

for name in os.listdir(tmp):
    os.unlink(os.path.join(tmp, name))
os.rmdir(tmp)
