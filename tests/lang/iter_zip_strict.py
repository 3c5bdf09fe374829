# zip(), including strict=True and its ValueError messages.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print(list(zip()), list(zip("ab")), list(zip("abc", range(5))), list(zip([1], [2], [3])))
show(lambda: list(zip("ab", "abc", strict=True)))
show(lambda: list(zip("abc", "ab", strict=True)))
show(lambda: list(zip("abc", "abc", "ab", strict=True)))
show(lambda: list(zip("ab", "ab", "abc", strict=True)))
show(lambda: list(zip("ab", "abc", "abc", "abc", strict=True)))
show(lambda: list(zip("abc", "abc", strict=True)))
show(lambda: list(zip(strict=True)))
show(lambda: list(zip("a", "b", strict=False)))
show(lambda: zip(1))
show(lambda: zip("a", bogus=1))
def gen():
    yield 1
    raise ValueError("boom")
show(lambda: list(zip(gen(), "abc", strict=True)))
z = zip("ab", [1, 2])
print(type(z).__name__, next(z), list(z), list(z))
a, b = zip(*[(1, "x"), (2, "y")])
print(a, b)
