# BytesIO.getbuffer(): a writable view that pins the buffer while it lives; readinto into views.
from _io import BytesIO

b = BytesIO(b"hello")
m = b.getbuffer()
print(type(m).__name__, bytes(m), len(m), m.readonly)
m[0] = ord("J")
print(b.getvalue())
for name, op in [("write", lambda: b.write(b"x")), ("truncate", lambda: b.truncate(1)),
                 ("close", b.close), ("seek", lambda: b.seek(0)), ("read", b.read)]:
    try:
        print(name, op())
    except BufferError as e:
        print(name, "BufferError", e)
m.release()
print(b.write(b"!"), b.getvalue())
with b.getbuffer() as view:
    print(view.tobytes())
b.close()
try:
    b.getbuffer()
except ValueError as e:
    print("ValueError", e)
print(bytes(BytesIO().getbuffer()))
ba = bytearray(5)
src = BytesIO(b"xyz")
print(src.readinto(memoryview(ba)[1:]), ba)
try:
    src.readinto(memoryview(b"abc"))
except TypeError as e:
    print("TypeError", e)
try:
    src.readinto(b"abc")
except TypeError as e:
    print("TypeError", e)
