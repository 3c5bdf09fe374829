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
# frozenset subclasses refuse keywords unless their own __init__ takes them.
class FS(frozenset):
    pass
try:
    FS(sequence=())
except TypeError as e:
    print("TypeError", e)
class FSInit(frozenset):
    def __init__(self, arg, newarg=None):
        self.newarg = newarg
u = FSInit([1, 2], newarg=3)
print(sorted(u), u.newarg)
# Pickling keeps __slots__ values as well as the instance dict.
import pickle
class SlotSet(set):
    __slots__ = ("x", "y", "__dict__")
class SlotFrozen(frozenset):
    __slots__ = ("x", "y", "__dict__")
for cls in (SlotSet, SlotFrozen):
    s = cls([1, 2])
    s.x = ["x"]
    s.z = ["z"]
    for proto in range(pickle.HIGHEST_PROTOCOL + 1):
        dup = pickle.loads(pickle.dumps(s, proto))
        print(type(dup).__name__, sorted(dup), dup.x, dup.z, hasattr(dup, "y"))
print(set([1]).__reduce__(), frozenset().__reduce__())
