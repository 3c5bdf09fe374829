# %-formatting of ints (tagged and big, every flag) and str.join of short and long, ASCII and non-ASCII pieces.
vals = [0, 1, -1, 7, -255, 255, 4095, -4096, 2**62 - 1, -2**62, 2**63, -2**63 - 5, 10**20, True, False]
fmts = ["%d", "%i", "%u", "%x", "%X", "%o", "%#x", "%#X", "%#o", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%8.4x", "%-#8X|", "%+08d", "%#010x", "%.0d", "%+.5o", "% 010X"]
out = []
for f in fmts:
    out.append(" ".join(f % v for v in vals))
out.append(",".join(["a", "bc", "defghijk", "lmnopqrstuvwx", "y" * 17, "", "é", "ü" * 9]))
out.append("".join(str(i) for i in range(1000))[-50:])
out.append("--".join(["x" * i for i in range(40)]))
out.append("é".join(["ab", "c", "" , "12345678"]))
print("\n".join(out))
