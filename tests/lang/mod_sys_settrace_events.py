# settrace: the event sequences (call/line/return/exception) of loops, try/with, comprehensions, generators
import sys
def tr(fr, ev, a):
    name = fr.f_code.co_name
    if name.startswith('t_'):
        if ev == 'exception':
            a = (a[0].__name__, str(a[1]))
        elif ev == 'return':
            pass
        else:
            a = None
        print(ev, name, fr.f_lineno, a)
    return tr

def t_while(n):
    while n > 0:
        n -= 1
    while True:
        if n > 2:
            break
        n += 1
    return n

def t_for():
    s = 0
    for i in range(3):
        if i == 1:
            continue
        s += i
    else:
        s += 100
    for i in range(2): s += i
    return s

def t_exc():
    try:
        raise ValueError("boom")
    except ValueError as e:
        x = 1
    finally:
        y = 2
    try:
        try:
            {}['k']
        finally:
            z = 3
    except KeyError:
        pass
    return x + y

def t_inner():
    raise KeyError('inner')

def t_outer():
    try:
        t_inner()
    except KeyError:
        return 'caught'

def t_with():
    class CM:
        def __enter__(self): return self
        def __exit__(self, *a): return True
    with CM() as c:
        v = 1
        raise RuntimeError
    pass
    return v

def t_comp():
    return [x * 2 for x in range(2)]

def t_gen():
    yield 1
    yield 2

def t_deleg():
    yield from t_gen()
    return 5

def t_if(a):
    if a:
        b = 1
    elif a is None:
        b = 2
    else:
        b = 3
    return b

def t_lambda():
    f = lambda q: q + 1
    return f(1)

def t_assert():
    try:
        assert False, "msg"
    except AssertionError:
        pass

sys.settrace(tr)
t_while(3)
t_for()
t_exc()
t_outer()
t_with()
t_comp()
print(list(t_deleg()))
t_if(0); t_if(None); t_if(1)
t_lambda()
t_assert()
sys.settrace(None)
