# Every BMP code point through the four forms, summarised by a checksum per form.
# gcstress-every: 50
import unicodedata as ud

forms = ('NFC', 'NFD', 'NFKC', 'NFKD')
sums = [0, 0, 0, 0]
changed = [0, 0, 0, 0]
for cp in range(0x10000):
    c = chr(cp)
    for i, f in enumerate(forms):
        r = ud.normalize(f, c)
        if r != c:
            changed[i] += 1
            for k, ch in enumerate(r):
                sums[i] = (sums[i] * 31 + ord(ch) * (k + 1) + cp) % 1000000007
print(changed)
print(sums)
