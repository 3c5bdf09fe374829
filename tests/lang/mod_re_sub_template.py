# sub() replacement templates: \1, \g<n>, \g<name>, \g<0>, escapes, and errors.
import re

p = re.compile(r'(\w+)@(\w+)\.com')
s = 'alice@example.com, bob@test.com'
print(p.sub(r'\2 at \1', s))
print(p.sub(r'\g<2>::\g<1>', s), p.sub(r'[\g<0>]', s))
print(re.sub(r'(?P<first>\w+) (?P<last>\w+)', r'\g<last>, \g<first>', 'Ada Lovelace'))
print(re.sub(r'(a)', r'\1\1', 'banana'), re.sub(r'(a)', r'\g<1>0', 'banana'))
print(repr(re.sub('x', r'\n\t\\', 'axb')), repr(re.sub('x', '\\\\n', 'axb')))
print(repr(re.sub('x', r'\0', 'axb')), repr(re.sub('x', r'\101', 'axb')))
print(re.sub(r'(b)?a', r'[\1]', 'ba a'))
print(re.subn(r'\d', '#', 'a1b22c333'), re.subn(r'\d', '#', 'a1b22c333', 2), re.subn(r'\d', '#', 'abc'))
print(re.sub(r'\d', '#', 'a1b22', count=1))
print(re.compile(r'(x)').sub(r'<\1>', 'axbx', 1))
m = re.search(r'(?P<n>\d+)-(\d+)', 'tel 555-0199')
print(m.expand(r'\2/\1 (\g<n>) \g<0>'))
for bad in [r'\3', r'\g<x>', r'\g<1', r'\g', r'\q', r'\g<-1>']:
    try:
        print(re.sub(r'(a)(b)', bad, 'ab'))
    except (re.error, IndexError) as e:
        print(type(e).__name__, e)
print(re.sub(rb'(\w+)', rb'<\1>', b'hi you'))
print(re.sub(r'a', 'b\\', 'a') if False else 'skip')
