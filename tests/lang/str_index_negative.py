# Indexing a str with positive and negative indices, and the IndexError/TypeError cases.
s = 'python'
print(s[0], s[5], s[-1], s[-6])
for i in (6, -7, 100, -100):
    try:
        s[i]
    except IndexError as e:
        print('IndexError', e)
u = 'h\u00e9llo w\u00f6rld \u4e16\u754c \U0001f30d'
print(len(u))
print([u[i] for i in range(len(u))])
print([u[-i] for i in range(1, len(u) + 1)])
print(u[7], u[-1], u[-3])
class I:
    def __index__(self):
        return 2
print(s[I()], u[I()])
try:
    s['1']
except TypeError as e:
    print('TypeError', e)
try:
    s[1.0]
except TypeError as e:
    print('TypeError', e)
try:
    s[2**100]
except IndexError as e:
    print('IndexError', e)
print(True and s[True], s[False])
