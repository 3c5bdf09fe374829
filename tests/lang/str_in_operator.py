# The `in` operator on strings: substrings, empty string, non-ASCII, TypeError for non-str.
s = 'hello world'
print('hello' in s, 'world' in s, 'lo w' in s, 'xyz' in s, '' in s, '' in '')
print('o' in s, 'O' in s, s in s, s + '!' in s)
u = 'na\u00efve caf\u00e9 \u4e2d\u6587 \U0001f600!'
print('\u00ef' in u, 'caf\u00e9' in u, '\u6587 \U0001f600' in u, '\U0001f601' in u, 'e\u0301' in u)
print('x' not in s, 'h' not in s)
for bad in (1, None, ['h'], b'h'):
    try:
        bad in s
    except TypeError as e:
        print('TypeError', e)
class S(str):
    pass
print(S('ell') in s, 'ell' in S(s))
