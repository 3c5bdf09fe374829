# csv.py on top of _csv: DictWriter, DictReader, register_dialect with csv.Dialect classes, Sniffer, a file round trip.
# gcstress-every: 5
import _csv, csv, io
def show(f):
    try: print('ok', repr(f()))
    except Exception as e: print(type(e).__name__, e)
def W(rows, **kw):
    s = io.StringIO()
    w = _csv.writer(s, **kw)
    for r in rows: w.writerow(r)
    return s.getvalue()
# csv.py wrappers
s = io.StringIO()
dw = csv.DictWriter(s, ['a', 'b'])
dw.writeheader(); dw.writerow({'a': 1, 'b': 'x y'}); dw.writerows([{'a': 2}, {'b': 3}])
print(repr(s.getvalue()))
show(lambda: dw.writerow({'c': 1}))
print(list(csv.DictReader(io.StringIO(s.getvalue()))))
print(list(csv.DictReader(io.StringIO('a,b\n1,2,3\n4\n'), restkey='rest', restval='RV')))
print(list(csv.reader(io.StringIO('a,b\r\n"c\r\nd",e\r\n', newline=''))))
csv.register_dialect('semi', delimiter=';', quoting=csv.QUOTE_ALL)
print(csv.list_dialects(), csv.get_dialect('semi').delimiter)
print(W([['x', 'y']], dialect='semi'))
csv.unregister_dialect('semi')
show(lambda: csv.get_dialect('semi'))
show(lambda: csv.unregister_dialect('semi'))
class MyD(csv.Dialect):
    delimiter = '|'; quotechar = "'"; lineterminator = '\n'; quoting = csv.QUOTE_MINIMAL; doublequote = True; skipinitialspace = False
print(W([["it's", 'a|b']], dialect=MyD))
class BadD(csv.Dialect):
    delimiter = '||'
show(lambda: BadD())
class BadD2(csv.excel):
    quoting = 7
show(lambda: BadD2())
show(lambda: csv.register_dialect('x', BadD))
show(lambda: csv.Sniffer().sniff('a;b;c\n1;2;3\n4;5;6\n').delimiter)
print(csv.Sniffer().has_header('name,age\nann,3\nbob,4\n'))

# write to a real file and read it back
import os
path = '/tmp/taipan_mod_csv_%d.csv' % os.getpid()
try:
    with open(path, 'w', newline='', encoding='utf-8') as f:
        w = csv.writer(f)
        w.writerow(['id', 'name', 'note'])
        w.writerows([[1, 'Zo\xeb', 'line1\nline2'], [2, 'Bj\xf6rn "B"', ''], [3, None, ' lead']])
    with open(path, newline='', encoding='utf-8') as f:
        print(list(csv.reader(f)))
    with open(path, newline='', encoding='utf-8') as f:
        print([dict(r) for r in csv.DictReader(f)])
    with open(path, 'rb') as f:
        print(f.read())
finally:
    os.unlink(path)
