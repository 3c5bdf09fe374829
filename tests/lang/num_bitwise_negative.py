# & | ^ ~ use two's complement semantics on negative and big ints.
vals = [0, 1, -1, 5, -5, 255, -256, 2 ** 62, -(2 ** 62), 2 ** 64 - 1, -(2 ** 64), 2 ** 100 + 12345, -(2 ** 100) - 1]
for a in vals:
    print(a, ~a, ~~a == a, a & 0xFF, a | 1, a ^ -1)
for a in vals[::2]:
    for b in vals[1::3]:
        print(a & b, a | b, a ^ b, (a & b) + (a | b) == a + b)
print(-6 & 0xFF, -6 | 1, -6 ^ 3, -(2 ** 70) & (2 ** 71 - 1))
print(True & True, True | False, True ^ True, False ^ False, type(True & True).__name__)
print(True & 3, 3 | False, True ^ 2, type(True & 1).__name__, ~True, ~False)
