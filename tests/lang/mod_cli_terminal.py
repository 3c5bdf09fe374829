# timeout-scale: 6
# gcstress-every: 200
# The prompt in a real terminal: tmux runs the interpreter, keys are sent
# with send-keys and the screen is read with capture-pane.  A multi-line def,
# a call, a traceback, _, Ctrl-C in `while True: pass`, tab completion of
# `imp`, history recall with Up, Ctrl-D.  The screen is printed as it is,
# the banner's two lines aside (they name the implementation).
import os, shlex, subprocess, sys, tempfile, time

SOCK = "taipan-test-%d" % os.getpid()
env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "TMUX")) and k != "TAIPAN_GCSTRESS"}


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCK, "-f", os.devnull, *args], capture_output=True, text=True, env=env)


def screen():
    return tmux("capture-pane", "-p", "-S", "-200", "-t", "t").stdout


def settle(want, timeout=30.0):
    """Wait until the screen's last non-empty line is `want` and stays so."""
    deadline = time.time() + timeout
    last, since = None, time.time()
    while time.time() < deadline:
        s = screen()
        lines = [l for l in s.splitlines() if l.strip()]
        if s != last:
            last, since = s, time.time()
        elif lines and lines[-1].rstrip() == want.rstrip() and time.time() - since > 0.3:
            return
        time.sleep(0.05)
    print("timed out waiting for", repr(want), "screen:", last)


def keys(*k, want=">>> "):
    tmux("send-keys", "-t", "t", *k)
    settle(want)


with tempfile.TemporaryDirectory() as home:
    env["HOME"] = home
    status_file = os.path.join(home, "status")
    # The shell records the exit status (tmux's pane_dead_status can lag).
    cmd = "%s; echo $? > %s" % (shlex.quote(sys.executable), shlex.quote(status_file))
    r = tmux("new-session", "-d", "-s", "t", "-x", "80", "-y", "50", cmd)
    if r.returncode:
        print("tmux failed", r.stderr)
    tmux("set-option", "-t", "t", "remain-on-exit", "on")
    settle(">>> ")
    keys("def f(x):", "Enter", want="... ")
    keys("    return x * 2", "Enter", want="... ")
    keys("Enter")
    keys("f(21)", "Enter")
    keys("1/0", "Enter")
    keys("_", "Enter")
    keys("while True: pass", "Enter", want="... ")
    tmux("send-keys", "-t", "t", "Enter")
    time.sleep(0.5)
    keys("C-c")
    keys("imp", "Tab", want=">>> import ")
    keys("os", "Enter")
    keys("os.sep", "Enter")
    keys("Up", "Up", "Up", "Up", "Up", "Up", want=">>> f(21)")
    keys("Enter")
    tmux("send-keys", "-t", "t", "C-d")
    deadline = time.time() + 60
    status = ""
    while time.time() < deadline and not status.endswith("\n"):
        time.sleep(0.05)
        if os.path.exists(status_file):
            with open(status_file) as f:
                status = f.read()
    status = status.strip()
    time.sleep(0.2)
    lines = [l.rstrip() for l in screen().splitlines()]
    tmux("kill-server")
    lines = [l for l in lines if not l.startswith("Pane is dead")]
    while lines and not lines[-1]:
        lines.pop()
    print("banner:", lines[0].startswith("Python 3.11.2 "), lines[1].startswith('Type "help", "copyright"'))
    for l in lines[2:]:
        print("|" + l)
    print("exit status", status)
    print("history file:", os.path.exists(os.path.join(home, ".python_history")))
