# xml.etree.ElementTree over pyexpat: fromstring/parse, find, tostring, namespaces, entities and ParseError.
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

root = ET.fromstring(doc)
print(root.tag, root.attrib, len(root))
ns = {"b": "urn:books", "m": "urn:meta"}
for book in root.findall("b:book", ns):
    print(book.get("id"), book.attrib, book.find("b:title", ns).text, float(book.find("b:price", ns).text))
print(repr(root.find("m:extra", ns).text), repr(root[0].tail))
print([e.tag for e in root.iter()])
print(ET.tostring(root[1], encoding="unicode"))
print(ET.tostring(ET.fromstring("<a x='1'><b>t</b>tail<c/></a>")))
print(ET.tostring(ET.fromstring(b"<\xc3\xa9l\xc3\xa9ment>caf\xc3\xa9</\xc3\xa9l\xc3\xa9ment>"), encoding="unicode"))

tree = ET.parse(io.BytesIO(doc.encode()))
print(tree.getroot().tag, tree.find(".//{urn:books}author").text)

# Doctype and entities.
print(ET.fromstring('<!DOCTYPE d [<!ENTITY e "expanded">]><d>&e;</d>').text)
xp = ET.XMLParser()
xp.entity["custom"] = "CUSTOM"
xp.feed('<!DOCTYPE d SYSTEM "d.dtd"><d>&custom;</d>')
print(xp.close().text)

for bad in ("<a><b></a>", "<a>", "", "<a>&nope;</a>", "<a x='1' x='2'/>", "text", "<a/><b/>", "<a>\n<b\n</a>"):
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print(repr(str(e)), e.code, e.position)
print(ET.XMLParser().version.startswith("Expat "))
print(ET.canonicalize("<a b='2' a='1'><c/>  </a>"))
