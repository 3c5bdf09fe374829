# gcstress-every: 200
# timeout-scale: 3
# Run modes and usage errors against CPython: -c, -m, a script, a directory and a
# zip file with __main__.py, '-' (stdin), -x, --, bad options.
import os, subprocess, sys, tempfile, zipfile

EXE = sys.executable
ENV = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON') and k != 'TAIPAN_GCSTRESS'}
TMP = os.path.realpath(tempfile.mkdtemp())

def run(args, stdin=''):
    p = subprocess.run([EXE] + args, input=stdin, capture_output=True, text=True, env=ENV, cwd=TMP)
    print([a.replace(TMP, 'TMP') for a in args], '-> exit', p.returncode)
    for l in p.stdout.replace(EXE, 'EXE').replace(TMP, 'TMP').splitlines():
        print('  |', l)
    for l in p.stderr.replace(EXE, 'EXE').replace(TMP, 'TMP').splitlines():
        print('  !', l)

SHOW = 'import sys; print(__name__, sys.argv, repr(sys.path[0]).replace(%r, "TMP"))\n'
os.mkdir(os.path.join(TMP, 'app'))
with open(os.path.join(TMP, 'app', '__main__.py'), 'w') as f:
    f.write(SHOW % TMP + 'print(__file__.replace(%r, "TMP"))\n' % TMP)
with zipfile.ZipFile(os.path.join(TMP, 'app.zip'), 'w') as z:
    z.writestr('__main__.py', SHOW % TMP)
with open(os.path.join(TMP, 'script.py'), 'w') as f:
    f.write(SHOW % TMP + 'print(__file__.replace(%r, "TMP"))\n' % TMP)
with open(os.path.join(TMP, 'xfirst.py'), 'w') as f:
    f.write('this line is not Python\nimport sys\nprint("line", sys._getframe().f_lineno)\n')

run(['-S', '-c', SHOW % TMP, 'a', 'b'])
run(['-S', '-m', 'app', 'x'])
run(['-S', 'app', 'y'])
run(['-S', 'app.zip', 'z'])
run(['-S', 'script.py', '--', '-q'])
run(['-S', '-', 'arg'], stdin=SHOW % TMP)
run(['-S'], stdin='print("from stdin")\n')
run(['-S', '-x', 'xfirst.py'])
run(['-S', '--', 'script.py'])
run(['-S', 'missing.py'])
run(['-S', '-m', 'no_such_module_here'])
run(['-S', '-c', 'raise SystemExit("bye")'])
run(['-S', '-c', 'raise SystemExit(7)'])
for bad in (['-z'], ['--foo'], ['-c'], ['-m'], ['-W'], ['-X'], ['-J'], ['-Vc'],
            ['--check-hash-based-pycs'], ['--check-hash-based-pycs', 'sometimes'],
            ['-X', 'utf8=2', '-c', 'pass'], ['-X', 'int_max_str_digits=5', '-c', 'pass']):
    run(bad)
p = subprocess.run([EXE, '-h'], capture_output=True, text=True, env=ENV)
print('-h:', p.returncode, p.stdout.splitlines()[0].replace(EXE, 'EXE'))
p = subprocess.run([EXE, '-V'], capture_output=True, text=True, env=ENV)
print('-V:', p.returncode, p.stdout.split()[:2])
run(['--check-hash-based-pycs', 'always', '-S', '-c', 'import _imp; print(_imp.check_hash_based_pycs)'])
