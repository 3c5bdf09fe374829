# Programs' own finders and loaders in sys.meta_path and sys.path_hooks,
# sys.path_importer_cache, and a replaced builtins.__import__.
import sys, os, tempfile, shutil, builtins
import importlib, importlib.util, importlib.machinery

class StringLoader:
    def __init__(self, sources):
        self.sources = sources
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        exec(self.sources[module.__name__], module.__dict__)

class StringFinder:
    def __init__(self, sources):
        self.sources = sources
        self.seen = []
    def find_spec(self, name, path, target=None):
        self.seen.append((name, path is None))
        if name in self.sources:
            is_pkg = name + '.' in ''.join(k + '.' for k in self.sources if k != name and k.startswith(name + '.'))
            return importlib.util.spec_from_loader(name, StringLoader(self.sources), is_package=is_pkg)
        return None

sources = {
    'virt': 'X = 10\n',
    'vpkg': 'Y = 20\n',
    'vpkg.child': 'from . import sibling\nZ = sibling.W + 1\n',
    'vpkg.sibling': 'W = 41\n',
}
finder = StringFinder(sources)
sys.meta_path.insert(0, finder)
import virt
import vpkg.child
print(virt.X, vpkg.Y, vpkg.child.Z, vpkg.sibling.W)
print(virt.__spec__.name, type(virt.__loader__).__name__, virt.__spec__.origin, hasattr(virt, '__file__'))
print(vpkg.__path__, vpkg.__spec__.submodule_search_locations, vpkg.child.__package__)
print(finder.seen)
import json
print(json.__name__, ('json', True) in finder.seen)
sys.meta_path.remove(finder)

# A finder at the end sees only what the default finders do not find.
class Last:
    def find_spec(self, name, path, target=None):
        if name == 'made_up_last':
            return importlib.util.spec_from_loader(name, StringLoader({name: 'V = "last"'}))
sys.meta_path.append(Last())
import made_up_last
print(made_up_last.V)
sys.meta_path.pop()

# A path hook for entries of a made-up scheme.
class MemEntryFinder:
    def __init__(self, path):
        if not path.startswith('mem:'):
            raise ImportError('not mine')
        self.path = path
    def find_spec(self, name, target=None):
        if name == 'memmod':
            return importlib.util.spec_from_loader(name, StringLoader({name: 'M = "from " + __spec__.origin'}), origin=self.path)
        return None
    def invalidate_caches(self):
        pass
sys.path_hooks.insert(0, MemEntryFinder)
sys.path.insert(0, 'mem:store')
import memmod
print(memmod.M, type(sys.path_importer_cache['mem:store']).__name__)
sys.path.remove('mem:store')
sys.path_hooks.remove(MemEntryFinder)
del sys.path_importer_cache['mem:store']

# A directory's finder in sys.path_importer_cache is a FileFinder.
tmp = tempfile.mkdtemp()
with open(os.path.join(tmp, 'ondisk.py'), 'w') as f:
    f.write('D = 1\n')
sys.path.insert(0, tmp)
import ondisk
ff = sys.path_importer_cache[tmp]
print(type(ff).__name__, ff.path == tmp, ondisk.D)
# A None entry makes PathFinder skip the directory.
with open(os.path.join(tmp, 'skipped.py'), 'w') as f:
    f.write('S = 1\n')
sys.path_importer_cache[tmp] = None
try:
    import skipped
except ImportError as e:
    print(type(e).__name__, e)
del sys.path_importer_cache[tmp]
importlib.invalidate_caches()
import skipped
print(skipped.S)
sys.path.remove(tmp)
shutil.rmtree(tmp)

# sys.meta_path emptied: nothing new can be imported.
saved = sys.meta_path[:]
sys.meta_path.clear()
try:
    import colorsys
except ModuleNotFoundError as e:
    print('MNF', e)
sys.meta_path[:] = saved
import colorsys
print(colorsys.__name__)

# builtins.__import__ replaced: the import statement calls it.
calls = []
orig = builtins.__import__
def my_import(name, globals=None, locals=None, fromlist=(), level=0):
    calls.append((name, fromlist, level))
    return orig(name, globals, locals, fromlist, level)
builtins.__import__ = my_import
import string
from os import path as p
from importlib import util
builtins.__import__ = orig
print([c for c in calls if c[0] in ('string', 'os', 'importlib')])
print([f.__name__ for f in sys.meta_path if isinstance(f, type)])
print([getattr(h, '__name__', '?') for h in sys.path_hooks])
