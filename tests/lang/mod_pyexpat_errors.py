# pyexpat argument checking and attribute errors, worded as CPython 3.11 words them.
import pyexpat

p = pyexpat.ParserCreate()
cases = ["p.Parse()", "p.Parse(1)", "p.Parse(b'<a/>', 1, 2)", "p.Parse(b'', isfinal=True)", "p.Parse(b'', 'x')",
         "p.ParseFile(1)", "p.ParseFile()", "p.SetBase(1)", "p.GetBase()", "p.GetBase(1)",
         "p.SetParamEntityParsing('x')", "p.UseForeignDTD(1, 2)", "p.ExternalEntityParserCreate(1)",
         "p.ExternalEntityParserCreate(None, 5)", "setattr(p, 'buffer_size', 0)", "setattr(p, 'buffer_size', -5)",
         "setattr(p, 'buffer_size', 'x')", "setattr(p, 'buffer_size', 2**40)", "delattr(p, 'buffer_size')",
         "delattr(p, 'StartElementHandler')", "delattr(p, 'buffer_text')", "setattr(p, 'foo', 1)", "p.foo",
         "setattr(p, 'buffer_used', 1)", "setattr(p, 'intern', {})", "setattr(p, 'ErrorCode', 1)",
         "pyexpat.ParserCreate(1)", "pyexpat.ParserCreate(None, 2)", "pyexpat.ParserCreate(namespace_separator='ab')",
         "pyexpat.ParserCreate(namespace_separator='\\xe9')", "pyexpat.ParserCreate(intern=1)",
         "pyexpat.ParserCreate('utf-8', '!', {}, 4)", "pyexpat.ParserCreate(bad=1)",
         "pyexpat.ParserCreate(encoding=None, namespace_separator=None, intern=None).intern",
         "pyexpat.ParserCreate(namespace_separator='').Parse('<a/>', True)", "pyexpat.ParserCreate('no-such-codec').Parse(b'<a/>', True)",
         "pyexpat.ParserCreate('utf-16-le').Parse(b'<\\x00a\\x00/\\x00>\\x00', True)",
         "pyexpat.ErrorString('x')", "pyexpat.ErrorString(2**70)", "pyexpat.ErrorString(-1)", "pyexpat.ErrorString(0)",
         "pyexpat.ErrorString(3)", "pyexpat.ErrorString()", "pyexpat.XMLParserType()",
         "pyexpat.ExpatError(1, 2).args", "setattr(p, 'ordered_attributes', [])", "p.ordered_attributes",
         "setattr(p, 'buffer_text', 5)", "p.buffer_text", "p.GetInputContext()", "p.UseForeignDTD()",
         "p.SetParamEntityParsing(1)", "setattr(p, 'namespace_prefixes', 2)", "p.namespace_prefixes",
         "type(p.ExternalEntityParserCreate(None)).__name__", "p.Parse('<a>\\u00e9</a>', True)", "p.Parse(b'more')",
         "p.ParseFile(open('/dev/null'))", "pyexpat.ParserCreate().ParseFile(open('/dev/null', 'rb'))",
         "pyexpat.ParserCreate().Parse(bytearray(b'<a/>'), True)", "pyexpat.ParserCreate().Parse(memoryview(b'<a/>'), 1)",
         "pyexpat.ParserCreate().Parse(b'<a>', 0)", "setattr(p, 'CharacterDataHandler', 5)",
         "pyexpat.ParserCreate(intern={}).intern", "sorted(pyexpat.errors.codes.items())[:3]",
         "len(pyexpat.errors.messages)", "pyexpat.features[0]"]
for src in cases:
    try:
        print(src, "->", repr(eval(src)))
    except Exception as e:
        print(src, "->", type(e).__name__, e)

class ReadBad:
    def __init__(self, result):
        self.result = result
    def read(self, n):
        return self.result
for r in ("text", b"x" * 5000, None):
    try:
        pyexpat.ParserCreate().ParseFile(ReadBad(r))
    except Exception as e:
        print(type(e).__name__, e)
p = pyexpat.ParserCreate()
p.StartElementHandler = 5
try:
    p.Parse(b"<a/>", True)
except TypeError as e:
    print("TypeError", e, p.StartElementHandler)
p = pyexpat.ParserCreate()
p.NotStandaloneHandler = lambda: 0
try:
    p.Parse(b'<?xml version="1.0" standalone="no"?><!DOCTYPE a SYSTEM "x.dtd"><a/>', True)
except pyexpat.ExpatError as e:
    print(e, e.code)
