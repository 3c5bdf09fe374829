# Comparison of strs: equality, ordering by code point (incl. surrogates and astral), mixed types.
print('a' == 'a', 'a' != 'b', 'a' < 'b', 'b' > 'a', 'a' <= 'a', 'abc' < 'abd', 'ab' < 'abc')
print('' < 'a', 'Z' < 'a', 'a' < '\u00e9', '\u00e9' < '\u4e00', '\u4e00' < '\U0001f600')
print('\ud7ff' < '\ud800' < '\udfff' < '\ue000' < '\uffff' < '\U00010000')
words = ['banana', 'Apple', 'cherry', '\u00e9clair', 'apple', 'Banana', '', 'a', '\U0001f600', '\uffff', 'zz']
print(sorted(words))
print(sorted(words, reverse=True))
print(min(words), max(words))
print('a' == 1, 'a' != 1, '1' == 1, 'a' == b'a')
for f in (lambda: 'a' < 1, lambda: 'a' <= 1, lambda: 1 > 'a', lambda: 'a' >= None):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
print('abc' == ''.join(['a', 'b', 'c']))
class S(str):
    pass
print(S('x') == 'x', 'x' == S('x'), S('a') < 'b', type(S('x') + 'y').__name__)
print(sorted(['b', S('a'), 'c']))
print(max('hello'), min('hello'), sorted('hello'))
