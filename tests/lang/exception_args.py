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
