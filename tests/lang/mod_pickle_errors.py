# CPython's messages for unpicklable objects, bad reductions, truncated or corrupt data.
# gcstress-every: 20
import io
import pickle
import re


def show(f):
    try:
        r = f()
        print("ok", repr(r)[:100])
    except Exception as e:
        msg = re.sub(r"0x[0-9a-f]+", "0x...", str(e))
        msg = msg.replace(repr(__file__)[1:-1], "<this file>")
        print(type(e).__module__, type(e).__name__, msg)


def local():
    def inner():
        pass
    return inner


lam = lambda: 1


class R:
    def __init__(self, rv):
        self.rv = rv

    def __reduce__(self):
        return self.rv


class NotIter:
    pass


def newobj_like(*a):
    pass


newobj_like.__name__ = "__newobj__"

for proto in (0, 2, 4):
    print("protocol", proto)
    show(lambda: pickle.dumps(lam, proto))
    show(lambda: pickle.dumps(local(), proto))
    show(lambda: pickle.dumps((x for x in []), proto))
    show(lambda: pickle.dumps(R(5), proto))
    show(lambda: pickle.dumps(R((1,)), proto))
    show(lambda: pickle.dumps(R((1, 2)), proto))
    show(lambda: pickle.dumps(R((R, 2)), proto))
    show(lambda: pickle.dumps(R((R, (1,), None, 5)), proto))
    show(lambda: pickle.dumps(R((R, (1,), None, None, 5)), proto))
    show(lambda: pickle.dumps(R((R, (1,), None, None, None, 5)), proto))
    show(lambda: pickle.dumps(R((R, (1,), 1, 2, 3, 4, 5)), proto))
    show(lambda: pickle.dumps(R((newobj_like, ())), proto))
    show(lambda: pickle.dumps(R((newobj_like, (1,))), proto))
    show(lambda: pickle.dumps(R((newobj_like, (int,))), proto))
    show(lambda: pickle.dumps(R("nonexistent_global"), proto))
    show(lambda: pickle.dumps(pickle.PickleBuffer(b"ab"), proto))

show(lambda: pickle.dumps(1, 6))
show(lambda: pickle.dumps(1, "4"))
show(lambda: pickle.dumps(1, 2, buffer_callback=print))
show(lambda: pickle.dumps(1, 2, 3))
show(lambda: pickle.Pickler(None))
show(lambda: pickle.Unpickler(None))
show(lambda: pickle.loads("text"))
show(lambda: pickle.loads(b""))
show(lambda: pickle.load(io.BytesIO(b"")))

corrupt = [
    b"h\x05.", b"j\x05\x00\x00\x00.", b"g5\n.", b"\x80\x04", b"K", b"J\x01\x02", b".", b"0.", b"(0.",
    b"a.", b"N(a.", b"e.", b"\xff", b"z", b"\x80\x06N.", b"I12x\n.", b'S"abc\n.', b"Sabc\n.", b"F1.2.3\n.",
    b"\x95\x05\x00\x00\x00\x00\x00\x00\x00N.", b"\x80\x05\x97.", b"(K\x01K\x02d.", b"}(K\x01u.",
    b"\x82\x00.", b"\x82\xf0.", b"N\x8c\x01a\x93.", b"\x8b\xff\xff\xff\xff.", b"K\x01K\x02\x81.",
    b"cbuiltins\nint\nK\x01\x81.", b"cbuiltins\nlen\n)\x81.", b"p-1\n.", b"N'", b"(.", b"N(\x85.",
    b"c__main__\nnope\n.", b"\x80\x04\x8c\x08__main__\x8c\x04nope\x93.",
    b"\x80\x04\x8c\x08__main__\x8c\x08nope.bar\x93.", b"cno_such_module_x\nnope\n.",
    b"\x80\x04\x8c\x08__main__\x8c\x0flocal.<locals>\x93.", b"N\x94h\x01.", b"NQ.", b"Pabc\n.",
    b"]N\x8c\x01aq\x00b.", b"]N\x8c\x01ab.", b"]Nb.", b"]}(K\x01K\x02tb.", b"(I1\nI2\ni__main__\nR\n.",
    b"X\x02\x00\x00\x00\xff\xfe.", b"V\\u12\n.", b"\x8a\x02\xff\x7f.", b"L12\n.", b"L0x10L\n.",
    b"I0x10\n.", b"I01\n.", b"I00\n.", b"I 5\n.", b"F inf\n.", b"Fnan\n.",
]
for data in corrupt:
    print(data, end=" ")
    show(lambda: pickle.loads(data))
