# The errors of str.format, with CPython's messages.
cases = ['{', '}', '{0', '{a', '{0[}', '{0]}', '{}{0}', '{0}{}', '{1}', '{}{}', '{x}', '{0.foo}',
         '{0.}', '{0[]}', '{0!}', '{0!rr}', '{0!x}', '{:{:{}}}', '{0}}', '{0[a]b}', '{ 0}', '{:xx}',
         '{:=5}', '{:+}', '{:#}', '{:,}', '{:_}', '{:d}', '{:z}', '{:.}', '{:99999999999999999999}',
         '{99999999999999999999}', '{!\u00e9}', '{:\u00e9}', '{0!r', '{0:x']
for c in cases:
    for arg in ('abc', {'a': 'A'}):
        try:
            print(repr(c), repr(c.format(arg)))
        except (ValueError, KeyError, IndexError, AttributeError, TypeError) as e:
            print(repr(c), type(e).__name__, e)
print('{0[1]}'.format({1: 'int key'}), '{0[01]}'.format({1: 'int key 01'}))
try:
    '{0[1]}'.format({'1': 'str key'})
except KeyError as e:
    print('KeyError', e)
