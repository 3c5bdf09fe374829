# {*a, *b} merges set operands table-wise (CPython's SET_UPDATE), which shows
# in the iteration order of the result.
a = set([100, 200, 300, 400, 500, 600, 700])
print({*a})
print({*a, *[1]})
print({*[1], *a})
print({*frozenset((-1, -2, -3, 0, 5, 8, 16, 24, 32))})
print({*{5: 1, 3: 2, 300: 3}})
print({*range(10), *a})
