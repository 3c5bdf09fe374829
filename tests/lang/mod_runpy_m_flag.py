# `python -m module args`: sys.argv, sys.path[0], __main__ semantics, a
# timeout-scale: 3
# package's __main__, and the errors; run in a child process (fork/exec).
# gcstress-every: 20
import os, sys, tempfile, shutil

tmp = os.path.realpath(tempfile.mkdtemp())
def write(rel, text):
    path = os.path.join(tmp, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(text)

body = '''
import sys
print("name", __name__, "package", __package__, "spec", __spec__.name)
print("argv", sys.argv)
print("path0", sys.path[0])
print("main is me", sys.modules["__main__"].__dict__ is globals(), type(__loader__).__name__)
if __name__ == "__main__":
    print("running as main")
'''
write('mpkg/__init__.py', 'print("init of mpkg")\n')
write('mpkg/__main__.py', body)
write('mpkg/cli.py', body + 'raise SystemExit(3)\n')
write('mpkg/fails.py', 'def f():\n    raise RuntimeError("failed in module")\nf()\n')
write('nomain/__init__.py', '')
write('topmod.py', body)

def run(*args):
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.chdir(tmp)
            os.dup2(w, 1)
            os.dup2(w, 2)
            os.close(r)
            os.execv(sys.executable, [sys.executable] + list(args))
        finally:
            os._exit(127)
    os.close(w)
    chunks = []
    while True:
        data = os.read(r, 4096)
        if not data:
            break
        chunks.append(data)
    os.close(r)
    _, status = os.waitpid(pid, 0)
    out = b''.join(chunks).decode().replace(tmp, '<tmp>').replace(sys.executable, '<exe>')
    print('$', ' '.join(args), '-> exit', os.waitstatus_to_exitcode(status))
    for line in out.splitlines():
        print('   ', line)

run('-m', 'topmod', 'a', '--b')
run('-m', 'mpkg', 'x')
run('-m', 'mpkg.cli')
run('-m', 'mpkg.fails')
run('-m', 'nomain')
run('-m', 'no_such_module_q')
run('-m', 'mpkg.nope')
shutil.rmtree(tmp)
