# compile() and ast.parse() of bytes without a coding declaration: as in
# CPython, identifiers and string literals are decoded as the parser meets
# them ("(unicode error) ..." with the decoder's own reasons and positions,
# comments may hold anything), offsets count bytes, the text is decoded
# with "replace"; a type comment that is not UTF-8 raises
# UnicodeDecodeError.  Also: the text of errors after multi-line strings or
# continuations, and of errors inside f-string replacement fields.
import ast

def show(src, **kw):
    try:
        ast.parse(src, **kw)
        print(repr(src), 'ok')
    except SyntaxError as e:
        print(repr(src), type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset)
    except UnicodeDecodeError as e:
        print(repr(src), 'UnicodeDecodeError', e.args)

for src in [b'x = 1\n\xf6\n', b'x = "a\xf6"\n', b'print("b\xf6se")\n', b'# \xf6 comment\nx = 1\n', b'x = 1 \xf6\n',
            b'\xc3(\n', b'ab\xc3\n', b'x = "\xc3\xa9\xff"\n', b"x = '''\n\xf6'''\n", b'x = r"\xf6"\n',
            b'x = f"{a}\xf6"\n', b'x = b"\xf6"\n', b'\xf6\xf6 = 1\n', b'a\xe9b = 1\n', b'x = "ok" "\xf6"\n',
            b'x = """a\nb\xf6"""\n', b'x = 1 # \xff\n', b'"\xed\xa0\x80"\n', b'\xef\xbb\xbfx = "\xf6"\n',
            b'x = u"\xf6" + 1\n', b'def f():\n  return "\xf6"\n', b'f"{\xf6}"\n', b'f"{x!\xf6}"\n',
            b'x = "\\N{\xf6}"\n', b'x = "\xf6\\q"\n', b'\xe9t\xe9 = 1\n', b'x = 1\n  \xf6\n', b'if 1:\n \xf6\n',
            b'"\xc3\xa9" + \xf6\n', b'x = "\xe2\x82" + 1\n', b'x = "\xe2\x82\\n"\n', b'x = "\xf0\x9f\x98"\n',
            b'"\xc3\xa9" $\n', b'"\xc3\xa9\xc3\xa9" +\n', b'\xc3\xa9 = (\n', b'x = f"\xc3\xa9{1 +}"\n',
            b'def f(\xc3\xa9, \xc3\xa9): pass\n', b'x = "\xf6" # \xf6\n', b'# coding: utf-8\n"\xc3\xa9" $\n',
            b'\xef\xbb\xbf"\xc3\xa9" $\n', '"\xe9" $\n', b'x = 1 # type: \xf6\n']:
    show(src)
show(b'x = 1 # type: \xf6\n', type_comments=True)
show(b'def f(a, # type: \xc3\n): pass\n', type_comments=True)
for src in ['x = """a\nb""" +\n', 'x = (1,\n 2) +\n', 'x = """a\nb""" $\n', 'f("""\n""", $)\n',
            'x = 1\ny = """a\nb""" c\n', 'x = 1 + \\\n 2 $\n', 'x = """a\nb""" \\\n + $\n',
            's = """a\nb"""; t = """c\nd""" $\n', 'x = """a\nb"""\ny $\n', 'x = """a\nb"""\n$\n',
            'x = """a\nb""" ; y = 1 +\n', 'x = "a\\\nb" $\n', 'if x:\n  """a\nb""" +\n',
            'x = f"\xe9{1 +}"\n', 'x = f"{1 +}"\n', 'x = f"{a b}"\n', 'f"{x!z}"\n', 'f"{x:{y +}}"\n', 'f"{}"\n',
            'f"{ }"\n', "f'{a}{b c}'\n", 'x = (f"{1 +}")\n', 'f"{yield}"\n', 'f"{*a}"\n', 'f"{x)}"\n']:
    show(src)
    show(src.encode())
