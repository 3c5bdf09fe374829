# xml.etree.ElementTree over pyexpat: iterparse, XMLPullParser, parser targets and canonicalize.
# gcstress-every: 20
import io
import xml.etree.ElementTree as ET

doc = """<?xml version="1.0"?>
<catalog xmlns="urn:books" xmlns:m="urn:meta">
  <!-- books -->
  <book id="bk101" m:lang="en">
    <author>Gambardella, Matthew</author>
    <title>XML Developer's Guide</title>
    <price currency="USD">44.95</price>
    <?pi instruction?>
  </book>
  <book id="bk102"><author>Ralls, Kim</author><title>Midnight Rain &amp; more</title><price>5.95</price></book>
  <m:extra><![CDATA[a < b]]> tail &#169;</m:extra>
</catalog>"""

events = []
for event, elem in ET.iterparse(io.BytesIO(doc.encode()), events=("start", "end", "start-ns", "end-ns", "comment", "pi")):
    tag = elem if event in ("start-ns", "end-ns") else elem.tag
    events.append((event, tag.__name__ if callable(tag) else tag))
print(events)

pp = ET.XMLPullParser(events=("start", "end"))
for i in range(0, len(doc), 37):
    pp.feed(doc[i:i + 37])
    print([(ev, el.tag.split("}")[1]) for ev, el in pp.read_events()])
pp.close()

tb = ET.TreeBuilder(insert_comments=True, insert_pis=True)
parser = ET.XMLParser(target=tb)
parser.feed(doc)
r = parser.close()
print([c.tag if isinstance(c.tag, str) else c.tag.__name__ for c in r[1]])

class Collect:
    def __init__(self):
        self.log = []
    def start(self, tag, attrib):
        self.log.append(("start", tag, attrib))
    def end(self, tag):
        self.log.append(("end", tag))
    def data(self, data):
        self.log.append(("data", data))
    def comment(self, text):
        self.log.append(("comment", text))
    def close(self):
        return self.log
p = ET.XMLParser(target=Collect())
p.feed("<r a='1'><!-- c -->text<s/></r>")
print(p.close())

print(ET.canonicalize(doc, strip_text=True)[:120])
