# Scanning loops over non-ASCII text with match(text, pos): positions forwards, backwards, far apart.
# gcstress-every: 5
import re

text = ''.join('αβγ word%d ü→ ' % i for i in range(400))
word = re.compile(r'\w+')
space = re.compile(r'\s+')
pos, out = 0, []
while True:
    m = word.search(text, pos)
    if not m:
        break
    out.append((m.start(), m.group()))
    pos = m.end()
    s = space.match(text, pos)
    if s:
        pos = s.end()
print(len(out), out[:6], out[-3:])
# Jumping around: every answer must equal a slice of the text.
ok = True
for p in [5000, 10, 9999, 3, 12000, 12001, 0, 7777, len(text) - 1, 4242]:
    m = word.search(text, p)
    if m and text[m.start():m.end()] != m.group():
        ok = False
    print(p, m and m.span(), m and m.group())
print(ok)
p = re.compile('→')
print([m.start() for m in p.finditer(text)][:5], len(p.findall(text)), p.search(text, 6000).span())
print(re.compile('ü').search(text, len(text) - 3), re.compile(' ').search(text, len(text) - 1).span())
