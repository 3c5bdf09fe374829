# Concatenation and repetition of strs and their TypeErrors.
print('ab' + 'cd', '' + 'x', 'x' + '', 'ab' * 3, 3 * 'ab', 'ab' * 0, 'ab' * -2, repr('' * 5))
print('\u00e9' * 3, '\U0001f600' + '\u4e2d' * 2, len('\u00e9\u4e2d' * 1000))
s = 'a'
s += 'b'
s += '\u00e9'
s *= 2
print(s, len(s))
class I:
    def __index__(self):
        return 2
print('ab' * I(), True * 'x', 'x' * False)
for f in (lambda: 'a' + 1, lambda: 1 + 'a', lambda: 'a' + None, lambda: 'a' * 'b', lambda: 'a' * 1.5,
          lambda: 'a' - 'b', lambda: -'a', lambda: 'a' + b'a', lambda: [] + 'a'):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
try:
    'a' * (2 ** 100)
except OverflowError as e:
    print('OverflowError', e)
parts = ''
for i in range(200):
    parts += str(i % 10)
print(len(parts), parts[:20], parts[-5:])
