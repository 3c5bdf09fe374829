# int formatting: d b o x X c n, '#', sign, and the errors of the mini-language.
vals = [0, 1, -1, 42, -255, 65, 1234567, 2 ** 64, -(10 ** 20)]
specs = ["", "d", "b", "o", "x", "X", "n", "#b", "#o", "#x", "#X", "+d", " d", "-d", "+x", "#10x", "010", "+08", "010b", "#012x"]
for v in vals:
    print(v, [format(v, s) for s in specs])
print([format(c, "c") for c in (65, 97, 0x263A, 0x1F600)], format(65, ">5c"), format(66, "*^7c"))
print(format(True, ""), format(True, "d"), format(False, "x"), f"{True}", f"{7:b}", f"{255:#06x}")
print(format(1, "e"), format(10, "%"), format(1234, ".2f"), format(12345678, "g"))
print("%d %i %x %X %o %5d|%-5d|%05d %+d" % (42, -42, 255, 255, 8, 3, 3, -3, 5))

def t(v, s):
    try:
        print(repr(format(v, s)))
    except Exception as e:
        print(type(e).__name__, e)

for s in ["z", "zd", ".2d", ".2x", "+c", "#c", ",c", "_n", ",b", ",x", ",_", "_,", "s", "r", "abc", ".", "10.", "y", "\u00e9"]:
    t(5, s)
t(-1, "c")
t(0x110000, "c")
t(10 ** 30, "c")
t(10 ** 400, "e")
