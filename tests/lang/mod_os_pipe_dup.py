# pipe, pipe2, dup, dup2, inheritable and blocking flags, isatty.
import os

r, w = os.pipe()
print(os.get_inheritable(r), os.get_inheritable(w), os.get_blocking(r))
print(os.isatty(r), os.isatty(w), os.device_encoding(r))
print(os.write(w, b"abc"), os.read(r, 10))
d = os.dup(w)
print(d not in (r, w), os.get_inheritable(d))
os.write(d, b"via dup")
print(os.read(r, 100))
os.set_inheritable(d, True)
print(os.get_inheritable(d))
os.set_inheritable(d, False)
print(os.get_inheritable(d))
t = os.dup2(w, 60)
print(t, os.get_inheritable(60))
t = os.dup2(w, 61, inheritable=False)
print(t, os.get_inheritable(61))
os.write(60, b"x")
os.write(61, b"y")
print(os.read(r, 10))
for fd in (d, 60, 61):
    os.close(fd)

os.set_blocking(r, False)
print(os.get_blocking(r))
try:
    os.read(r, 10)
except BlockingIOError as e:
    print("BlockingIOError", e.errno)
os.set_blocking(r, True)
print(os.get_blocking(r))
os.close(w)
print(os.read(r, 10))
os.close(r)

r2, w2 = os.pipe2(os.O_NONBLOCK)
print(os.get_blocking(r2), os.get_inheritable(r2))
r3, w3 = os.pipe2(0)
print(os.get_blocking(r3), os.get_inheritable(r3))
for fd in (r2, w2, r3, w3):
    os.close(fd)
try:
    os.get_inheritable(r2)
except OSError as e:
    print(type(e).__name__, e)
print(os.isatty(9999))
print(os.writev is not None)
r, w = os.pipe()
print(os.writev(w, [b"ab", b"cd", bytearray(b"ef")]))
buf1, buf2 = bytearray(2), bytearray(10)
print(os.readv(r, [buf1, buf2]), buf1, buf2)
os.close(r)
os.close(w)
