# An uncaught KeyboardInterrupt prints its traceback and ends the process by SIGINT.
import os, sys, signal, tempfile
src = "import os, signal\nos.kill(os.getpid(), signal.SIGINT)\nwhile True: pass\n"
fd, path = tempfile.mkstemp(suffix=".py")
os.write(fd, src.encode())
os.close(fd)
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.dup2(w, 2)
    os.execv(sys.executable, [sys.executable, path])
os.close(w)
err = b""
while True:
    chunk = os.read(r, 4096)
    if not chunk:
        break
    err += chunk
os.close(r)
_, status = os.waitpid(pid, 0)
os.unlink(path)
print(err.decode().replace(path, "CHILD").splitlines())
print(os.WIFSIGNALED(status), os.WTERMSIG(status) == signal.SIGINT)
