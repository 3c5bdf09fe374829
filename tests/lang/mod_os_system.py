# os.system returns the wait status of /bin/sh -c.
import os

print(os.system("exit 0"))
print(os.system("exit 3"), os.waitstatus_to_exitcode(os.system("exit 3")))
print(os.system(b"true"))
st = os.system("kill -9 $$")
print(os.WIFSIGNALED(st), os.WTERMSIG(st))
base = "/tmp/taipan_os_system_%d" % os.getpid()
os.mkdir(base)
print(os.system("echo hi > " + base + "/out"))
fd = os.open(base + "/out", os.O_RDONLY)
print(os.read(fd, 100))
os.close(fd)
os.unlink(base + "/out")
os.rmdir(base)
for bad in [5, None]:
    try:
        os.system(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    os.system("a\0b")
except ValueError as e:
    print("ValueError", e)
print(os.path.exists(base))
