# settrace: generators give call/return on each resume/suspend; loops, try lines
import sys
def f(n):
    for i in range(n):
        x = i
    while n:
        n -= 1
    try:
        1/0
    except ZeroDivisionError:
        pass
    return x
def tr(fr,ev,a):
    if fr.f_code.co_name in ('f','g'): print(ev, fr.f_code.co_name, fr.f_lineno, a if ev=='return' else '')
    return tr
def g():
    x = yield 1
    yield x
    try:
        yield 3
    finally:
        pass
sys.settrace(tr); f(2); list(g()); sys.settrace(None)
print(sys.gettrace())
