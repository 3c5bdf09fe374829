# gcstress-every: 200
# What -O/-OO, -X int_max_str_digits, -W and -i do to a program, against CPython.  Each case runs sys.executable (CPython when the .exp is made).
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

# -O and -OO: asserts, __debug__, docstrings.
PROG = '''
def f():
    "doc"
print(__debug__, f.__doc__)
try:
    assert False, "boom"
    print("assert removed")
except AssertionError as e:
    print("assert kept", e)
'''
for opts in ([], ['-O'], ['-OO']):
    run(opts + ['-c', PROG])

# int_max_str_digits from -X.
run(['-X', 'int_max_str_digits=700', '-c', 'import sys; print(sys.get_int_max_str_digits()); str(10**800)'])
# -W turns warnings into errors, or reports a bad option.
run(['-W', 'error', '-c', 'import warnings\ntry: warnings.warn("careful")\nexcept UserWarning as e: print("raised", e)'])
run(['-W', 'bogus', '-c', 'print("ran")'])
run(['-W', 'error::NoSuchWarning', '-c', 'print("ran")'])
# -i: flags, then the prompt on a pipe (prompts go to stderr).
run(['-i', '-c', 'import sys; print(sys.flags.inspect, sys.flags.interactive)'], stdin='print("in the prompt")\n')
