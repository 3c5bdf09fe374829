# pos beyond endpos: empty matches are still possible at pos, and anchors look at the text there.
import re
for pat in [r'$', r'(?m)$', r'(?m)^$', r'()\1', r'(?i)()\1', r'\b', r'\B', r'(?=)', r'(?<=b)', r'(?m)$\Z', r'\Z', r'x*']:
    for s, pos, endpos in [('ab', 2, 1), ('a\nb', 1, 0), ('a\n', 2, 1), ('ab', 1, 1), ('abc', 3, 0)]:
        for typ in (str, bytes, bytearray):
            subj = s if typ is str else typ(s.encode())
            p = re.compile(pat if typ is str else pat.encode())
            m = p.match(subj, pos, endpos)
            m2 = p.search(subj, pos, endpos)
            print(repr(pat), repr(subj), pos, endpos, m and m.span(), m2 and m2.span(), p.findall(subj, pos, endpos))
