# Set reprs, including empty sets, subclasses and self-reference through a list.
print(set(), {1}, frozenset(), frozenset({2}))
class S(set):
    pass
s = S([3, 1])
print(s, S(), type(s).__name__, isinstance(s, set))
print(type(s | {4}).__name__, type(s.copy()).__name__, s.copy())
class R(set):
    def __repr__(self):
        return "R!"
print(R([1]), [R()])
t = {(1, 2), None}
print(len(t), (1, 2) in t)
s2 = S()
s2.__init__([5, 6])
print(s2)
s2.__init__()
print(s2)
