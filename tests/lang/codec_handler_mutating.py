# Decoding error handlers that set exc.object: to a non-bytes (TypeError) or to new bytes
# (decoding resumes in them), for every codec with a handler loop.
import codecs
baddata = [("ascii", b"\xff"), ("utf-7", b"++"), ("utf-8",  b"\xff"), ("utf-16", b"\xff"), ("utf-32", b"\xff"),
           ("unicode-escape", b"\\u123g"), ("raw-unicode-escape", b"\\u123g")]
def replacing(exc):
    exc.object = 42
    return ("\u4242", 0)
codecs.register_error("test.replacing", replacing)
def mutating(exc):
    exc.object = b""
    return ("\u4242", 0)
codecs.register_error("test.mutating", mutating)
for encoding, data in baddata:
    try:
        data.decode(encoding, "test.replacing")
    except TypeError as e:
        print(encoding, "TypeError", e)
    print(encoding, ascii(data.decode(encoding, "test.mutating")), flush=True)
