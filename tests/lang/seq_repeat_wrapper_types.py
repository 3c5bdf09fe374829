# Calling a sequence's __mul__/__rmul__/__imul__ with a non-integer count: TypeError.
import array
for seq in ([1], (1,), "a", b"a", bytearray(b"a"), array.array("b", [1])):
    for name in ("__mul__", "__rmul__", "__imul__"):
        m = getattr(seq, name, None)
        if m is None:
            continue
        for arg in ("bad", 1.5, None, 2):
            try:
                r = m(arg)
                print(type(seq).__name__, name, repr(arg), "->", r)
            except TypeError as e:
                print(type(seq).__name__, name, repr(arg), "TypeError:", e)
class L(list):
    def __mul__(self, o):
        return super().__mul__(o)
try:
    L([1]) * "x"
except TypeError as e:
    print("TypeError:", e)
class R:
    def __rmul__(self, o):
        return "R.__rmul__"
print([1] * R(), "ab" * R())
