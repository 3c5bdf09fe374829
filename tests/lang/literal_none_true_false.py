print(None)
print(True, False)
print(repr(None), repr(True))
print(True + True, True * 10, False - 1)
print(None is None, None == None)
print(type(None).__name__, type(True).__name__)
print(str(False), int(True), float(False))
x = None
if x is None:
    print("x is None")
