# str(): no argument, objects, bytes with encoding, keyword arguments, and str subclasses.
print(repr(str()), str(123), str(1.5), str(None), str([1, 'a']), str(b'xy'), str(True))
print(str(object='kw'), str(b'abc', 'ascii'), str(b'abc', encoding='ascii', errors='strict'))
class A:
    def __str__(self):
        return 'A.__str__'
    def __repr__(self):
        return 'A.__repr__'
class B:
    def __repr__(self):
        return 'B.__repr__'
print(str(A()), repr(A()), str(B()), '%s %r' % (A(), A()), [A()])
class Bad:
    def __str__(self):
        return 42
try:
    str(Bad())
except TypeError as e:
    print('TypeError', e)
class S(str):
    def shout(self):
        return self.upper() + '!'
s = S('hello')
print(s, repr(s), len(s), s.shout(), type(s).__name__, isinstance(s, str), s == 'hello')
print(type(s + 'x').__name__, type(s[1:]).__name__, type(s.upper()).__name__, type(str(s)).__name__)
print(hash(s) == hash('hello'), {s: 1}['hello'], s in {'hello'})
class T(str):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
t = T('ab')
print(t, len(t), type(t).__name__)
class U(str):
    def __str__(self):
        return 'custom'
print(str(U('x')), '%s' % U('x'), '{}'.format(U('x')), U('x') + 'y')
for f in (lambda: str(1, 2, 3, 4), lambda: str(b'a', 1), lambda: str(x=1)):
    try:
        f()
    except TypeError:
        print('TypeError')
