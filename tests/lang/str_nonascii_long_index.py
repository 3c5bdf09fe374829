# Random access into long non-ASCII strings agrees with sequential iteration.
parts = []
for i in range(3000):
    parts.append(chr(0x61 + i % 26))
    if i % 7 == 0:
        parts.append('\u00e9')
    if i % 11 == 0:
        parts.append('\u4e2d')
    if i % 13 == 0:
        parts.append('\U0001f600')
s = ''.join(parts)
print(len(s), len(parts))
chars = list(s)
ok = True
for i in range(0, len(s), 37):
    if s[i] != chars[i] or s[-i - 1] != chars[-i - 1]:
        ok = False
print('index ok', ok)
ok = True
for i in range(0, len(s) - 50, 91):
    if s[i:i + 50] != ''.join(chars[i:i + 50]):
        ok = False
print('slice ok', ok)
print(s.find('\U0001f600', 100), s.rfind('\u4e2d'), s.index('\u00e9', 10))
print(s.count('\u00e9'), s.count('\u4e2d'), s.count('\U0001f600'), s.count('a'))
print(s[1234], s[-1234], s[2500:2510])
rev = s[::-1]
print(rev[:5], rev[-5:], len(rev))
print(s[::97][:20])
