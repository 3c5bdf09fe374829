# re.escape() makes any string match itself literally.
import re

for s in ['hello', 'a.b*c', '1+1=2', '(x)[y]{z}', 'a|b^c$', 'tab\tnew\nline', 'üñî', ' # space', '\\', '-', '', '日本']:
    e = re.escape(s)
    print(repr(s), repr(e), bool(re.fullmatch(e, s)))
print(re.escape(b'a.b\x00\xff'), re.fullmatch(re.escape(b'a.b\x00\xff'), b'a.b\x00\xff') is not None)
print(''.join(ch for ch in map(chr, range(128)) if re.escape(ch) != ch) == ''.join(sorted(set('()[]{}?*+-|^$\\.&~# \t\n\r\x0b\x0c'))))
print(re.findall(re.escape('a.b'), 'a.b axb a.b'))
