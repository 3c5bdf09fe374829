# Argument errors of the unicodedata functions.
import unicodedata as ud

fns = [ud.name, ud.category, ud.bidirectional, ud.combining, ud.east_asian_width, ud.mirrored, ud.decomposition,
       ud.decimal, ud.digit, ud.numeric]
for f in fns:
    for args in [('ab',), (5,), ('',), (), (None,), ('a', 1, 2)]:
        try:
            print(f.__name__, ascii(args), ascii(f(*args)))
        except (TypeError, ValueError) as e:
            print(f.__name__, ascii(args), type(e).__name__, e)
    try:
        f(chr=' ')
    except TypeError as e:
        print(f.__name__, 'TypeError', e)
print(ud.name('\x00', 'no'), ud.name('\U000f0000', 'no'), ud.category('\U000f0000'))
try:
    ud.name('\x00')
except ValueError as e:
    print('ValueError', e)
try:
    ud.UCD()
except TypeError as e:
    print('TypeError', e)
print(sorted(n for n in dir(ud) if not n.startswith('_')))
