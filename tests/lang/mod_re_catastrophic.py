# Heavy backtracking and very long inputs: these must finish, and deep repetition must not crash.
import re

# Exponential in theory; small enough inputs finish quickly.
print(re.match(r'(a+)+b', 'a' * 20))
print(re.match(r'(a|a)*b', 'a' * 18))
print(re.search(r'(x+x+)+y', 'x' * 16))
print(re.match(r'(\w+\s?)*$', 'word ' * 4 + '!'))
print(re.match(r'(a*)*b', 'a' * 18))
print(re.match(r'(?:a|aa)+$', 'a' * 25 + 'b'))
# Polynomial backtracking on longer input.
print(re.search(r'a.*b.*c', 'a' + 'x' * 3000))
print(re.search(r'\d+\d+\d+x', '1' * 120))
# Long subjects with repeats of groups: no C recursion per iteration.
print(re.match(r'(a)*', 'a' * 100000).span())
print(re.match(r'(?:ab)*', 'ab' * 100000).span())
print(re.match(r'(a|b)*', 'ab' * 100000).span(1))
print(re.match(r'(?:a|b)*?c', 'ab' * 50000 + 'c').span())
print(re.match(r'(ab)*?c', 'ab' * 50000 + 'c').span(1))
print(re.match(r'(?:(a)|(b))+', 'ab' * 50000).span(2))
print(re.fullmatch(r'(?:x(?=x)|y)*x', 'x' * 50000).span())
print(re.match(r'((a)(b))*', 'ab' * 30000).lastindex)
print(len(re.findall(r'(?:\w+\s)+?end', 'w ' * 20000 + 'end')))
print(re.match(r'(?>a*)*b', 'a' * 10000))
print(re.match(r'(.)+', 'x' * 200000).end())
print(re.sub(r'(a)+', 'X', 'a' * 100000 + 'b'))
print(len(re.split(r'(,)', ',' * 100000)))
