# pyexpat over libexpat: handlers and their arguments, attributes, buffering, namespaces, interning and ExpatError.
# gcstress-every: 5
import io
import pyexpat
from xml.parsers import expat

DOC = b"""<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE root [
  <!ELEMENT root (item*, note?)>
  <!ELEMENT item (#PCDATA)>
  <!ELEMENT note ANY>
  <!ATTLIST item id CDATA #REQUIRED kind (a|b) "a">
  <!ENTITY greet "hello &amp; welcome">
  <!NOTATION gif SYSTEM "image/gif">
  <!ENTITY pic SYSTEM "pic.gif" NDATA gif>
]>
<!-- a comment -->
<root xmlns:x="http://example.com/x">
  <?target some data?>
  <item id="1">first &greet;</item>
  <item id="2" kind="b"><![CDATA[<raw> & stuff]]></item>
  <x:note x:attr="v">caf\xc3\xa9 &#x263A; &lt;tag&gt;</x:note>
</root>
"""

events = []
def rec(name):
    def handler(*args):
        events.append((name,) + args)
    return handler

p = expat.ParserCreate()
for h in ("StartElementHandler", "EndElementHandler", "ProcessingInstructionHandler", "CharacterDataHandler",
          "UnparsedEntityDeclHandler", "NotationDeclHandler", "CommentHandler", "StartCdataSectionHandler",
          "EndCdataSectionHandler", "StartDoctypeDeclHandler", "EndDoctypeDeclHandler", "EntityDeclHandler",
          "XmlDeclHandler", "ElementDeclHandler", "AttlistDeclHandler"):
    setattr(p, h, rec(h[:-7]))
print(p.Parse(DOC, True))
for e in events:
    print(e)
print(p.ErrorCode, p.ErrorLineNumber, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex)

# buffer_text joins character data; ordered and specified attributes.
for bt, oa, sa in ((False, False, False), (True, True, False), (True, False, True)):
    events = []
    p = expat.ParserCreate()
    p.buffer_text = bt
    p.ordered_attributes = oa
    p.specified_attributes = sa
    p.StartElementHandler = rec("start")
    p.CharacterDataHandler = rec("data")
    p.Parse(DOC[:DOC.index(b"<!--")], False)
    for i in range(DOC.index(b"<!--"), len(DOC), 10):
        p.Parse(DOC[i:i + 10], False)
    p.Parse(b"", True)
    print(bt, oa, sa, p.buffer_text, p.buffer_size, p.buffer_used, len(events))
    print([e for e in events if e[0] == "start"])
    print("".join(e[1] for e in events if e[0] == "data"))

# Namespaces, with and without prefixes reported.
for prefixes in (False, True):
    events = []
    p = expat.ParserCreate(namespace_separator="|")
    p.namespace_prefixes = prefixes
    p.StartElementHandler = rec("start")
    p.EndElementHandler = rec("end")
    p.StartNamespaceDeclHandler = rec("ns")
    p.EndNamespaceDeclHandler = rec("endns")
    p.Parse('<a xmlns="urn:d" xmlns:p="urn:p"><p:b p:c="1" d="2"/><c/></a>', True)
    print(prefixes, events)

# Interning: equal names are the same object; intern=None turns it off.
names = []
p = expat.ParserCreate()
p.StartElementHandler = lambda n, a: names.append(n)
p.Parse(b"<r><x/><x/><x a='1'/></r>", True)
print(names, names[1] is names[2], sorted(p.intern))
p = expat.ParserCreate(intern=None)
print(p.intern)
d = {}
p = expat.ParserCreate(intern=d)
p.StartElementHandler = lambda n, a: None
p.Parse(b"<q z='1'/>", True)
print(sorted(d), p.intern is d)

# Default handlers see the raw text.
for h in ("DefaultHandler", "DefaultHandlerExpand"):
    out = []
    p = expat.ParserCreate()
    setattr(p, h, out.append)
    p.Parse(b'<!DOCTYPE d [<!ENTITY e "EE">]><d>&e; &amp; x</d>', True)
    print(h, out)

