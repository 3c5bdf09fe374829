# decomposition(): canonical and tagged compatibility mappings.
# gcstress-every: 50
import unicodedata as ud

for cp in [0xC0, 0xE9, 0x1E0A, 0x212B, 0xFB01, 0xFDFA, 0x2460, 0xBD, 0x3000, 0x1D400, 0xAC00, 0x41, 0xF900,
           0x2F868, 0x0344, 0x0F73, 0x1E9B, 0xFE9A, 0xFF76, 0x33FF, 0x2003, 0x1F100]:
    print(hex(cp), repr(ud.decomposition(chr(cp))))
tags = {}
for cp in range(0x110000):
    d = ud.decomposition(chr(cp))
    if d:
        tag = d.split()[0] if d.startswith('<') else '(canonical)'
        tags[tag] = tags.get(tag, 0) + 1
for tag in sorted(tags):
    print(tag, tags[tag])
