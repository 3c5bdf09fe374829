# The is* predicates on ASCII text and the empty string.
tests = ['', 'abc', 'ABC', 'Abc', 'aBC', 'abc123', '123', '1.5', ' ', ' \t\n\r\x0b\x0c', 'a b',
         'Hello World', 'Hello world', 'HELLO WORLD', '_x', 'x1', '1x', 'class', '\x00', '!@#',
         'A1 B2', 'a\x7f', '\x1f', 'Title Case Words', 'Title123 Case']
names = ['isalpha', 'isalnum', 'isdigit', 'isdecimal', 'isnumeric', 'isspace', 'islower',
         'isupper', 'istitle', 'isidentifier', 'isprintable', 'isascii']
for t in tests:
    print(repr(t), ''.join('1' if getattr(t, n)() else '0' for n in names))
