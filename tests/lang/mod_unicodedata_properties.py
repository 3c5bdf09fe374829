# category, bidirectional, combining, east_asian_width and mirrored, sampled and tallied.
# gcstress-every: 50
import unicodedata as ud

for cp in [0x41, 0x30, 0x20, 0x300, 0x5D0, 0x627, 0x661, 0x2028, 0x200E, 0x202E, 0x2066, 0x3000, 0xFF21, 0xFF61,
           0x28, 0x29, 0x2264, 0xE000, 0xD800, 0x378, 0x1F600, 0x10FFFF, 0xAC00, 0x1100, 0x0E3F, 0x20DD, 0x1D165]:
    c = chr(cp)
    print(hex(cp), ud.category(c), repr(ud.bidirectional(c)), ud.combining(c), ud.east_asian_width(c), ud.mirrored(c))

tally = {}
for cp in range(0, 0x30000, 3):
    c = chr(cp)
    key = (ud.category(c), ud.bidirectional(c), ud.east_asian_width(c), ud.mirrored(c), ud.combining(c) > 0)
    tally[key] = tally.get(key, 0) + 1
for key in sorted(tally):
    print(key, tally[key])
print(sorted({ud.combining(chr(cp)) for cp in range(0x10000)}))
