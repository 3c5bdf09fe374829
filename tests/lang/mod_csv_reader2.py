# More csv.reader cases: QUOTE_NONNUMERIC, line endings, escapes at line ends, non-ASCII dialect characters.
# gcstress-every: 5
import _csv, csv, io, pickle
import _csv, csv, io
def show(f):
    try: print('ok', repr(f()))
    except Exception as e: print(type(e).__name__, e)
_csv.field_size_limit(131072)
show(lambda: list(_csv.reader(['a,,b,"",,'], quoting=csv.QUOTE_NONNUMERIC)))
show(lambda: list(_csv.reader(['1,"2",3 ,  4'], quoting=csv.QUOTE_NONNUMERIC)))
show(lambda: list(_csv.reader(['1e3,-inf,nan,0x10'], quoting=csv.QUOTE_NONNUMERIC)))
show(lambda: list(_csv.reader(['a\tb\tc'], 'excel-tab')))
show(lambda: list(_csv.reader(['"a"\tb'], delimiter='\t', quoting=csv.QUOTE_ALL)))
show(lambda: list(_csv.reader(['"ab"c"d",e'], doublequote=False)))
show(lambda: list(_csv.reader(['"ab"c"d",e'], strict=True)))
show(lambda: list(_csv.reader(['"ab"c'], strict=True, delimiter=';', quotechar="'")))
show(lambda: list(_csv.reader(["'ab'c"], strict=True, delimiter=';', quotechar="'")))
show(lambda: list(_csv.reader(['"a"€'], strict=True, delimiter='€')))
show(lambda: list(_csv.reader(['"a"x'], strict=True, delimiter='€')))
show(lambda: list(_csv.reader(['a\r\n', 'b\n'])))
show(lambda: list(_csv.reader(['a\rb\n'])))
show(lambda: list(_csv.reader(['"a\rb"\n'])))
show(lambda: list(_csv.reader(['\r\n', '\n', 'x'])))
show(lambda: list(_csv.reader(['\\\r\n', 'x'], escapechar='\\')))
show(lambda: list(_csv.reader(['"\\\n', 'x"'], escapechar='\\')))
show(lambda: list(_csv.reader(['"abc\\'], escapechar='\\')))
show(lambda: list(_csv.reader(['abc\\'], escapechar='\\')))
show(lambda: list(_csv.reader(['a, b , "c"'], skipinitialspace=True)))
show(lambda: list(_csv.reader([' "a"'])))
show(lambda: list(_csv.reader(['a"'], quoting=csv.QUOTE_NONE, escapechar='"')))
show(lambda: list(_csv.reader(['"'])))
show(lambda: list(_csv.reader(['""'])))
show(lambda: list(_csv.reader(['"""'])))
show(lambda: list(_csv.reader(['x,'])))
show(lambda: list(_csv.reader([','])))
show(lambda: list(_csv.reader(['\ud800,x'])))
class S(str): pass
show(lambda: list(_csv.reader([S('a,b')])))
r = _csv.reader(['a'])
show(lambda: r.__next__())
show(lambda: r.__next__())
show(lambda: type(r).__name__)
show(lambda: _csv.reader.__doc__[:30])
show(lambda: _csv.Dialect.__doc__)
show(lambda: _csv.Reader.__doc__)
show(lambda: _csv.Writer.__doc__)
show(lambda: _csv.writer(io.StringIO()).writerow.__doc__)
show(lambda: _csv.field_size_limit.__doc__)
show(lambda: [(n, getattr(_csv, n)) for n in ('QUOTE_MINIMAL','QUOTE_ALL','QUOTE_NONNUMERIC','QUOTE_NONE')])
show(lambda: sorted(_csv._dialects))

# field_size_limit counts characters, not bytes
_csv.field_size_limit(3)
show(lambda: list(_csv.reader(['\xe9\u20ac\U0001f600,abc'])))
show(lambda: list(_csv.reader(['\xe9\u20ac\U0001f600x'])))
show(lambda: list(_csv.reader(['"ab\n', 'c"'])))
show(lambda: list(_csv.reader(['"ab\n', 'cd"'])))
show(lambda: list(_csv.reader(['a\\bc'], escapechar='\\')))
show(lambda: list(_csv.reader(['a\\bcd'], escapechar='\\')))
_csv.field_size_limit(131072)

# non-ASCII special characters
show(lambda: list(_csv.reader(['\xe9a\xe9"b\xe9c"\xe9\u20ac\U0001f600'], delimiter='\xe9')))
show(lambda: list(_csv.reader(['\U0001f600a,b\U0001f600\U0001f600c\U0001f600,d'], quotechar='\U0001f600')))
show(lambda: list(_csv.reader(['a\u20ac,b,\u20ac\u20acc'], escapechar='\u20ac')))
show(lambda: list(_csv.reader(['"a\u20ac"b",c'], escapechar='\u20ac')))

# a longer input, and a reader fed by a generator that reads from the reader's own state
rows = [['r%d' % i, str(i * 7), 'text with, comma' if i % 3 == 0 else 'plain', '"q"' if i % 5 == 0 else ''] for i in range(200)]
s = io.StringIO()
csv.writer(s).writerows(rows)
r = csv.reader(io.StringIO(s.getvalue(), newline=''))
back = list(r)
print(back == rows, r.line_num, back[15])
def lines():
    yield 'a,b'
    yield 'line %d' % rd.line_num
rd = _csv.reader(lines())
print(list(rd), rd.line_num)

# QUOTE_NONNUMERIC: empty and escaped unquoted fields stay strings
print(list(_csv.reader(['1,,2,"",\\3'], quoting=csv.QUOTE_NONNUMERIC, escapechar='\\')))
print(list(_csv.reader(['1,,2'], quoting=csv.QUOTE_NONNUMERIC)))
