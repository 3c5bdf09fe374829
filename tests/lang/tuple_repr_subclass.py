# tuple repr forms and tuple subclasses.
print((), (1,), (1, 2), ((),), ((1,),), (None, "a", 1.5), ([1], {2: 3}))
l = []
t = (l,)
l.append(t)
print(t)
class P(tuple):
    def first(self):
        return self[0]
p = P([5, 6, 7])
print(p, p.first(), len(p), p[1:], type(p[1:]).__name__, isinstance(p, tuple))
print(p == (5, 6, 7), hash(p) == hash((5, 6, 7)))
q = P()
print(q, len(q))
