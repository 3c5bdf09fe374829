# eval/exec of a code object with free variables (a closure's code) is a TypeError,
# as is a closure given for code without free variables.
def f(x):
    return lambda: x + 1
g = f(3)
for fn in (lambda: eval(g.__code__), lambda: exec(g.__code__, {}), lambda: exec(g.__code__, {}, closure=(1,2)),
           lambda: exec(compile('1', 's', 'exec'), {}, closure=())):
    try:
        fn()
    except TypeError as e:
        print('TypeError', e)
