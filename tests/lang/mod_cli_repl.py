# gcstress-every: 200
# The interactive prompt, driven through a pipe (-i) and through a terminal
# (a pty, with readline): what it prints, compared with CPython's.
import os, pty, select, subprocess, sys, tempfile, time

EXE = sys.executable
ENV = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON') and k != 'TAIPAN_GCSTRESS'}

SESSION = '''def f(x):
    return x * 2

f(21)
_ + 1
1/0
for i in range(2):
    print(i)

x = (1,
2)
x
1 +
if x: print("one line")

import sys
sys.ps1 = "A> "
sys.ps2 = "B> "
if x:
  pass

_
'''
p = subprocess.run([EXE, '-S', '-q', '-i'], input=SESSION, capture_output=True, text=True, env=ENV)
print('pipe: exit', p.returncode)
print(p.stdout)
print(p.stderr)

p = subprocess.run([EXE, '-S', '-q', '-i'], input='print("x")\nraise SystemExit(3)\nprint("not reached")\n',
                   capture_output=True, text=True, env=ENV)
print('exit:', p.returncode, repr(p.stdout), repr(p.stderr))
p = subprocess.run([EXE, '-q', '-i', '-c', '1/0'], input='print("after the error")\n',
                     capture_output=True, text=True, env=ENV)
print('-i after an error:', p.returncode, repr(p.stdout), repr(p.stderr))

# A terminal: readline editing, tab completion, history, Ctrl-C, Ctrl-D.
home = tempfile.mkdtemp()
pid, fd = pty.fork()
if pid == 0:
    os.execve(EXE, [EXE, '-q'], dict(ENV, HOME=home, TERM='dumb'))
out = b''

def read_until(pattern, limit=20.0):
    global out
    end = time.time() + limit
    while pattern not in out[mark:] and time.time() < end:
        r, _, _ = select.select([fd], [], [], 0.05)
        if r:
            try:
                out += os.read(fd, 4096)
            except OSError:
                return

mark = 0
read_until(b'>>> ')
for keys, expect in ((b'def g():\r', b'... '), (b'    return "g"\r', b'... '), (b'\r', b'>>> '),
                     (b'g()\r', b'>>> '), (b'imp\t', b'import '), (b'sys\r', b'>>> '),
                     (b'\x1b[A\r', b'>>> '), (b'1/0\r', b'>>> '), (b'abc\x03', b'>>> '),
                     (b'while True: pass\r', b'... '), (b'\r', b'')):
    mark = len(out)
    os.write(fd, keys)
    read_until(expect)
time.sleep(0.3)
mark = len(out)
os.write(fd, b'\x03')
read_until(b'>>> ')
mark = len(out)
os.write(fd, b'\x04')
read_until(b'never', 10.0)   # until the prompt exits (reading fails at its end)
os.waitpid(pid, 0)
text = out.decode('utf-8', 'replace').replace('\r\n', '\n')
print(text)
print('history:', open(os.path.join(home, '.python_history')).read().splitlines())
