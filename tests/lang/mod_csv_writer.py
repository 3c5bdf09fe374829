# csv.writer through _csv: quoting styles, escaping, lineterminator, None and numbers, non-ASCII dialect characters.
import _csv, csv, io
def show(f):
    try: print('ok', repr(f()))
    except Exception as e: print(type(e).__name__, e)
def W(rows, **kw):
    s = io.StringIO()
    w = _csv.writer(s, **kw)
    for r in rows: w.writerow(r)
    return s.getvalue()
show(lambda: W([['a', 'b,c', 'd"e', 'f\ng', 'h\ri', 1, 2.5, None, True, '', ' x ']]))
show(lambda: W([[]]))
show(lambda: W([['']]))
show(lambda: W([[None]]))
show(lambda: W([['']], quoting=csv.QUOTE_NONE))
show(lambda: W([[None]], quoting=csv.QUOTE_NONE))
show(lambda: W([['', '']], quoting=csv.QUOTE_NONE))
show(lambda: W([['a', 1, 2.5, None, True, 1j, '']], quoting=csv.QUOTE_ALL))
show(lambda: W([['a', 1, 2.5, None, True, 1j, '', b'x']], quoting=csv.QUOTE_NONNUMERIC))
show(lambda: W([['a,b']], quoting=csv.QUOTE_NONE))
show(lambda: W([['a,b', 'c"d', 'e\\f', 'g\nh']], quoting=csv.QUOTE_NONE, escapechar='\\'))
show(lambda: W([['c"d', 'e\\f']], escapechar='\\'))
show(lambda: W([['c"d', 'e\\f']], escapechar='\\', doublequote=False))
show(lambda: W([['c"d']], doublequote=False))
show(lambda: W([['a b', 'c']], delimiter=' '))
show(lambda: W([['', 'c']], delimiter=' ', skipinitialspace=True))
show(lambda: W([['a!b', 'x']], lineterminator='!'))
show(lambda: W([['a', 'b']], lineterminator='\n'))
show(lambda: W([['é€😀', 'a€b']], delimiter='€'))
show(lambda: W([['x', 'q€q']], quotechar='€'))
show(lambda: W([1]))
show(lambda: W(['ab']))
show(lambda: W([iter(['x', 'y'])]))
class BadStr:
    def __str__(self): raise RuntimeError('nostr')
show(lambda: W([['a', BadStr()]]))
def gen():
    yield 'a'
    raise ValueError('gen')
show(lambda: W([gen()]))
show(lambda: _csv.writer(1))
show(lambda: _csv.writer(io.StringIO(), 'nope'))
class Wr:
    def __init__(self): self.out = []
    def write(self, s): self.out.append(s); return len(s) * 100
w = Wr(); ww = _csv.writer(w)
print(ww.writerow(['a', 'b']), ww.writerows([['c'], ['d', 'e']]), w.out, ww.dialect.lineterminator)
show(lambda: ww.writerows(5))
show(lambda: ww.writerows([5]))
show(lambda: ww.writerow())
show(lambda: ww.writerow([1], [2]))
class Nw:
    write = 5
show(lambda: _csv.writer(Nw()))
class Ew:
    def write(self, s): raise OSError('disk')
show(lambda: _csv.writer(Ew()).writerow(['x']))
# non-ASCII special characters and lineterminators
show(lambda: W([['a\xe9b', 'c', '\xe9']], delimiter='\xe9'))
show(lambda: W([['a\u20acb', 'c"d', '']], quotechar='\u20ac'))
show(lambda: W([['a\u20acb', 'c,d']], escapechar='\u20ac', quoting=csv.QUOTE_NONE))
show(lambda: W([['a\u20acb', 'c,d']], escapechar='\u20ac', doublequote=False, quotechar='\u20ac'))
show(lambda: W([['x\U0001f600y', 'z']], lineterminator='\U0001f600\n'))
show(lambda: W([['x\ny', 'z']], lineterminator='\U0001f600'))
show(lambda: W([['a', 'b']], lineterminator=''))
show(lambda: W([['a\rb']], quoting=csv.QUOTE_NONE, escapechar='\r'))
show(lambda: W([[1.5, -2, 10**30, 1e100, float('nan'), 0.1 + 0.2, 3j, b'b', [1], (2,), {'k': 1}]]))
class Num:
    def __float__(self): return 1.0
    def __str__(self): return 'N'
class Idx:
    def __index__(self): return 1
    def __str__(self): return 'I'
class Plain:
    def __str__(self): return 'P'
show(lambda: W([[Num(), Idx(), Plain(), False]], quoting=csv.QUOTE_NONNUMERIC))
show(lambda: W([['a', 'b'], (), ['', ''], [None], ['x'], iter([])]))
show(lambda: W([['\ud800', 'x']]))

show(lambda: W([['x\ry', 'z\n']], lineterminator='!'))
show(lambda: W([['x\ry', 'z\n']], lineterminator='\n'))
show(lambda: W([['x\ry', 'z\n']], lineterminator='\n', quoting=csv.QUOTE_NONE, escapechar='\\'))
