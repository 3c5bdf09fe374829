# Errors of printf-style formatting, with CPython's messages.
cases = [
    ('%d', '1'), ('%x', 1.5), ('%f', 'a'), ('%e', None), ('%c', 'ab'), ('%c', 1.5), ('%c', -1),
    ('%c', 0x110000), ('%*d', ('a', 1)), ('%.*d', ('a', 1)), ('%s %s', (1,)), ('%s', (1, 2)),
    ('%y', 1), ('%', 1), ('%(a)s', 1), ('%(a', {'a': 1}), ('%(a)s', {}), ('abc', 5), ('%5%', (1,)),
    ('%5%', ()), ('%(a)*d', {'a': 1}), ('%s', ()), ('%z', 1), ('%\u00e9', 1), ('%(a)s %(b)s', {'a': 1}),
    ('%d', [1]), ('%o', 'x'), ('x%', ()), ('%.', 1), ('%-', 1),
]
for fmt, args in cases:
    try:
        print(repr(fmt), repr(fmt % args))
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(repr(fmt), type(e).__name__, e)
