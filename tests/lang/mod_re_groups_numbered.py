# Numbered groups: group(), groups(), start/end/span, unmatched groups, nesting.
import re

m = re.match(r'(\w+) (\w+)(?: (\w+))?', 'Isaac Newton, physicist')
print(m.group(), m.group(0), m.group(1), m.group(2), m.group(3))
print(m.group(1, 2), m.group(2, 1, 0))
print(m.groups(), m.groups('-'), m.groups(default=0))
print(m.start(), m.end(), m.span(), m.start(1), m.end(2), m.span(3), m.start(3))
print(m[0], m[1], m[2])

m = re.search(r'((a)(b(c)?))+', 'xxabcabyy')
print(m.groups(), [m.span(i) for i in range(5)], m.lastindex)

m = re.match(r'(a)|(b)', 'b')
print(m.groups(), m.lastindex, m.span(1), m.span(2))

# The last iteration of a repeated group wins.
m = re.match(r'(?:(\d)-)+', '1-2-3-')
print(m.group(1), m.span(1))
m = re.match(r'(a|b)*', 'abba')
print(m.group(1), m.lastindex)
m = re.match(r'(a)*b', 'b')
print(m.group(1), m.groups(), m.lastindex)

# Groups that backtracking abandoned are unset again.
m = re.match(r'(a)?(?:ab|ac)', 'ac')
print(m.groups())
m = re.match(r'(?:(x)y|xz)', 'xz')
print(m.groups(), m.lastindex)
m = re.match(r'(a(b)?)+c', 'aabac')
print(m.groups(), m.lastindex)

for bad in [3, -1, 'x', 1.0, None]:
    try:
        m.group(bad)
    except IndexError as e:
        print('IndexError', e)
print(m.group(True), m.group(False))
print(re.match('(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)(l)', 'abcdefghijkl').group(12, 11, 10))
