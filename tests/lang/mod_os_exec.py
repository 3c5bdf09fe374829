# execv/execve in a forked child, and their argument errors.
import os

def run(fn, *args):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        os.dup2(w, 1)
        try:
            fn(*args)
        finally:
            os._exit(127)
    os.close(w)
    out = b""
    while True:
        chunk = os.read(r, 1000)
        if not chunk:
            break
        out += chunk
    os.close(r)
    _, status = os.waitpid(pid, 0)
    return out, os.waitstatus_to_exitcode(status)

print(run(os.execv, "/bin/sh", ["sh", "-c", "echo hello; exit 3"]))
print(run(os.execv, "/bin/echo", ("echo", "a", b"b")))
print(run(os.execve, "/bin/sh", ["sh", "-c", "echo $TAIPAN_E"], {"TAIPAN_E": "from env"}))
print(run(os.execve, "/bin/sh", ["sh", "-c", "echo ${PATH:-nopath}"], {}))
print(run(os.execv, "/nonexistent/prog", ["x"]))
for args in [("/bin/true", []), ("/bin/true", 5), ("/bin/true", [""]), ("/bin/true", ["a", 1])]:
    try:
        os.execv(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for env in [5, {"A=B": "c"}, {"": "x"}]:
    try:
        os.execve("/bin/true", ["a"], env)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    os.execv("/nonexistent/prog", ["x"])
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename)
