# breakpoint() calls sys.breakpointhook; the default hook follows $PYTHONBREAKPOINT ("0", a builtin, module.attr, unimportable).
import os, sys
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

print(sys.breakpointhook is sys.__breakpointhook__, sys.breakpointhook.__name__, callable(breakpoint))
os.environ['PYTHONBREAKPOINT'] = '0'
print(breakpoint(), breakpoint(1, 2, key='v'))
os.environ['PYTHONBREAKPOINT'] = 'builtins.print'
breakpoint('via', 'print', sep='-')
os.environ['PYTHONBREAKPOINT'] = 'len'
print(breakpoint([1, 2, 3]))
os.environ['PYTHONBREAKPOINT'] = 'os.path.join'
print(breakpoint('a', 'b'))
calls = []
def hook(*args, **kw):
    calls.append((args, kw))
    return 'hooked'
sys.breakpointhook = hook
print(breakpoint(1, x=2), calls)
sys.breakpointhook = sys.__breakpointhook__
os.environ['PYTHONBREAKPOINT'] = '0'
print(breakpoint())
del sys.breakpointhook
show("lost", lambda: breakpoint())
sys.breakpointhook = sys.__breakpointhook__
os.environ['PYTHONBREAKPOINT'] = 'builtins.len'
show("bad args", lambda: breakpoint())
