# f-strings: conversions, nested replacement fields in specs, literal braces, and str/int/float specs.
name = 'World'
n = 42
x = 3.14159
print(f'Hello {name}!', f'{name!r}', f'{name!s:>8}', f'{name!a}', f'{{literal}}', f'{{{name}}}')
print(f'{n}', f'{n:5d}|', f'{n:<5}|', f'{n:^7}|', f'{n:05}', f'{n:+d}', f'{n:x}', f'{n:#o}', f'{n:b}', f'{n:,}')
print(f'{x:.2f}', f'{x:10.3f}|', f'{x:<10.1f}|', f'{x:e}', f'{x:g}', f'{x:%}', f'{x:+.1f}')
w, p = 10, 2
print(f'{x:{w}.{p}f}|', f'{name:{"*"}^{w}}|', f'{n:{w}}|')
print(f'{1000000:_}', f'{1234567.891:,.2f}', f'{-n:05d}', f'{255:#06x}')
print(f'{"nested " + name}', f'{[1, 2][1]}', f'{ {"a": 1}["a"] }', f'{name.upper()}')
print(f'{name=}', f'{n = }', f'{x=:.2f}')
s = '\u00e9t\u00e9'
print(f'{s:>6}|{s:.2}|{s!r}|{s!a}|{len(s)}')
print(f'''{name
}''', f'a{name}b{n}c{x:.1f}d')

# Long f-strings (more parts than go in one string build), across chunk boundaries.
x, width = 'X', 3
for n in [15, 16, 31, 32, 33, 62, 63, 64, 100]:
    src = "f'" + ''.join('{x}%d{x:>{width}}' % i if i % 3 else '{%d!r}-' % i for i in range(n)) + "'"
    v = eval(src)
    print(n, len(v), v[:40], v[-40:])
s = eval("f'{x} '" * 300)
print(len(s), s == 'X ' * 300)
s = eval("f'{1}' 'x' 'y'" * 1024)
print(len(s), s == '1xy' * 1024)
