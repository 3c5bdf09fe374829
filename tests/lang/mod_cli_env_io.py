# gcstress-every: 200
# timeout-scale: 3
# PYTHONHASHSEED, PYTHONSAFEPATH, PYTHONUNBUFFERED, PYTHONIOENCODING, PYTHONWARNINGS,
# PYTHONSTARTUP and PYTHONINSPECT against CPython.
import os, subprocess, sys, tempfile

EXE = sys.executable
ENV = {k: v for k, v in os.environ.items() if not k.startswith('PYTHON') and k != 'TAIPAN_GCSTRESS'}
TMP = tempfile.mkdtemp()

def run(args, env=None, stdin=''):
    e = dict(ENV)
    e.update(env or {})
    # -S: these cases do not need site, and start-up stays fast.
    p = subprocess.run([EXE, '-S'] + args, input=stdin, capture_output=True, text=True, env=e)
    print(str(sorted((env or {}).items())).replace(TMP, 'TMP'), args[:-2] if '-c' in args else args, '-> exit', p.returncode)
    for l in p.stdout.replace(EXE, 'EXE').replace(TMP, 'TMP').splitlines():
        print('  |', l)
    for l in p.stderr.replace(EXE, 'EXE').replace(TMP, 'TMP').splitlines():
        print('  !', l)

with open(os.path.join(TMP, 'envmod.py'), 'w') as f:
    f.write('X = "from PYTHONPATH"\n')
with open(os.path.join(TMP, 'startup.py'), 'w') as f:
    f.write('print("startup ran", __file__.endswith("startup.py"))\nSTARTED = 1\n')

# PYTHONHASHSEED fixes str hashes across runs.
H = 'print(hash("taipan") == %d)'
h = subprocess.run([EXE, '-c', 'print(hash("taipan"))'], capture_output=True, text=True,
                   env=dict(ENV, PYTHONHASHSEED='42')).stdout.strip()
run(['-c', H % int(h)], {'PYTHONHASHSEED': '42'})
# PYTHONSAFEPATH: no script directory / '' in front.
run(['-c', 'import sys; print(sys.path[0] == "")'], {'PYTHONSAFEPATH': '1'})
# PYTHONUNBUFFERED: stdout writes through.
run(['-c', 'import sys; print(sys.stdout.write_through, sys.stderr.write_through)'], {'PYTHONUNBUFFERED': '1'})
run(['-u', '-c', 'import sys; print(sys.stdout.write_through)'])
# PYTHONIOENCODING.
S = 'import sys; print([(s.encoding, s.errors) for s in (sys.stdin, sys.stdout, sys.stderr)])'
for v in ('latin-1', 'ascii:replace', ':ignore', 'utf-8:strict'):
    run(['-c', S], {'PYTHONIOENCODING': v})
run(['-c', 'print("caf\\u00e9 \\u20ac")'], {'PYTHONIOENCODING': 'ascii:backslashreplace'})
# PYTHONWARNINGS.
W = 'import sys, warnings; print(sys.warnoptions)\ntry: warnings.warn("w1", DeprecationWarning)\nexcept Warning as e: print("raised", e)\nprint("after")'
run(['-c', W], {'PYTHONWARNINGS': 'ignore'})
run(['-c', W], {'PYTHONWARNINGS': 'error::DeprecationWarning,default::UserWarning'})
run(['-W', 'ignore', '-c', 'import sys; print(sys.warnoptions)'], {'PYTHONWARNINGS': 'error'})
# PYTHONSTARTUP runs before the first prompt only; PYTHONINSPECT gives the prompt after -c.
run(['-q', '-i'], {'PYTHONSTARTUP': os.path.join(TMP, 'startup.py')}, stdin='print(STARTED)\n')
run(['-c', 'print("no startup here")'], {'PYTHONSTARTUP': os.path.join(TMP, 'startup.py')})
run(['-q', '-i'], {'PYTHONSTARTUP': '/nonexistent/startup.py'}, stdin='1+1\n')
run(['-c', 'x = 5'], {'PYTHONINSPECT': '1'}, stdin='print(x * 2)\n')
run(['-c', 'import os; os.environ["PYTHONINSPECT"] = "1"; y = 7'], stdin='print(y)\n')
run(['-E', '-c', 'x = 5'], {'PYTHONINSPECT': '1'}, stdin='print(x * 2)\n')
