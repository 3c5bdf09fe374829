# A decoding error handler that replaces exc.object: decoding resumes in the new input
# (it used to loop forever on the old one).
import codecs
def replace_with_long(exc):
    if isinstance(exc, UnicodeDecodeError):
        exc.object = b"\x00" * 8
        return ('\ufffd', exc.start)
    raise TypeError("no")
codecs.register_error("test.rwl", replace_with_long)
for enc in ("utf-16", "utf-32", "utf-8", "ascii", "utf-16-le"):
    print(enc, ascii(b'\x00'.decode(enc, 'test.rwl')) if enc.startswith("utf-16") or enc == "utf-32" else ascii(b'a\xff'.decode(enc, 'test.rwl')))
