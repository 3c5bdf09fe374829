# re.DEBUG prints the parsed pattern and the compiled program the engine runs.
import re

re.compile(r'(?P<x>ab|c)*?d+\b[^e-g]', re.DEBUG)
re.compile(r'(?<=a)b{2,3}+(?>c)|\1' if False else r'(?<=a)b{2,3}+(?>c)', re.DEBUG)
p = re.compile(r'x', re.DEBUG)
print(p.flags & 128, p.match('x').span())
