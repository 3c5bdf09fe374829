# dis over Taipan's own bytecode keeps CPython's interface: what does not
# depend on the instruction set is the same (lines, imports, stores, flags,
# code_info's header, Instruction's fields); modulefinder works through it.
import dis
import io
import inspect
import modulefinder
import os
import tempfile


def f(x, y=2):
    import os.path
    from collections import deque as d
    if x > y:
        return x.real
    for i in range(3):
        x += i
    return len([x])


async def co():
    pass


def gen(*a, **k):
    yield a


print(dis.Instruction._fields)
print(dis.Positions._fields)
print(list(dis._find_imports(f.__code__)))
mod = compile("import a.b\nfrom . import c\nfrom x.y import (p, q)\nv = 1\nw = v\n", "m", "exec")
print(list(dis._find_imports(mod)), list(dis._find_store_names(mod)))
for fn in (f, co, gen):
    print(fn.__name__, dis.pretty_flags(fn.__code__.co_flags))
print(dis.COMPILER_FLAG_NAMES[32], inspect.CO_GENERATOR, inspect.isgeneratorfunction(gen))
print([l for l in dis.code_info(f).splitlines()[:6] if not l.startswith('Filename')])
lines = sorted({i.starts_line for i in dis.Bytecode(f) if i.starts_line} - {f.__code__.co_firstlineno})
print([n - f.__code__.co_firstlineno for n in lines])
out = io.StringIO()
dis.dis(f, file=out)
text = out.getvalue()
print(len(text) > 100, "range" in text, "deque" in text)
print(all(isinstance(i.offset, int) and i.offset % 2 == 0 for i in dis.get_instructions(f)))
print(isinstance(dis.Bytecode(f).info(), str), repr(dis.Bytecode(f)).startswith("Bytecode("))
try:
    dis.dis(42)
except TypeError as e:
    print("TypeError", e)

with tempfile.TemporaryDirectory() as d:
    os.mkdir(os.path.join(d, "pkg"))
    files = {"main.py": "import helper\nfrom pkg import sub\nimport pkg.other as o\nimport missing_mod\n",
             "helper.py": "X = 1\nimport pkg\n", "pkg/__init__.py": "", "pkg/sub.py": "from .other import *\n",
             "pkg/other.py": "Y = 2\n"}
    for name, text in files.items():
        with open(os.path.join(d, name), "w") as fh:
            fh.write(text)
    m = modulefinder.ModuleFinder(path=[d])
    m.run_script(os.path.join(d, "main.py"))
    print(sorted(m.modules), sorted(m.badmodules), sorted(m.modules["pkg.other"].globalnames))
