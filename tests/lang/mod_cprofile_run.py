# cProfile: cProfile.run, Profile as a context manager, getstats call counts (times masked)
import cProfile, pstats, io, re, sys

def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

def main():
    out = []
    for i in range(6):
        out.append(fib(i))
    return sorted(out, key=abs)

def mask(text):
    # Times vary; rows with equal sort keys come in any order (CPython's too).
    text = re.sub(r'\d+\.\d+', 'T', text)
    lines = [l.rstrip() for l in text.splitlines()]
    head = [i for i, l in enumerate(lines) if 'ncalls' in l]
    if head:
        h = head[0] + 1
        lines[h:] = sorted(lines[h:])
    return '\n'.join(lines)

old = sys.stdout
sys.stdout = buf = io.StringIO()
try:
    cProfile.run('main()', sort='ncalls')
finally:
    sys.stdout = old
print(mask(buf.getvalue()))

with cProfile.Profile() as pr:
    main()
s = io.StringIO()
pstats.Stats(pr, stream=s).strip_dirs().sort_stats('calls', 'name').print_stats()
print(mask(s.getvalue()))

pr = cProfile.Profile()
pr.enable(subcalls=True, builtins=False)
main()
pr.disable()
rows = []
for e in pr.getstats():
    name = e.code if isinstance(e.code, str) else e.code.co_name
    calls = sorted((c.code if isinstance(c.code, str) else c.code.co_name, c.callcount, c.reccallcount) for c in (e.calls or []))
    rows.append((name, e.callcount, e.reccallcount, calls))
for r in sorted(rows):
    print(r)
print(sys.getprofile())
