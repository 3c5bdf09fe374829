# TextIOWrapper over a BytesIO: pending output, line_buffering, write_through, detach, reconfigure.
from _io import BytesIO, TextIOWrapper, UnsupportedOperation

b = BytesIO()
t = TextIOWrapper(b, encoding="utf-8")
print(t.write("abc\n"), b.getvalue(), t.buffer is b)
t.flush()
print(b.getvalue())
t.write("x" * 9000)
print(len(b.getvalue()))
t = TextIOWrapper(BytesIO(), encoding="utf-8", line_buffering=True)
t.write("no newline")
print(t.buffer.getvalue())
t.write(" then one\n")
print(t.buffer.getvalue())
t.write("carriage\r")
print(t.buffer.getvalue())
t = TextIOWrapper(BytesIO(), encoding="utf-8", write_through=True)
t.write("through")
print(t.buffer.getvalue(), t.write_through, t.line_buffering)
t.reconfigure(line_buffering=True, write_through=False)
print(t.line_buffering, t.write_through)
t = TextIOWrapper(BytesIO(b"data"), encoding="ascii")
print(repr(t), t.encoding, t.errors, t.newlines)
print(t.read(2))
try:
    t.reconfigure(encoding="latin-1")
except UnsupportedOperation as e:
    print("UnsupportedOperation", e)
t = TextIOWrapper(BytesIO(), encoding="ascii")
t.reconfigure(encoding="latin-1", errors="replace")
t.write("é€")
t.flush()
print(t.buffer.getvalue(), t.encoding, t.errors)
t.reconfigure(newline="\r\n")
t.write("a\nb")
t.flush()
print(t.buffer.getvalue())
raw = t.detach()
print(type(raw).__name__, raw.getvalue(), t.buffer)
for name in ("read", "write", "tell", "flush", "fileno", "readline"):
    try:
        getattr(t, name)(*(("x",) if name == "write" else ()))
    except ValueError as e:
        print(name, "ValueError", e)
print(repr(t))
t = TextIOWrapper(BytesIO(b"a\r\nb\rc\n"), newline=None)
print(t.readlines(), t.newlines, t.name if hasattr(t, "name") else "no name")
t.mode = "r"
print(repr(t))
t = TextIOWrapper(BytesIO(b"abc"))
t.read(1)
print(t.write("Z"), t.buffer.getvalue())
t.flush()
print(t.buffer.getvalue())
for kw in (dict(encoding=5), dict(errors=5), dict(newline=5), dict(newline="x"), dict(encoding="nope")):
    try:
        TextIOWrapper(BytesIO(), **kw)
    except (TypeError, ValueError, LookupError) as e:
        print(kw, type(e).__name__, e)
try:
    TextIOWrapper(BytesIO()).write(b"bytes")
except TypeError as e:
    print("TypeError", e)
class Log(BytesIO):
    def write(self, data):
        print("buffer.write", bytes(data))
        return super().write(data)
t = TextIOWrapper(Log(), encoding="utf-8")
t.write("one")
t.write("two")
print("before flush")
t.flush()
print(t._CHUNK_SIZE)
try:
    t._CHUNK_SIZE = 0
except ValueError as e:
    print("ValueError", e)
