# A class with __slots__ whose secondary base has an instance dict gets one too (xml.dom.minidom relies on it).
class Base:
    owner = None
    def set(self): self.z = 1
class Mixin:
    __slots__ = ()
class Leaf(Mixin, Base):
    __slots__ = ('a',)
x = Leaf(); x.a = 3; x.set(); x.owner = 2
print(x.a, x.z, x.owner, x.__dict__, Leaf.__dict__.get('__dict__') is None)
class Leaf2(Mixin, Base):
    __slots__ = ('a', 'b')
y = Leaf2(); y.b = 1; y.q = 2; print(y.b, y.q, vars(y))
import gc; gc.collect(); print(x.a, x.z)
