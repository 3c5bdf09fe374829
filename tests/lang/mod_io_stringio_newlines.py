# StringIO's newline argument: what is translated on write and where lines end.
from _io import StringIO

text = "a\nb\r\nc\rd"
for nl in (None, "", "\n", "\r", "\r\n"):
    s = StringIO(text, newline=nl)
    print(repr(nl), repr(s.getvalue()), s.readlines(), s.newlines, s.tell())
    s.write("x\ny\r\n")
    print(repr(nl), repr(s.getvalue()), s.newlines)
for nl in (None, ""):
    s = StringIO(newline=nl)
    s.write("p\r")
    s.write("\nq")
    s.seek(0)
    print(repr(nl), repr(s.getvalue()), s.readlines(), s.newlines)
for bad in ("x", "\n\n"):
    try:
        StringIO(newline=bad)
    except ValueError as e:
        print("ValueError", e)
try:
    StringIO(newline=5)
except TypeError as e:
    print("TypeError", e)
print(StringIO("a\r\nb", newline=None).__getstate__())
