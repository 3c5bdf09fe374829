# _string.formatter_parser and formatter_field_name_split (what string.Formatter uses).
import _string

for s in ['', 'abc', 'a{0}b', '{}', '{{}}', 'x{{y}}z', '{a.b[c]!r:>{w}}', '{0!s}', '{x:}', '{é:ü}é', '}}', '{[}]}',
          '{0!r:{1}}}', '{!r}', '{!}', '{a!', '{a!r', '{a!rx}', '{a', '{', '}', 'a}b', '{a{b}', '{:{}', '{0[}']:
    try:
        print(repr(s), list(_string.formatter_parser(s)))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
for s in ['', 'a', '0', 'a.b', 'a[0].c[x]', '12[3]', 'a[', 'a.', 'a[]', 'a]b', 'a.b.c', '٣', 'a[٣]', '9' * 30, 'x[' + '9' * 30 + ']']:
    try:
        first, rest = _string.formatter_field_name_split(s)
        print(repr(s), repr(first), list(rest))
    except ValueError as e:
        print(repr(s), 'ValueError', e)
for bad in [lambda: _string.formatter_parser(1), lambda: _string.formatter_field_name_split(1)]:
    try:
        bad()
    except TypeError as e:
        print(e)
print(type(_string.formatter_parser('')).__name__, type(_string.formatter_field_name_split('')[1]).__name__)
