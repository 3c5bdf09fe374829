# printf-style formatting of bytes and bytearray: %s/%b/%r/%a/%c and the numeric conversions.
def t(f):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__+":", e)
t(lambda: b'%s' % 1)
t(lambda: b'%b|%s|%r|%a' % (b'x', bytearray(b'y'), 'é', b'z'))
t(lambda: b'%c%c' % (65, b'B'))
t(lambda: b'%c' % 256)
t(lambda: b'%c' % b'ab')
t(lambda: b'%c' % 'a')
t(lambda: b'%d %5.2f %x %o %e %g %%' % (1, 2.5, 255, 8, 1.5, 2.0))
t(lambda: b'%(a)s %(b)d' % {b'a': b'A', b'b': 2})
t(lambda: b'%(a)s' % {'a': b'A'})
t(lambda: b'%s' % (b'a', b'b'))
t(lambda: b'%s %s' % (b'a',))
t(lambda: b'%y' % 1)
t(lambda: b'\xff%s' % b'\xfe')
t(lambda: bytearray(b'%s') % b'x')
t(lambda: b'%5s|%-5b|%.1s' % (b'ab', b'cd', b'xyz'))
class HB:
    def __bytes__(self): return b'hb'
t(lambda: b'%s' % HB())
t(lambda: b'%d' % '1')
t(lambda: b'abc' % ())
t(lambda: b'abc' % {})
t(lambda: b'abc' % [])
t(lambda: b'abc' % b'')
t(lambda: b'%s' % b'')

# Which right operands count as a mapping, and the limits on '*' and literal precisions.
for fmt in [b'no format', 'no format']:
    for a in [bytearray(b'1'), memoryview(b'1'), b'1', '1', [1], 7]:
        try:
            print(fmt, type(a).__name__, fmt % a)
        except TypeError as e:
            print(fmt, type(a).__name__, "TypeError:", e)
import sys
for f, a in [('%.*d', (sys.maxsize, 1)), ('%.*f', (2**31, 1.0)), ('%.*d', (2**31, 1)),
             ('%.*d', (2**31 - 1, 1)), (b'%.*d', (sys.maxsize, 1)), ('%.*d', (-2**40, 1)),
             ('%.2147483648d', (1,)), (b'%.*x', (-5, 255)), ('%.*d', (5, 12))]:
    try:
        print(f, len(f % a), f % a if len(f % a) < 20 else '')
    except (OverflowError, ValueError) as e:
        print(f, type(e).__name__, e)
