# setprofile: call/return of Python functions, c_call/c_return/c_exception of builtins
import sys
events = []
def prof(frame, event, arg):
    if event.startswith('c_'):
        name = getattr(arg, '__qualname__', None) or arg.__name__
        events.append((event, name))
    else:
        events.append((event, frame.f_code.co_name))

def square(x):
    return x * x

def work():
    l = []
    l.append(square(3))
    n = len(l)
    s = sorted([3, 1, 2], key=square)
    try:
        int('x')
    except ValueError:
        pass
    d = {}
    d.get('a', 1)
    max(1, 2)
    str.upper('abc')
    g = (i for i in range(2))
    list(g)
    return n

sys.setprofile(prof)
work()
sys.setprofile(None)
for e in events:
    print(*e)
print(sys.getprofile())

# A profile function that raises is removed and its exception propagates.
def bad(frame, event, arg):
    if event == 'call':
        raise RuntimeError('from profiler')
try:
    sys.setprofile(bad)
    square(2)
except RuntimeError as e:
    print('caught', e, sys.getprofile())
sys.setprofile(None)
