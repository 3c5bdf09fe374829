# pdb: a scripted session (break, continue, step, next, p, where, jump, !assignment, quit)
import io, os, pdb, sys

def helper(x):
    y = x * 2
    return y + 1

def compute(n):
    total = 0
    for i in range(n):
        total += helper(i)
    msg = 'done'
    return total

commands = """\
break helper
continue
p x
where
next
p y
continue
clear 1
next
step
step
return
p total
!total = 100
p total
until 12
p msg
continue
"""
out = io.StringIO()
dbg = pdb.Pdb(stdin=io.StringIO(commands), stdout=out, nosigint=True)
dbg.use_rawinput = False
result = dbg.runcall(compute, 3)
here = os.path.dirname(os.path.abspath(__file__))
text = out.getvalue().replace(here + os.sep, '').replace(here, '')
print(text)
print('result', result)
print(sys.gettrace())
