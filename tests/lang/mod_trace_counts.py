# trace: the trace module counts executed lines and lists called functions
import trace, sys, io, os

def work(n):
    s = 0
    for i in range(n):
        if i % 2:
            s += i
        else:
            s -= 1
    return s

def other():
    return work(3)

t = trace.Trace(count=1, trace=0, countfuncs=0)
res = t.runfunc(work, 5)
print('result', res)
counts = t.results().counts
name = os.path.basename(__file__)
mine = sorted((line, n) for (fn, line), n in counts.items() if os.path.basename(fn) == name)
print(mine)

t2 = trace.Trace(count=1, trace=0)
t2.runfunc(other)
print(sorted((line, n) for (fn, line), n in t2.results().counts.items() if os.path.basename(fn) == name))

# trace=1 prints each line as it runs.
t3 = trace.Trace(count=0, trace=1)
old = sys.stdout
sys.stdout = buf = io.StringIO()
try:
    t3.runfunc(work, 2)
finally:
    sys.stdout = old
for line in buf.getvalue().splitlines():
    print(line.replace(os.path.dirname(os.path.abspath(__file__)) + os.sep, ''))
print(sys.gettrace())
