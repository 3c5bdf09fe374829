# splitlines: every line boundary CPython recognises, \r\n, keepends.
s = 'a\nb\rc\r\nd\x0be\x0cf\x1cg\x1dh\x1ei\x85j\u2028k\u2029l'
print(s.splitlines())
print(s.splitlines(True))
print(s.splitlines(keepends=True) == s.splitlines(True))
print('one\n\ntwo\n'.splitlines(), 'one\n\ntwo\n'.splitlines(True))
print(''.splitlines(), '\n'.splitlines(), '\n'.splitlines(True), 'x'.splitlines())
print('\r\n\r\n'.splitlines(), '\n\r'.splitlines(), 'a\r'.splitlines(1))
print('no breaks here'.splitlines(False))
print('a\tb\x1fc'.splitlines())
