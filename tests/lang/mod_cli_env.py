# gcstress-every: 200
# timeout-scale: 3
# The PYTHON* environment variables, and -E/-I ignoring them, against CPython.
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

# PYTHONPATH: its directories come first after sys.path[0]; -E and -I ignore it.
P = 'import sys, envmod; print(envmod.X, sys.path.index(%r))' % TMP
run(['-c', P], {'PYTHONPATH': TMP})
run(['-c', P], {'PYTHONPATH': TMP + ':/nonexistent'})
run(['-E', '-c', 'import sys; print(%r in sys.path)' % TMP], {'PYTHONPATH': TMP})
run(['-I', '-c', 'import sys; print(%r in sys.path)' % TMP], {'PYTHONPATH': TMP})
# PYTHONHOME: the prefixes.
run(['-c', 'import sys; print(sys.prefix, sys.exec_prefix)'], {'PYTHONHOME': '/usr'})
# Flags from the environment.
F = 'import sys; f = sys.flags; print(f.optimize, f.verbose, f.inspect, f.dont_write_bytecode, f.no_user_site, f.dev_mode, f.utf8_mode, f.safe_path, f.int_max_str_digits, f.hash_randomization, f.warn_default_encoding, sys.dont_write_bytecode)'
for env in ({'PYTHONOPTIMIZE': '1'}, {'PYTHONOPTIMIZE': '2'}, {'PYTHONOPTIMIZE': 'x'}, {'PYTHONOPTIMIZE': ''},
            {'PYTHONDONTWRITEBYTECODE': '1'}, {'PYTHONNOUSERSITE': '1'}, {'PYTHONDEVMODE': '1'},
            {'PYTHONUTF8': '1'}, {'PYTHONUTF8': '0'}, {'PYTHONSAFEPATH': '1'}, {'PYTHONINTMAXSTRDIGITS': '5000'},
            {'PYTHONHASHSEED': '0'}, {'PYTHONHASHSEED': '123'}, {'PYTHONHASHSEED': 'random'},
            {'PYTHONWARNDEFAULTENCODING': '1'}):
    run(['-c', F], env)
    if set(env) & {'PYTHONOPTIMIZE', 'PYTHONHASHSEED', 'PYTHONUTF8'} and list(env.values())[0] in ('1', '0'):
        run(['-E', '-c', F], env)
# Bad values are fatal errors.
run(['-c', 'pass'], {'PYTHONUTF8': '2'})
run(['-c', 'pass'], {'PYTHONINTMAXSTRDIGITS': '10'})
run(['-c', 'pass'], {'PYTHONHASHSEED': 'abc'})
run(['-c', 'pass'], {'PYTHONHASHSEED': '4294967296'})
