# gcstress-every: 200
# timeout-scale: 3
# The command-line options as a program sees them: sys.flags, -O/-OO, -X,
# -W, -b, -i.  Each case runs sys.executable (CPython when the .exp is made).
import os, subprocess, sys

EXE = sys.executable
ENV = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON') and k != 'TAIPAN_GCSTRESS'}

def run(args, stdin='', env=None):
    e = dict(ENV)
    e.update(env or {})
    p = subprocess.run([EXE, '-S'] + args, input=stdin, capture_output=True, text=True, env=e)
    print(' '.join(args[:-1] if args and args[-2:-1] == ['-c'] else args), '-> exit', p.returncode)
    for l in p.stdout.replace(EXE, 'EXE').splitlines():
        print('  |', l)
    for l in p.stderr.replace(EXE, 'EXE').splitlines():
        print('  !', l)

SHOW = 'import sys; print(sys.flags); print(sys.warnoptions, sorted(sys._xoptions.items()))'
for opts in ([], ['-O'], ['-OO'], ['-OOO'], ['-B'], ['-s'], ['-S'], ['-E'], ['-I'], ['-P'], ['-q'],
             ['-b'], ['-bb'], ['-d'], ['-R'], ['-u'], ['-sSBq'], ['-X', 'dev'], ['-X', 'utf8'],
             ['-X', 'utf8=0'], ['-X', 'int_max_str_digits=1000'], ['-X', 'warn_default_encoding'],
             ['-X', 'showrefcount', '-X', 'a=b=c', '-Xfoo'], ['-W', 'error', '-W', 'ignore::DeprecationWarning'],
             ['-Wd', '-b']):
    run(opts + ['-c', SHOW])

