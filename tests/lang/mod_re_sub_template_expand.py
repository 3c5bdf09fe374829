# Replacement templates expanded for each match: groups, escapes, str/bytes mixing, and re._subx as the hook.
import re
cases = [
    (r'(a)|(b)', r'[\1|\2]', 'abcab'), (r'(?P<x>\w)(\d)?', r'\g<x>\g<2>\g<0>', 'a1b c3'), (r'(\w+)', r'\n\1\t', 'hi yo'),
    (r'x', r'\\', 'axb'), (r'(é)(日)?', r'\2\1\2', 'éé日x'), (r'', r'-\g<0>-', 'ab'), (r'(a*)', r'<\1>', 'baac'),
    (rb'(a)|(b)', rb'[\1|\2]', b'abcab'), (rb'(\w)', rb'\1\1', bytearray(b'ab c')), (rb'(\w)', rb'\0\1', b'ab'),
]
for pat, repl, s in cases:
    print(repr(pat), repr(repl), repr(s), re.sub(pat, repl, s), re.subn(pat, repl, s, count=2))
for pat, repl, s in [('a', b'\\n', 'xa'), (b'a', '\\n', b'xa'), ('(a)', b'\\1', 'xa'), (b'(a)', '[\\1]', b'xa'), ('a', b'\\n', 'xyz'), ('(a)', 'x\\1', b'a')]:
    try:
        print(re.sub(pat, repl, s))
    except (TypeError, re.error) as e:
        print(type(e).__name__, e)
re._subx_orig = re._subx
calls = []
def spy(pattern, template):
    calls.append(template)
    return re._subx_orig(pattern, template)
re._subx = spy
print(re.sub('(b)', r'<\1>', 'abc'), calls)
re._subx = lambda pattern, template: (lambda m: '#')
print(re.sub('(b)', r'<\1>', 'abcb'))
re._subx = re._subx_orig
