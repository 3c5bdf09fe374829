# Builtin types without a constructor of their own (iterators, views, descriptors, frames) refuse type(x)(), as in CPython.
import types, sys
objs = [iter([]), iter(()), iter(range(3)), iter({}), iter(set()), iter(""), iter(b""), {}.keys(), {}.values(), {}.items(),
        iter({}.keys()), reversed([]), (x for x in []), types.SimpleNamespace,
        len, [].append, object.__init__, str.join, type.__dict__['__dict__'], int.__add__, sys._getframe(),
        None, NotImplemented, Ellipsis, iter(bytearray()), memoryview(b""), super, property, zip(), map(len, []), filter(None, []),
        enumerate([]), slice(1), range(1), (1).__index__, staticmethod(len), classmethod(len), frozenset(), type(None)]
for o in objs:
    t = o if isinstance(o, type) else type(o)
    try:
        t()
        print(t.__name__, "ok")
    except TypeError as e:
        print(t.__name__, "TypeError", e)
    except Exception as e:
        print(t.__name__, type(e).__name__)
