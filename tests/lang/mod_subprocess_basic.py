# subprocess: run/check_output/call/getoutput, Popen.communicate with timeouts, pipes, errors from the child, fork_exec options.
# gcstress-every: 50
import subprocess, sys, os
def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
r = subprocess.run(["echo", "hi"], capture_output=True)
print(r.returncode, r.stdout, r.stderr, r.args)
r = subprocess.run("echo $((6*7)); echo err >&2; exit 3", shell=True, capture_output=True, text=True)
print(r)
t("check", lambda: subprocess.run(["false"], check=True))
t("check_output", lambda: subprocess.check_output(["sh", "-c", "echo out; echo err >&2"], stderr=subprocess.STDOUT))
t("check_output input", lambda: subprocess.check_output(["tr", "a-z", "A-Z"], input=b"shout"))
t("check_output text", lambda: subprocess.check_output(["printf", "a\\nb\\n"], text=True).splitlines())
t("check_output fail", lambda: subprocess.check_output(["sh", "-c", "echo partial; exit 2"]))
t("call", lambda: subprocess.call(["sh", "-c", "exit 5"]))
t("getoutput", lambda: subprocess.getoutput("echo go"))
t("getstatusoutput", lambda: subprocess.getstatusoutput("echo so; exit 1"))
t("missing", lambda: subprocess.run(["/nonexistent/prog"]))
t("not exec", lambda: subprocess.run(["/etc/passwd"]))
t("bad cwd", lambda: subprocess.run(["true"], cwd="/nonexistent"))
t("cwd", lambda: subprocess.run(["pwd"], cwd="/", capture_output=True).stdout)
t("env", lambda: subprocess.run(["sh", "-c", "echo $FOO"], env={"FOO": "bar"}, capture_output=True).stdout)
t("stdin devnull", lambda: subprocess.run(["cat"], stdin=subprocess.DEVNULL, capture_output=True).stdout)
t("stdout devnull", lambda: subprocess.run(["echo", "x"], stdout=subprocess.DEVNULL).stdout)
p = subprocess.Popen(["cat"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)
print(p.communicate(b"data" * 10000, timeout=10)[0][:8], p.returncode)
p = subprocess.Popen(["sleep", "10"], stdout=subprocess.PIPE)
try:
    p.communicate(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("TimeoutExpired", e.cmd, e.timeout)
p.kill()
print(p.communicate(), p.returncode)
try:
    subprocess.run(["sleep", "10"], timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("run timeout", e.cmd, round(e.timeout, 1), e.output, e.stderr)
p = subprocess.Popen(["sleep", "10"])
t("wait timeout", lambda: p.wait(timeout=0.05))
p.terminate(); print(p.wait(), p.poll())
p = subprocess.Popen(["sh", "-c", "read x; echo got $x"], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
out, err = p.communicate("line\n")
print(repr(out), err, p.returncode)
with subprocess.Popen(["echo", "ctx"], stdout=subprocess.PIPE) as p:
    print(p.stdout.read())
print(p.returncode)
# pass_fds and close_fds
r, w = os.pipe()
p = subprocess.Popen(["sh", "-c", "echo passed >&%d" % w], pass_fds=[w])
p.wait(); os.close(w); print(os.read(r, 100)); os.close(r)
t("preexec", lambda: subprocess.run(["sh", "-c", "echo $$ > /dev/null; umask"], preexec_fn=lambda: os.umask(0o077), capture_output=True).stdout)
t("preexec raise", lambda: subprocess.run(["true"], preexec_fn=lambda: 1/0))
t("start_new_session", lambda: subprocess.run(["true"], start_new_session=True).returncode)
t("umask", lambda: subprocess.run(["sh", "-c", "umask"], umask=0o027, capture_output=True).stdout)
# the Python interpreter itself as the child
# (The child need not inherit the test runner's GC stress setting.)
child_env = {k: v for k, v in os.environ.items() if k != "TAIPAN_GCSTRESS"}
r = subprocess.run([sys.executable, "-c", "import sys; print(sys.argv[1:]); sys.exit(4)", "a", "b"], capture_output=True, env=child_env)
print("python child", r.returncode, r.stdout, r.stderr)
# vfork() children (the default) and fork() children (_USE_VFORK off) alike, with a
# Python signal handler firing meanwhile; a handled signal is SIG_DFL in the child.
import signal
ticks = 0
def on_alarm(*a):
    global ticks
    ticks += 1
signal.signal(signal.SIGALRM, on_alarm)
signal.setitimer(signal.ITIMER_REAL, 0.001, 0.001)
outs = []
for use_vfork in (True, False):
    subprocess._USE_VFORK = use_vfork
    outs += [subprocess.run(["echo", str(i)], capture_output=True).stdout for i in range(5)]
subprocess._USE_VFORK = True
signal.setitimer(signal.ITIMER_REAL, 0)
print(outs == [b"%d\n" % i for i in range(5)] * 2)
r = subprocess.run(["sh", "-c", "kill -ALRM $$; echo survived"], capture_output=True)
print(r.returncode, r.stdout)
signal.signal(signal.SIGALRM, signal.SIG_DFL)
