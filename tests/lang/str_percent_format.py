# printf-style formatting: str % args with flags, widths, precisions and every conversion.
print('%s|%r|%a|%%' % ('\u00e9', '\u00e9', '\u00e9'))
print('%5s|%-5s|%.2s|%5.1s|%-6.3s|' % ('a', 'b', 'cde', 'xyz', 'abcdef'))
print('%d|%i|%u|%5d|%-5d|%05d|%+d|% d|%+05d|%.3d|%6.3d|%-+6d|' % (1, -2, 3, 4, 5, -6, 7, 8, 9, 10, 11, 12))
print('%x|%X|%o|%#x|%#X|%#o|%08x|%#08x|%-#8o|' % (255, 255, 8, 255, 255, 8, 255, 255, 8))
print('%x|%o|%X|%d' % (-255, -8, 2**70, -2**70))
print('%e|%E|%f|%F|%g|%G' % (1.5, 1.5, 1.5, 1.5, 1.5e20, 1.5e-20))
print('%.2e|%10.3f|%-10.1f|%+.0f|%#.0f|%#g|%g|%g' % (12345.678, 3.14159, 2.5, 2.5, 2.5, 1.0, 0.0001, 123456789.0))
print('%f|%F|%e|%010f|%+f|% f' % (float('inf'), float('nan'), float('-inf'), float('inf'), float('inf'), float('nan')))
print('%010.2f|%-010.2f|%+010d|%010s|%010.3e' % (-3.14159, 2.5, 42, 'ab', -1.5))
print('%c%c%c|%3c|%-3c|' % (65, '\u00e9', 0x1f600, 'x', 'y'))
print('%i|%u|%d|%d' % (True, 2**70, 3.99, -2.5))
print('%s|%s|%s|%r' % (None, [1, 'a'], (1,), {'k': 'v'}))
print('%(a)s %(b)r %(a)d %%' % {'a': 1, 'b': 'x'})
try:
    print('%(x)s %s' % {'x': 'only'})
except TypeError as e:
    print('TypeError', e)
print('%s %(x)s' % {'x': 'only'})
print('%*d|%-*s|%.*f|%*.*f|' % (5, 1, 4, 'b', 2, 3.14159, 8, 3, 2.71828))
print('%*s|' % (-5, 'a'))
print('%s' % 'single', '%s' % ('tuple',), '%s' % [1, 2], '%s' % {'a': 1}, 'no args' % ())
print('%d%%' % 50, '%.0f%%' % 99.5, '%s%s' % ('a', 'b'))
print('%ld %hd %Ld' % (1, 2, 3))
class F:
    def __float__(self):
        return 2.5
class I:
    def __index__(self):
        return 7
class N:
    def __int__(self):
        return 9
print('%f|%x|%d|%o|%c' % (F(), I(), I(), I(), I()))
print('%d' % N())
print('\u00e9%s\u4e2d%d\U0001f600' % ('\u00e0', 5))
print('%.3s|%5.2s|' % ('\u00e9\u00e8\u00ea\u00eb', '\u4e2d\u6587\u5b57'))
print('%s %s' % ('a', 'b') == 'a b')
