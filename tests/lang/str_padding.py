# center/ljust/rjust/zfill/expandtabs, with fill characters (incl. non-ASCII) and errors.
print('[' + 'abc'.center(9) + ']', '[' + 'abc'.center(8) + ']', '[' + 'ab'.center(7, '*') + ']')
print('[' + 'abc'.center(2) + ']', '[' + ''.center(3, '-') + ']', '[' + 'a'.center(4, '\u00e9') + ']')
print('[' + 'abc'.ljust(6) + ']', '[' + 'abc'.rjust(6, '.') + ']', '[' + 'abc'.ljust(-1) + ']')
print('[' + '\u4e2d'.rjust(4, '\U0001f600') + ']', '[' + '\u00e9'.ljust(3, '\u4e2d') + ']')
for w in range(1, 8):
    print(repr('ab'.center(w)), repr('abc'.center(w)), end=' ')
print()
print('42'.zfill(5), '-42'.zfill(5), '+42'.zfill(5), 'abc'.zfill(5), ''.zfill(3), '-'.zfill(3), '12345'.zfill(3))
print(repr('a\tbc\tdef\tg'.expandtabs()), repr('a\tb'.expandtabs(4)), repr('a\tb'.expandtabs(0)))
print(repr('ab\n\tc\r\td'.expandtabs(3)), repr('\u00e9\t|'.expandtabs(tabsize=4)), repr('no tabs'.expandtabs()))
for f in (lambda: 'a'.center(5, 'xy'), lambda: 'a'.center(5, ''), lambda: 'a'.ljust(5, 1),
          lambda: 'a'.rjust('5'), lambda: 'a'.zfill(None), lambda: 'a'.center()):
    try:
        f()
    except TypeError as e:
        print('TypeError', e if 'fill' in str(e) else '')
