# decimal, digit and numeric, with and without defaults.
# gcstress-every: 50
import unicodedata as ud

for cp in [0x30, 0x39, 0x661, 0x6F9, 0xB2, 0x2460, 0x2469, 0xBD, 0x215F, 0x2181, 0x4E07, 0x5146, 0x1F10A,
           0x12456, 0x10FFFF, 0x41, 0x216B, 0x3405, 0xF96B, 0x1D7CE, 0x2CFD]:
    c = chr(cp)
    print(hex(cp), ud.decimal(c, None), ud.digit(c, None), ud.numeric(c, None))
for f in [ud.decimal, ud.digit, ud.numeric]:
    try:
        f('x')
    except ValueError as e:
        print(f.__name__, 'ValueError', e)
    print(f.__name__, f('x', 'dflt'), f('7'))
total = [0, 0, 0.0]
for cp in range(0x110000):
    c = chr(cp)
    total[0] += ud.decimal(c, 0)
    total[1] += ud.digit(c, 0)
    v = ud.numeric(c, None)
    if v is not None:
        total[2] += v
print(total[0], total[1], round(total[2], 3))
