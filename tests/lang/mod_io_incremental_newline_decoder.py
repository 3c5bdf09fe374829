# _io.IncrementalNewlineDecoder on its own, with and without an inner byte decoder.
from _io import IncrementalNewlineDecoder

d = IncrementalNewlineDecoder(None, translate=True)
print(repr(d.decode("a\r")), d.getstate(), repr(d.decode("\nb\r")), repr(d.decode("c", final=True)), d.newlines)
d.reset()
print(d.newlines, d.getstate())
d = IncrementalNewlineDecoder(None, translate=False)
print(repr(d.decode("x\r\ny\rz\n")), d.newlines)
print(repr(d.decode("\r")), d.getstate())
d.setstate((b"", 0))
print(repr(d.decode("", final=True)))
d.setstate((b"", 1))
print(repr(d.decode("q", final=True)))
class Upper:
    def __init__(self):
        self.state = (b"", 0)
    def decode(self, data, final=False):
        return data.decode("ascii").upper()
    def getstate(self):
        return self.state
    def setstate(self, state):
        self.state = state
    def reset(self):
        print("inner reset")
d = IncrementalNewlineDecoder(Upper(), True)
print(repr(d.decode(b"ab\r\ncd\r")), d.getstate(), d.newlines)
d.setstate((b"zz", 3))
print(d.getstate(), d._decoder.state if hasattr(d, "_decoder") else "hidden")
d.reset()
try:
    IncrementalNewlineDecoder(None, True).decode(b"bytes")
except TypeError as e:
    print("TypeError", e)
try:
    d.setstate([b"", 0])
except TypeError as e:
    print("TypeError", e)
try:
    IncrementalNewlineDecoder()
except TypeError as e:
    print("TypeError", e)
