# The _sre module's constants and helpers, which re._compiler relies on.
import _sre

print(_sre.MAGIC, _sre.CODESIZE, _sre.MAXREPEAT, _sre.MAXGROUPS, _sre.getcodesize())
print(_sre.copyright)
print([_sre.ascii_tolower(c) for c in (65, 90, 97, 0xc9, 0x130)])
print([_sre.unicode_tolower(c) for c in (65, 0xc9, 0x130, 0x212a, 0x1e9e, 0x10400, 0x10ffff)])
print([_sre.ascii_iscased(c) for c in (65, 0x31, 0xe9)], [_sre.unicode_iscased(c) for c in (0x31, 0xe9, 0xdf, 0x2160, 0x10428)])
print(sum(_sre.unicode_iscased(c) for c in range(0x3000)), sum(_sre.unicode_tolower(c) != c for c in range(0x3000)))
code = [14, 4, 0, 1, 1, 16, 97, 1]   # INFO, LITERAL 'a', SUCCESS
p = _sre.compile('a', 32, code, 0, {}, (None,))
print(p, p.match('ab'), p.search('ba').span(), p.groups, p.groupindex)
p = _sre.compile(None, 0, [17, 0, 16, 98, 17, 1, 1], 1, {}, (None, None))
print(p.pattern, p.match('b').groups(), p.match(b'b').span(1))
for bad in ([16], [99, 1], [17, 4, 1], [15, 100, 1]):
    try:
        _sre.compile('x', 0, bad, 0, {}, ())
        print('compiled', bad)
    except RuntimeError as e:
        print('RuntimeError', e)
try:
    _sre.compile('x', 0, [2**32], 0, {}, ())
except OverflowError as e:
    print('OverflowError', e)
