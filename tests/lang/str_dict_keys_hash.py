# strs as dict/set keys: equal strings hash equal, however they were built.
a = 'hello world'
b = 'hello' + ' ' + 'world'
c = ''.join(['hel', 'lo wor', 'ld'])
print(a == b == c, hash(a) == hash(b) == hash(c))
d = {a: 1}
print(d[b], d[c], b in d, 'hello' in d)
u1 = 'caf\u00e9'
u2 = 'caf' + chr(0xe9)
u3 = b'caf\xc3\xa9'.decode()
print(u1 == u2 == u3, hash(u1) == hash(u2) == hash(u3), len({u1, u2, u3}))
print(hash('') == hash(''), hash('') == 0)
keys = ['k%d' % i for i in range(500)]
m = {}
for i, k in enumerate(keys):
    m[k] = i
print(sum(m['k%d' % i] for i in range(500)), len(m))
s = set('abcabc')
print(sorted(s), 'a' in s, 'd' in s)
import sys
x = sys.intern('interned' + str(1))
y = sys.intern('interned1')
print(x is y, x == 'interned1')
