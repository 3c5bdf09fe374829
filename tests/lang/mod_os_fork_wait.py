# fork, _exit, waitpid/wait, the W* status macros and waitstatus_to_exitcode.
import os
import _signal as signal

def child(code):
    pid = os.fork()
    if pid == 0:
        os._exit(code)
    return pid

pid = child(7)
got, status = os.waitpid(pid, 0)
print(got == pid, os.WIFEXITED(status), os.WEXITSTATUS(status), os.WIFSIGNALED(status), os.waitstatus_to_exitcode(status))
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), signal.SIGKILL)
    os._exit(99)
got, status = os.waitpid(pid, 0)
print(os.WIFSIGNALED(status), os.WTERMSIG(status), os.WIFEXITED(status), os.waitstatus_to_exitcode(status))
pid = child(0)
got, status = os.wait()
print(got == pid, status, os.WCOREDUMP(status), os.WIFSTOPPED(status), os.WIFCONTINUED(status))
r, w = os.pipe()
pid = os.fork()
if pid == 0:
    os.close(r)
    os.write(w, b"ppid ok" if os.getppid() != os.getpid() else b"bad")
    os._exit(3)
os.close(w)
print(os.read(r, 100))
os.close(r)
print(os.waitpid(pid, 0)[1] >> 8)
print(os.waitpid(-1, os.WNOHANG) if False else "skip")
try:
    os.waitpid(-1, 0)
except ChildProcessError as e:
    print("ChildProcessError", e.errno, e)
try:
    os.wait()
except ChildProcessError as e:
    print("ChildProcessError", e.errno)
print(os.WEXITSTATUS(status=0x0300), os.WTERMSIG(9), os.WIFEXITED(0), os.WSTOPSIG(0x137f))
for bad in [-1, 0x137f]:
    try:
        os.waitstatus_to_exitcode(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    os.WEXITSTATUS("a")
except TypeError as e:
    print("TypeError", e)
pid = child(5)
res = os.waitid(os.P_PID, pid, os.WEXITED)
print(type(res).__name__, res.si_pid == pid, res.si_status, res.si_code == os.CLD_EXITED)
print(os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG) if False else "done")
calls = []
os.register_at_fork(before=lambda: calls.append("before"), after_in_parent=lambda: calls.append("parent"),
                    after_in_child=lambda: calls.append("child"))
pid = os.fork()
if pid == 0:
    os._exit(0 if calls == ["before", "child"] else 1)
os.waitpid(pid, 0)
print(calls)
try:
    os.register_at_fork()
except TypeError as e:
    print("TypeError", e)
try:
    os.register_at_fork(before=5)
except TypeError as e:
    print("TypeError", e)
