# gcstress-every: 100
# pdb, bdb, cmd and trace import and set up: command parsing and help
# without running a traced program (Taipan emits no trace events yet).
import pdb, bdb, cmd, trace, io, sys
print(pdb.Pdb.__name__, issubclass(pdb.Pdb, bdb.Bdb), issubclass(pdb.Pdb, cmd.Cmd), sorted(pdb.__all__))
out = io.StringIO()
p = pdb.Pdb(stdin=io.StringIO(''), stdout=out, nosigint=True)
print(p.prompt, p.default.__name__)
p.onecmd('p 6*7')
p.onecmd('pp {"a": [1, 2]}')
p.onecmd('help p')
p.onecmd('help break')
p.onecmd('alias ll p 1')
p.onecmd('alias')
print(out.getvalue())
print(pdb.line_prefix, repr(pdb.Pdb.doc_header))
b = bdb.Breakpoint('somefile.py', 10)
print(b.number, b.file, b.line, b.enabled, b.hits)
b.disable(); print(b.enabled, bdb.Breakpoint.bplist[('somefile.py', 10)] == [b])
b.deleteMe()
print(bdb.Bdb().canonic('<string>'), sys.gettrace())
