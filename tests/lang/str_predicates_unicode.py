# The is* predicates on non-ASCII characters, checked against CPython's Unicode 14 data.
# gcstress-every: 50
samples = ['\u00e9', '\u00c9', '\u01c5', '\u0660', '\u00b2', '\u00bd', '\u2155', '\u4e00', '\u3007',
           '\u2160', '\u2170', '\u00a0', '\u2028', '\u3000', '\u200b', '\ufeff', '\u0301', 'e\u0301',
           '\u02b0', '\u00aa', '\u1d2c', '\u2102', '\u24b6', '\u24d0', '\U0001d7d8', '\U0001f600',
           '\ud800', '\ue000', '\u0378', '\u0085', '\u180e', '\u1680', '\u0e50', '\u0f20', '\u1369',
           '\u2460', '\u3405', '\u00b9', '\u2070', '\u2187', '\U00010107', '\U0001f100', '\u0f33']
names = ['isalpha', 'isalnum', 'isdigit', 'isdecimal', 'isnumeric', 'isspace', 'islower',
         'isupper', 'istitle', 'isidentifier', 'isprintable', 'isascii']
for t in samples:
    print(ascii(t), ''.join('1' if getattr(t, n)() else '0' for n in names))
# A sweep over a sample of the code space: counts per predicate.
counts = {}
for n in names:
    counts[n] = 0
for cp in range(0, 0x32000, 7):
    c = chr(cp)
    for n in names:
        if getattr(c, n)():
            counts[n] += 1
print(counts)
print('\u00c9t\u00e9 Caf\u00e9'.istitle(), '\u01c5ungla'.istitle(), '\u00e9t\u00e9'.islower(), '\u00c9T\u00c9'.isupper())
print('\u0663\u0664'.isdecimal(), int('\u0663\u0664'), '\u00b2'.isdigit(), '\u00bd'.isnumeric())
