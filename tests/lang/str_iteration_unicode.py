# Iterating over str: for loops, list(), reversed(), enumerate(), zip(), non-ASCII and iterator state.
s = 'a\u00e9\u4e2d\U0001f600z'
for ch in s:
    print(ascii(ch), len(ch), ord(ch))
print(list(s) == [s[i] for i in range(len(s))], list(reversed(s)) == list(s)[::-1])
print(list(enumerate('ab')), list(zip('abc', '\u00e9\u00e8\u00ea')))
it = iter('xyz')
print(next(it), next(it), next(it), next(it, 'done'))
it = iter('')
print(next(it, 'empty'))
print(''.join(reversed('hello')), sorted(set('mississippi')))
print([c for c in 'h\u00e9llo' if c != 'l'], tuple('ab'), dict(zip('ab', 'cd')))
print(sum(1 for _ in 'x' * 1000), len(list('\u00e9' * 100)))
print(iter('abc').__length_hint__(), ord('\U0010ffff'), chr(0x10ffff) == '\U0010ffff')
