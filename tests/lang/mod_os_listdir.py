# listdir with str, bytes, a descriptor, None; names never include . and ..
import os

base = "/tmp/taipan_os_listdir_%d" % os.getpid()
os.mkdir(base)
for name in ["b", "a", "c.txt", ".hidden", "caf\u00e9"]:
    os.close(os.open(os.path.join(base, name), os.O_WRONLY | os.O_CREAT, 0o644))
os.mkdir(base + "/sub")
print(sorted(os.listdir(base)))
print(sorted(os.listdir(base.encode())))
fd = os.open(base, os.O_RDONLY)
print(sorted(os.listdir(fd)))
print(sorted(os.listdir(fd)))   # the descriptor's position does not matter
os.close(fd)
old = os.getcwd()
os.chdir(base)
print(sorted(os.listdir()), sorted(os.listdir(None)) == sorted(os.listdir(".")))
print(os.getcwd() == base, os.getcwdb() == base.encode())
os.chdir(old)
print(os.listdir(base + "/sub"))
# Undecodable names round-trip through surrogateescape.
raw = base.encode() + b"/\xff\xfe"
os.close(os.open(raw, os.O_WRONLY | os.O_CREAT, 0o644))
names = os.listdir(base)
odd = [n for n in names if n.startswith("\udcff")]
print(ascii(odd), os.fsencode(odd[0]))
print(b"\xff\xfe" in os.listdir(base.encode()))
os.unlink(os.path.join(base, odd[0]))
try:
    os.listdir(base + "/c.txt")
except NotADirectoryError as e:
    print("NotADirectoryError", e.errno)
for name in os.listdir(base):
    p = os.path.join(base, name)
    if os.path.isdir(p):
        os.rmdir(p)
    else:
        os.unlink(p)
os.rmdir(base)
print(os.path.exists(base))
