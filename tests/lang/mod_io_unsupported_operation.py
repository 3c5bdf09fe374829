# io.UnsupportedOperation: an OSError and a ValueError at once, raised for missing abilities.
import _io

U = _io.UnsupportedOperation
print(U.__name__, U.__module__, [c.__name__ for c in U.__mro__])
print(issubclass(U, OSError), issubclass(U, ValueError), repr(U("x")), str(U("x")), U("x").errno)
e = U(2, "msg")
print(e.errno, e.strerror, str(e))
for catcher in (U, OSError, ValueError):
    try:
        _io.BytesIO().detach()
    except catcher as err:
        print(catcher.__name__, "caught", err)
s = _io.StringIO()
tests = [
    ("StringIO.detach", s.detach),
    ("TextIOWrapper.write on reader", lambda: _io.TextIOWrapper(_io.BufferedReader(_io.BytesIO())).write("x")),
    ("TextIOWrapper.read on writer", lambda: _io.TextIOWrapper(_io.BufferedWriter(_io.BytesIO())).read()),
    ("BufferedReader.write", lambda: _io.BufferedReader(_io.BytesIO()).write(b"x")),
    ("BufferedWriter.read", lambda: _io.BufferedWriter(_io.BytesIO()).read()),
    ("BufferedReader.truncate", lambda: _io.BufferedReader(_io.BytesIO()).truncate()),
    ("_IOBase.seek", lambda: _io._IOBase().seek(0)),
    ("_IOBase.tell", lambda: _io._IOBase().tell()),
    ("_IOBase.truncate", lambda: _io._IOBase().truncate()),
    ("_TextIOBase.write", lambda: _io._TextIOBase().write("x")),
    ("_BufferedIOBase.read1", lambda: _io._BufferedIOBase().read1()),
    ("_checkWritable", lambda: _io.BytesIO()._checkWritable() and _io._IOBase()._checkWritable()),
    ("_checkSeekable", lambda: _io._IOBase()._checkSeekable()),
    ("_checkReadable", lambda: _io._IOBase()._checkReadable()),
    ("BufferedReader of writer", lambda: _io.BufferedReader(_io.FileIO(1, "w", closefd=False))),
]
for name, op in tests:
    try:
        op()
        print(name, "no error")
    except U as err:
        print(name, "->", err)
try:
    raise U("not writable")
except OSError as err:
    print(type(err).__module__, type(err).__qualname__, err.args)
