# An ELEMENT content model nested 500,000 deep: RecursionError, not a crash.
from xml.parsers import expat
import sys
N = 500_000
data = b'<!DOCTYPE root [\n<!ELEMENT root ' + b'(a, ' * N + b'a' + b')' * N + b'>\n]>\n<root/>\n'
parser = expat.ParserCreate()
parser.ElementDeclHandler = lambda _1, _2: None
try:
    parser.Parse(data)
    print("parsed")
except RecursionError as e:
    print("RecursionError")
# A shallow one still converts.
seen = []
parser = expat.ParserCreate()
parser.ElementDeclHandler = lambda name, model: seen.append((name, model))
parser.Parse(b'<!DOCTYPE root [\n<!ELEMENT root (a, (b | c)*)>\n]>\n<root/>\n', True)
print(seen)
