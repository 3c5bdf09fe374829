# Instances of str and bytes subclasses carry instance attributes and a __dict__.
class S(str):
    pass
s = S('text')
s.tag = 'label'
s.count_ = 3
print(s, s.tag, s.count_, sorted(vars(s).items()), s.upper(), len(s))
class B(bytes):
    pass
b = B(b'raw')
b.note = 'n'
print(b, b.note, b.upper())
class BA(bytearray):
    pass
ba = BA(b'mut')
ba.extra = [1]
ba.append(33)
print(ba, ba.extra)
class Slotted(str):
    __slots__ = ('x',)
t = Slotted('y')
t.x = 1
print(t, t.x)
