# Unpickling: recursive structures, Python 2 pickles (encoding, errors,
# fix_imports), every opcode as pickletools shows it.
# gcstress-every: 20
import collections
import io
import pickle
import pickletools
import re

# recursive structures, each protocol
for proto in range(6):
    lst = [1]
    lst.append(lst)
    d = {}
    d["self"] = d
    t = ([],)
    t[0].append(t)
    s = lst, d, t, lst
    back = pickle.loads(pickle.dumps(s, proto))
    print(proto, back[0][1] is back[0], back[1]["self"] is back[1], back[2][0][0] is back[2],
          back[0] is back[3])

# Python 2 pickles: str as bytes/latin1/ascii, old module names
py2 = [
    b"S'abc'\np0\n.",
    b"S'caf\\xe9'\np0\n.",
    b"U\x03caf.",
    b"U\x04caf\xe9.",
    b"T\x03\x00\x00\x00abc.",
    b"c__builtin__\nxrange\np0\n(I0\nI5\nI1\ntp1\nRp2\n.",
    b"\x80\x02c__builtin__\nset\nq\x00]q\x01(K\x01K\x02e\x85q\x02Rq\x03.",
    b"ccopy_reg\n_reconstructor\np0\n(c__builtin__\nobject\np1\ng1\nNtp2\nRp3\n.",
    b"\x80\x02cUserDict\nUserDict\nq\x00)\x81q\x01}q\x02U\x04dataq\x03}q\x04sb.",
    b"(dp0\nS'a'\np1\nI1\nsS'b'\np2\n(lp3\nI2\naI3\nas.",
    b"(lp0\nI1\naF2.5\naL12345678901234567890L\na(I1\nI2\ntp1\na.",
    b"\x80\x02]q\x00(K\x01\x8a\x08\x00\x00\x00\x00\x00\x00\x00\x80e.",
    b"ccollections\nOrderedDict\np0\n((lp1\n(lp2\nS'x'\np3\naI1\naatp4\nRp5\n.",
]
for data in py2:
    for kw in ({}, {"encoding": "latin1"}, {"encoding": "bytes"}, {"fix_imports": False},
               {"encoding": "ascii", "errors": "replace"}):
        try:
            print(re.sub(" at 0x[0-9a-f]+", "", repr(pickle.loads(data, **kw)))[:100], end=" | ")
        except Exception as e:
            print(type(e).__name__, str(e)[:80], end=" | ")
    print()

# protocol 0 text opcodes written by hand
print(pickle.loads(b"Vcaf\\u00e9 \\U0001f600\\u005c\n."))
print(pickle.loads(b"(I-7\nI+8\nL-99L\nF-1.5e3\nFinf\nt."))
try:
    pickle.loads(b"F1e400\n.")
except OverflowError as e:
    print(repr(str(e)))
print(pickle.loads(b"(I1\nI2\nl(I3\nI4\nd(I5\nt."))
print(pickle.loads(b"}(K\x01K\x02K\x03K\x04u."), pickle.loads(b"](K\x01K\x02e."))
print(pickle.loads(b"\x8f(K\x01K\x02\x90."), pickle.loads(b"(K\x01K\x02\x91."))
print(pickle.loads(b"K\x012K\x02\x86."), pickle.loads(b"(K\x011K\x05."))
print(pickle.loads(b"K\x05p7\n0g7\n."), pickle.loads(b"K\x05r\x00\x01\x00\x000j\x00\x01\x00\x00."))

# a deque subclass rebuilt with extend()
class Dq(collections.deque):
    pass


print(pickle.loads(pickle.dumps(Dq([1, 2, 3]), 2)))


# APPENDS on an object with only append()
class OnlyAppend:
    def __init__(self):
        self.items = []

    def append(self, x):
        self.items.append(x)

    def __reduce__(self):
        return (OnlyAppend, (), None, iter(self.items))


oa = OnlyAppend()
oa.items = [1, 2, 3]
print(pickle.loads(pickle.dumps(oa, 2)).items)


# __setstate__ with a slots/dict state pair, state_setter
class Both:
    __slots__ = ("a", "__dict__")


b = Both()
b.a = 1
b.z = 2
for proto in (2, 4):
    bb = pickle.loads(pickle.dumps(b, proto))
    print(bb.a, bb.z)


def setter(obj, state):
    obj.from_setter = state


class WithSetter:
    def __reduce__(self):
        return (WithSetter, (), "st", None, None, setter)


print(pickle.dumps(WithSetter(), 4), pickle.loads(pickle.dumps(WithSetter(), 4)).from_setter)

# pickletools.dis of a structure, per protocol
obj = {"name": "x", "vals": [1, -2, 3.5, 2**70, None, True], "t": (1, 2), "s": {3}, "b": b"\x00"}
for proto in range(6):
    out = io.StringIO()
    pickletools.dis(pickle.dumps(obj, proto), out)
    print(out.getvalue())
    print(pickletools.optimize(pickle.dumps(obj, proto)))
