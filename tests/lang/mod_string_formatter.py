# string.Formatter and string.Template running on _string's parser.
import string

f = string.Formatter()
print(f.format('{0} {x!r:>6} {y[1]} {0.real} {{lit}}', 3, x='ab', y=[7, 8]))
print(f.format('{:{w}.{p}f}', 3.14159, w=10, p=2), f.vformat('{a}-{b}', (), {'a': 1, 'b': 2}))
print(list(f.parse('a{0!s:>3}b{{c}}')))
print(f.get_field('x.real', (), {'x': 5}), f.get_field('0[1]', ([4, 5],), {}))
class Upper(string.Formatter):
    def format_field(self, value, spec):
        return str(value).upper()
print(Upper().format('{} and {}', 'spam', 'eggs'))
try:
    f.format('{0} {}', 1, 2)
except ValueError as e:
    print(e)
t = string.Template('$who likes ${what}, $$5')
print(t.substitute(who='tim', what='kung pao'), t.safe_substitute(who='x'))
print(string.capwords(' hello  world '), string.ascii_lowercase, string.hexdigits)
