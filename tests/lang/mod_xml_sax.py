# gcstress-every: 100
# xml.dom.pulldom and xml.sax (expatreader) over pyexpat.
import io
import xml.dom.pulldom as pulldom
import xml.sax
import xml.sax.handler
import xml.sax.saxutils

doc = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE inventory [
  <!ELEMENT inventory (item+)>
  <!ATTLIST item sku CDATA #REQUIRED qty CDATA "1">
  <!ENTITY co "Acme &amp; Co">
]>
<inventory xmlns:d="urn:d">
  <!-- stock -->
  <item sku="A1" qty="5">Widget by &co;</item>
  <item sku="B2"><name>Gadget</name><d:note>fragile</d:note></item>
  <?process me?>
  <item sku="C3"><![CDATA[<special>]]></item>
</inventory>"""

events = []
for event, node in pulldom.parseString("<r><a x='1'>t</a><b/></r>"):
    events.append((event, node.nodeName))
print(events)

class Handler(xml.sax.handler.ContentHandler):
    def __init__(self):
        super().__init__()
        self.log = []
    def startDocument(self):
        self.log.append("startDocument")
    def endDocument(self):
        self.log.append("endDocument")
    def startElement(self, name, attrs):
        self.log.append(("start", name, sorted(attrs.items())))
    def endElement(self, name):
        self.log.append(("end", name))
    def characters(self, content):
        if content.strip():
            self.log.append(("chars", content))
    def processingInstruction(self, target, data):
        self.log.append(("pi", target, data))
    def startElementNS(self, name, qname, attrs):
        self.log.append(("startNS", name, qname, sorted(attrs.items(), key=str)))
    def endElementNS(self, name, qname):
        self.log.append(("endNS", name, qname))
    def startPrefixMapping(self, prefix, uri):
        self.log.append(("prefix", prefix, uri))

h = Handler()
xml.sax.parseString(doc.encode(), h)
print(h.log)
h = Handler()
parser = xml.sax.make_parser()
parser.setFeature(xml.sax.handler.feature_namespaces, True)
parser.setContentHandler(h)
parser.parse(io.BytesIO(b"<r xmlns='urn:x' xmlns:p='urn:p'><p:a p:k='v' k2='w'>t</p:a></r>"))
print(h.log)

class Errors(xml.sax.handler.ErrorHandler):
    def fatalError(self, e):
        print("fatal", e.getMessage(), e.getLineNumber(), e.getColumnNumber())
        raise e
try:
    xml.sax.parseString(b"<a>\n<b></a>", Handler(), Errors())
except xml.sax.SAXParseException as e:
    print("SAXParseException", e)
out = io.StringIO()
g = xml.sax.saxutils.XMLGenerator(out)
xml.sax.parseString(b"<a x='&amp;'>1 &lt; 2<b/></a>", g)
print(out.getvalue())
