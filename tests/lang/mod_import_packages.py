# Packages, relative imports, `import *` with and without __all__, and the
# import-related attributes CPython's importlib sets on modules and specs.
import os, sys, tempfile, shutil

tmp = tempfile.mkdtemp()
def write(rel, text):
    path = os.path.join(tmp, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(text)

def show(x):
    return repr(x).replace(tmp, '<tmp>')

write('pkg/__init__.py', 'from .sub import helper\nVALUE = "pkg"\n__all__ = ["VALUE", "mod_a"]\n')
write('pkg/mod_a.py', 'from . import mod_b\nfrom .mod_b import B\nA = "a" + B\n_private = 1\npublic = 2\n')
write('pkg/mod_b.py', 'B = "b"\n')
write('pkg/sub/__init__.py', 'from ..mod_b import B as BB\ndef helper():\n    return "helper" + BB\n')
write('pkg/sub/deep.py', 'from .. import VALUE\nfrom .. import helper\nX = VALUE + helper()\n')
write('plain.py', 'import pkg.sub.deep\nY = pkg.sub.deep.X\n')
write('star_noall.py', 'a = 1\n_b = 2\nc = 3\n')
sys.path.insert(0, tmp)

import plain
print(plain.Y)
import pkg
print(pkg.VALUE, pkg.helper(), sorted(k for k in vars(pkg) if not k.startswith('__')))
import pkg.mod_a as ma
print(ma.A, ma.mod_b.B)

ns = {}
exec('from pkg import *', ns)
print(sorted(k for k in ns if k != '__builtins__'))
ns = {}
exec('from star_noall import *', ns)
print(sorted(k for k in ns if k != '__builtins__'))

# Attributes and specs.
for m in (pkg, ma, pkg.sub):
    print(m.__name__, m.__package__, show(m.__file__), hasattr(m, '__path__'))
    print('  ', show(getattr(m, '__path__', None)), type(m.__loader__).__name__)
    s = m.__spec__
    print('  ', s.name, s.parent, show(s.origin), s.has_location, show(s.submodule_search_locations))
    print('  ', s.loader is m.__loader__, type(s).__name__, s.cached == m.__cached__)
    print('  ', m.__cached__.startswith(os.path.dirname(m.__file__)), '__pycache__' in m.__cached__)
print(list(vars(ma))[:8])
print(sys.modules['pkg.sub.deep'] is pkg.sub.deep, 'pkg.mod_b' in sys.modules)
print(type(sys.modules['pkg'].__builtins__).__name__)

# Builtin modules.
import math, sys as s2
print(math.__spec__.origin, math.__loader__.__name__, repr(math.__package__), s2 is sys)
print(sys.__spec__.name, sys.__loader__.__name__)

# Import errors.
def err(stmt):
    try:
        exec(stmt, {'__name__': 'pkg.sub.deep', '__package__': 'pkg.sub'})
    except Exception as e:
        print(type(e).__name__ + ':', show(str(e)), getattr(e, 'name', None))
err('import no_such_module_xyz')
err('import pkg.no_such')
err('import pkg.mod_b.x')
err('from pkg import no_such_name')
err('from .... import x')
err('from ..... import x')
err('from . import nothing_here')
try:
    exec('from . import x', {'__name__': '__main__'})
except ImportError as e:
    print('ImportError:', e)
try:
    __import__('')
except ValueError as e:
    print('ValueError:', e)
try:
    __import__('os', level=-1)
except ValueError as e:
    print('ValueError:', e)
try:
    __import__(42)
except TypeError as e:
    print('TypeError:', e)
sys.modules['blocked'] = None
try:
    import blocked
except ImportError as e:
    print(type(e).__name__, e, e.name)
del sys.modules['blocked']
# A module that fails while running leaves no trace in sys.modules.
write('broken.py', 'import pkg\nraise ValueError("boom")\n')
try:
    import broken
except ValueError as e:
    print('ValueError', e, 'broken' in sys.modules)
# __import__ with a fromlist returns the leaf; without, the top package.
print(__import__('pkg.sub.deep').__name__, __import__('pkg.sub.deep', fromlist=['X']).__name__)
print(__import__('pkg.sub', fromlist=['deep', 'nothere']).deep.X)

sys.path.remove(tmp)
shutil.rmtree(tmp)
