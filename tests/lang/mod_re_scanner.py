# Pattern.scanner() steps through matches; re.Scanner builds a lexer from it.
import re

p = re.compile(r'\d+')
sc = p.scanner('a12b345c6')
print(type(sc).__name__, sc.pattern is p)
print(sc.search(), sc.search(), sc.search(), sc.search(), sc.search())
sc = p.scanner('12 34', 0)
print(sc.match(), sc.match(), sc.match())
sc = re.compile(r'x*').scanner('axx')
print([sc.search() for _ in range(5)])
sc = re.compile(r'\w').scanner('abcdef', 2, 4)
print(sc.search().span(), sc.search().span(), sc.search())
print(list(iter(re.compile('.').scanner('xyz').match, None)))

scanner = re.Scanner([
    (r'[a-zA-Z_]\w*', lambda s, tok: ('NAME', tok)),
    (r'\d+\.\d*', lambda s, tok: ('FLOAT', float(tok))),
    (r'\d+', lambda s, tok: ('INT', int(tok))),
    (r'[-+*/=()]', lambda s, tok: ('OP', tok)),
    (r'\s+', None),
])
print(scanner.scan('x = 3.5 * (y + 42) $ rest'))
print(scanner.scan(''))

# A scanner keeps a bytearray subject's buffer exported until it is collected.
import gc, re
b = bytearray(b'xax')
it = re.finditer(b'a', b)
try:
    b.extend(b'x' * 400)
except BufferError as e:
    print("BufferError:", e)
print([m.span() for m in it])
# (That the export ends when the scanner is collected is not checked here:
# with a conservative stack scan one gc.collect() may not free it yet.)
sc = re.compile(b'x').scanner(memoryview(b'xx'))
print(sc.search(), sc.search(), sc.search())
