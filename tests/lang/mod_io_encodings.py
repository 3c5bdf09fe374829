# Text encodings: utf-8, latin-1, ascii, error handlers, and the byte-order marks of utf-8-sig/utf-16/utf-32.
import os
from _io import BytesIO, TextIOWrapper

path = "/tmp/taipan_io_enc_%d.txt" % os.getpid()
text = "naïve café – ☃ 😀\n"
for enc in ("utf-8", "UTF8", "latin-1", "ascii", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-8-sig"):
    try:
        with open(path, "w", encoding=enc) as f:
            f.write(text)
            f.write("second\n")
        with open(path, "rb") as f:
            raw = f.read()
        with open(path, encoding=enc) as f:
            back = f.read()
        print(enc, len(raw), raw[:6], back == text + "second\n")
    except UnicodeEncodeError as e:
        print(enc, "UnicodeEncodeError", e.reason, e.start, e.end)
for errors in ("replace", "ignore", "backslashreplace", "xmlcharrefreplace", "surrogateescape"):
    try:
        with open(path, "w", encoding="ascii", errors=errors) as f:
            f.write("é☃")
        with open(path, "rb") as f:
            print(errors, f.read())
    except UnicodeEncodeError as e:
        print(errors, "UnicodeEncodeError", e)
with open(path, "wb") as f:
    f.write(b"ok \xff\xfe bytes\n")
for errors in ("strict", "replace", "ignore", "surrogateescape", "backslashreplace"):
    try:
        with open(path, errors=errors) as f:
            print(errors, repr(f.read()))
    except UnicodeDecodeError as e:
        print(errors, "UnicodeDecodeError", e)
# A character split between two chunks decodes whole.
b = BytesIO(("ab" + "é" * 5000).encode("utf-8"))
t = TextIOWrapper(b, encoding="utf-8")
t._CHUNK_SIZE = 7
s = t.read()
print(len(s), s[:3], t.tell())
# A BOM is written once, at the start of the stream.
b = BytesIO()
t = TextIOWrapper(b, encoding="utf-16")
t.write("a")
t.write("b")
t.flush()
print(b.getvalue())
t.seek(0)
print(repr(t.read()))
b2 = BytesIO(b"x")
b2.seek(1)
t2 = TextIOWrapper(b2, encoding="utf-8-sig")
t2.write("y")
t2.flush()
print(b2.getvalue())
try:
    TextIOWrapper(BytesIO(b"a\x00"), encoding="utf-16").read()
except UnicodeError as e:
    print(type(e).__name__, e)
try:
    open(path, encoding="no-such-codec")
except LookupError as e:
    print("LookupError", e)
os.unlink(path)
