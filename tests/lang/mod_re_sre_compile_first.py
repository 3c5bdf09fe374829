# A program with a character class, compiled and run before anything else was ever matched.
import _sre
# A program using \d compiled before anything has been matched.
code = [14, 4, 0, 1, 4294967295, 24, 9, 1, 4294967295, 13, 4, 8, 0, 0, 1, 1]
p = _sre.compile(r'\d+', 0, code, 0, {}, (None,))
print(p.search('ab123c').span(), p.findall('1 22 x333'))
