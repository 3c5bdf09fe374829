# xml.dom.minidom (expatbuilder) over pyexpat.
# gcstress-every: 5
import io
import xml.dom.minidom as minidom

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

dom = minidom.parseString(doc)
root = dom.documentElement
print(root.tagName, dom.doctype.name, [e.getAttribute("sku") for e in root.getElementsByTagName("item")])
print([(e.getAttribute("qty"), e.hasAttribute("qty")) for e in root.getElementsByTagName("item")])
print([n.nodeType for n in root.childNodes])
print(root.getElementsByTagName("item")[0].firstChild.data)
print(root.getElementsByTagName("d:note")[0].namespaceURI, root.getElementsByTagName("d:note")[0].localName)
print(dom.doctype.entities.length, dom.doctype.entities.item(0).nodeName if dom.doctype.entities.length else None)
print(root.toxml()[:150])
print(minidom.parseString("<a><b x='1'>t</b><c/></a>").toprettyxml(indent="  "))
d2 = minidom.parse(io.BytesIO(b"<r><s>1</s><s>2</s></r>"))
print(sum(int(s.firstChild.data) for s in d2.getElementsByTagName("s")))
try:
    minidom.parseString("<a><b></a>")
except Exception as e:
    print(type(e).__name__, e)