# Encodings: declared, overridden, and a single-byte Python codec expat lacks.
for data, enc in ((b"<a>\xe9</a>", "iso-8859-1"), ('<?xml version="1.0" encoding="iso-8859-1"?><a>\xe9</a>'.encode("latin-1"), None),
                  ('<?xml version="1.0" encoding="cp1252"?><a>\u20ac\u2019</a>'.encode("cp1252"), None),
                  ("<a>\u20ac</a>".encode("utf-16"), None), (b"<a>\xa4</a>", "iso-8859-15")):
    out = []
    p = expat.ParserCreate(enc)
    p.CharacterDataHandler = out.append
    p.Parse(data, True)
    print(enc, ascii(out))
out = []
p = expat.ParserCreate()
p.CharacterDataHandler = out.append
p.Parse("<a>str input \u00e9\u4e2d</a>", True)
print(ascii(out))

# ParseFile reads binary files in chunks.
p = expat.ParserCreate()
count = []
p.StartElementHandler = lambda n, a: count.append(n)
big = b"<r>" + b"".join(b"<i n='%d'>text %d</i>" % (i, i) for i in range(500)) + b"</r>"
print(p.ParseFile(io.BytesIO(big)), len(count), count[-1])

# Errors: message, code, position; handlers cleared after one raises.
for doc in (b"<a><b></a>", b"<a>", b"", b"<a></a><b/>", b"<a x='1' x='2'/>", b"<a>&undefined;</a>", b"\xff\xfe<",
            b"<a>\n\n  <b attr=></b></a>"):
    p = expat.ParserCreate()
    try:
        p.Parse(doc, True)
        print("ok")
    except expat.ExpatError as e:
        print(repr(e), e.code, e.lineno, e.offset, expat.ErrorString(e.code), expat.errors.messages[e.code],
              p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex)
p = expat.ParserCreate()
p.Parse(b"<a/>", True)
try:
    p.Parse(b"<b/>", True)
except expat.error as e:
    print(e)

def boom(name, attrs):
    raise KeyError(name)
p = expat.ParserCreate()
p.StartElementHandler = boom
p.EndElementHandler = print
try:
    p.Parse(b"<a><b/></a>", True)
except KeyError as e:
    print("KeyError", e, p.StartElementHandler, p.EndElementHandler)

# GetInputContext inside a handler, SetBase/GetBase, handler reassignment.
p = expat.ParserCreate()
ctx = []
p.StartElementHandler = lambda n, a: ctx.append(p.GetInputContext())
p.Parse(b"<root><child a='1'/></root>", True)
print(ctx, p.GetInputContext())
p = expat.ParserCreate()
print(p.GetBase(), p.SetBase("http://base/"), p.GetBase())
h = lambda *a: None
p.CommentHandler = h
print(p.CommentHandler is h, p.StartElementHandler)
p.CommentHandler = None
print(p.CommentHandler)

# Character data handler replaced while buffering.
out = []
p = expat.ParserCreate()
p.buffer_text = True
p.CharacterDataHandler = lambda s: out.append(("one", s))
p.Parse(b"<a>abc", False)
p.CharacterDataHandler = lambda s: out.append(("two", s))
p.Parse(b"def</a>", True)
print(out)
p = expat.ParserCreate()
p.buffer_text = True
p.buffer_size = 4
p.CharacterDataHandler = lambda s: out.append(s)
p.Parse(b"<a>abcdefghij<b/>xy</a>", True)
print(out[2:])

# External entities.
p = expat.ParserCreate()
p.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE)
seen = []
def ext(context, base, sysid, pubid):
    seen.append((context, base, sysid, pubid))
    child = p.ExternalEntityParserCreate(context)
    child.Parse(b"<inner>from entity</inner>", True)
    return 1
p.ExternalEntityRefHandler = ext
p.StartElementHandler = lambda n, a: seen.append(n)
p.SetBase("file:///doc/")
p.Parse(b'<!DOCTYPE r [<!ENTITY e SYSTEM "ent.xml">]><r>&e;</r>', True)
print(seen)

print(pyexpat.EXPAT_VERSION.startswith("expat_"), len(pyexpat.version_info), pyexpat.native_encoding)
print(expat.model.XML_CTYPE_SEQ, expat.errors.XML_ERROR_SYNTAX, expat.errors.codes["syntax error"])
print(expat.ExpatError.__module__, expat.ExpatError.__name__, expat.error is expat.ExpatError)
print(type(expat.ParserCreate()).__name__, type(expat.ParserCreate()).__module__, expat.XMLParserType.__name__)
