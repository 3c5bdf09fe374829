# bytes methods that build new bytes: join/replace/strip/case/padding/translate/removeprefix.
print(b'-'.join([b'a', bytearray(b'b'), b'c']), b''.join([]), b', '.join((b'x', b'y')), bytearray(b'+').join([b'p']))
print(b'abc'.replace(b'b', b'BB'), b'aaa'.replace(b'a', b'b', 2), b'abc'.replace(b'', b'-'), b'abc'.replace(b'x', b'y'))
print(b'  hi \t\n'.strip(), b'xxhixx'.strip(b'x'), b'xyhi'.lstrip(b'yx'), b'hi  '.rstrip(), b'\x1chi\x1c'.strip())
print(b'Hello World'.upper(), b'Hello World'.lower(), b'hEllO'.swapcase(), b'hello world'.title(),
      b'hELLO'.capitalize(), b'caf\xc3\xa9'.upper())
print(b'abc'.center(7, b'*'), b'abc'.ljust(5), b'abc'.rjust(5, b'.'), b'-7'.zfill(4), b'a\tb'.expandtabs(4))
print(b'abc'.translate(bytes.maketrans(b'abc', b'xyz')), b'abc'.translate(None, b'b'), b'abc'.translate(None, delete=b'ac'))
print(b'prefix-body'.removeprefix(b'prefix-'), b'body.txt'.removesuffix(b'.txt'), b'abc'.removeprefix(b'x'))
print(b'abc'.isalpha(), b'abc1'.isalnum(), b'123'.isdigit(), b' \t'.isspace(), b'abc'.islower(), b'ABC'.isupper(),
      b'Abc Def'.istitle(), b'\x80'.isascii(), b''.isalpha(), b''.isascii(), b'\xe9'.isalpha())
for f in (lambda: b'a'.join(['a']), lambda: b'a'.join([1]), lambda: b'a'.join(5), lambda: b'a'.replace('a', 'b'),
          lambda: b'a'.strip('a'), lambda: b'a'.center(5, 'x'), lambda: b'a'.center(5, b'xy')):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
for f in (lambda: b'ab'.translate(b'x'), lambda: bytes.maketrans(b'ab', b'c')):
    try:
        f()
    except ValueError as e:
        print('ValueError', e)
ba = bytearray(b'MiXed')
print(ba.lower(), ba.upper(), ba.strip(b'M'), ba.replace(b'X', b'x'), ba)
