# pickle.dumps output must be byte-identical to CPython's C pickler, protocol by protocol.
# gcstress-every: 20
import pickle


class Plain:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__


class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class WithState:
    def __init__(self):
        self.v = [1, 2]

    def __getstate__(self):
        return {"v": self.v, "extra": True}

    def __setstate__(self, st):
        self.__dict__.update(st)


class Reduced:
    def __init__(self, n):
        self.n = n

    def __reduce__(self):
        return (Reduced, (self.n,))


class NewArgs(int):
    def __new__(cls, v, tag):
        o = int.__new__(cls, v)
        o.tag = tag
        return o

    def __getnewargs__(self):
        return (int(self), self.tag)


class NewArgsEx:
    def __new__(cls, *args, **kw):
        o = object.__new__(cls)
        o.args = args
        o.kw = kw
        return o

    def __getnewargs_ex__(self):
        return (self.args, self.kw)


class Outer:
    class Inner:
        pass


class MyList(list):
    pass


class MyDict(dict):
    pass


def func():
    pass


values = [
    None, True, False, 0, 1, -1, 255, 256, 65535, 65536, 2**31 - 1, -2**31, 2**31, -2**31 - 1,
    2**63, -2**63, 2**64, 2**100, -2**100, 127, 128, -128, -129, 2**2040, -(2**2047),
    0.0, -0.0, 1.5, 1e100, float("inf"), float("-inf"), 1/3, 1e16, 123456789.0,
    "", "a", "héllo", "日本", "\U0001f600", "back\\slash", "new\nline", "cr\r", "nul\0", "\x1a", "a" * 300,
    "\ud800x",
    b"", b"abc", b"\x00\xff" * 200, bytearray(b"xyz"), bytearray(),
    (), (1,), (1, 2), (1, 2, 3), (1, 2, 3, 4), ((),), [], [1], [1, 2], list(range(1005)),
    {}, {"a": 1}, {"a": 1, "b": [2]}, {i: i for i in range(1003)},
    set(), {1}, {1, 2, 3}, frozenset(), frozenset({4, 5}), set(range(1002)),
    Plain(1, "x"), Slotted(1, 2), WithState(), Reduced(7), NewArgs(5, "t"), NewArgsEx(1, 2, k=3),
    Outer, Outer.Inner, Plain, func, len, pickle.dumps, type(None), type(...), type(NotImplemented),
    ..., NotImplemented, MyList([1, 2]), MyDict(a=1), complex(1, 2), range(3), slice(1, 2),
    int, object, str, dict, KeyError, KeyError("k"), ValueError(1, 2),
]

for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    print("protocol", proto)
    for v in values:
        try:
            data = pickle.dumps(v, proto)
        except Exception as e:
            print("  ", type(v).__name__, "->", type(e).__name__, e)
            continue
        if len(data) > 400:
            print("  ", type(v).__name__, len(data), data[:60], data[-40:], sum(data) % 1000003)
        else:
            print("  ", data)
        back = pickle.loads(data)
        if type(v) in (Slotted, WithState, NewArgsEx, Reduced):
            ok = type(back) is type(v)
        elif v != v:
            ok = back != back
        else:
            ok = back == v or repr(back) == repr(v)
        if not ok:
            print("   roundtrip mismatch", repr(back)[:80])
