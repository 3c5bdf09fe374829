# str/repr of ints and bin/oct/hex, across the small/big boundary.
for v in [0, 1, -1, 9, 10, -10, 2 ** 62 - 1, 2 ** 62, -(2 ** 62), -(2 ** 62) - 1, 2 ** 63, 2 ** 64 - 1, 10 ** 19, 10 ** 19 - 1, -(10 ** 25), 3 ** 100]:
    print(str(v), repr(v), bin(v), oct(v), hex(v), len(str(v)))
print(str(10 ** 4299)[:5], str(10 ** 4299)[-5:], len(str(-(10 ** 4299))))
print([str(2 ** i) for i in range(60, 70)])
print(f"{-(2 ** 70)}", "%d" % (2 ** 70), "%x" % (2 ** 70), "%o" % (-(2 ** 70)), "%#x" % 255, "%#o" % 8)
print(int(str(7 ** 500)) == 7 ** 500, int(hex(7 ** 500), 16) == 7 ** 500, int(bin(-(7 ** 300)), 0) == -(7 ** 300))
