e = ValueError("message", 42)
print(e.args)
print(str(e))
print(repr(e))
e1 = ValueError("only")
print(e1.args, str(e1), repr(e1))
e0 = ValueError()
print(e0.args, repr(str(e0)), repr(e0))
try:
    raise KeyError("k")
except KeyError as k:
    print(k.args, str(k), repr(k))
print(repr(ZeroDivisionError("division by zero")))
print(Exception("a", "b"))


# SyntaxError's details tuple: 4 to 6 items, end_offset with end_lineno.
for a in [('bad.py', 1, 2), ('bad.py', 1, 2, 4, 5, 6, 7), ('bad.py', 1, 2, 'abc', 1), ('bad.py', 1, 2, 'abc'),
          ('f', 1, 2, 't', 3, 4)]:
    try:
        e = SyntaxError('bad', a)
        print(e.args, e.lineno, e.end_lineno, e.end_offset)
    except Exception as x:
        print(type(x).__name__, x)
