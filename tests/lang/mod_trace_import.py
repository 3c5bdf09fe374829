# gcstress-every: 100
# trace: the Trace object without tracing (count=0, trace=0), its helpers,
# and CoverageResults from given counts.
import trace, io, sys
print(trace.__all__)
t = trace.Trace(count=0, trace=0)
print(t.runfunc(lambda a, b: a + b, 2, 3), t.donothing)
r = t.results()
print(type(r).__name__, r.counts, r.calledfuncs)
cr = trace.CoverageResults(counts={('f.py', 1): 2}, calledfuncs={('f.py', 'm', 'fn'): 1})
cr.update(trace.CoverageResults(counts={('f.py', 1): 3, ('g.py', 2): 1}))
print(sorted(cr.counts.items()), cr.calledfuncs)
print(trace._modname('/a/b/c.py'), trace._fullmodname('/usr/lib/python3.11/json/decoder.py'))
print(sys.gettrace())
