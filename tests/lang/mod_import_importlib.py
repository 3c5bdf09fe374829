# importlib's API: import_module, find_spec, spec_from_file_location,
# module_from_spec, exec_module, reload, resolve_name, invalidate_caches.
# gcstress-every: 20
import os, sys, tempfile, shutil, time
import importlib, importlib.util, importlib.machinery

tmp = tempfile.mkdtemp()
def write(rel, text):
    path = os.path.join(tmp, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(text)
    return path

def show(x):
    return repr(x).replace(tmp, '<tmp>')

write('ilpkg/__init__.py', 'N = 1\n')
write('ilpkg/leaf.py', 'L = "leaf"\n')
counter = write('counter.py', 'COUNT = 1\nimport sys\nsys.reload_log = getattr(sys, "reload_log", 0) + 1\n')
sys.path.insert(0, tmp)

m = importlib.import_module('ilpkg.leaf')
print(m.L, m.__name__, importlib.import_module('.leaf', 'ilpkg') is m)
try:
    importlib.import_module('.leaf')
except TypeError as e:
    print('TypeError', e)
try:
    importlib.import_module('ilpkg.nope')
except ModuleNotFoundError as e:
    print('MNF', e, e.name)

spec = importlib.util.find_spec('ilpkg')
print(spec.name, show(spec.origin), show(spec.submodule_search_locations), spec.parent)
print(type(spec.loader).__name__, spec.has_location, show(spec.cached).count('__pycache__'))
print(importlib.util.find_spec('no_such_thing_xyz'))
print(importlib.util.find_spec('math').origin, importlib.util.find_spec('math').loader.__name__)
s2 = importlib.util.find_spec('ilpkg.leaf')
print(s2.name, s2.parent, s2.submodule_search_locations)
print(importlib.util.find_spec('.leaf', 'ilpkg').name)
try:
    importlib.util.find_spec('nopkg_xyz.child')
except ModuleNotFoundError as e:
    print('MNF', e)
sys.modules['fake_mod'] = type(sys)('fake_mod')
sys.modules['fake_mod'].__spec__ = None
try:
    importlib.util.find_spec('fake_mod')
except ValueError as e:
    print('ValueError', e)
del sys.modules['fake_mod']
print(importlib.util.resolve_name('..x', 'a.b.c'), importlib.util.resolve_name('y', None))

# A module from an explicit file location, not on sys.path.
path = write('elsewhere/standalone_mod.py', 'import sys\nWHO = __name__\nFILE = __file__\n')
spec = importlib.util.spec_from_file_location('standalone', path)
print(spec.name, show(spec.origin), type(spec.loader).__name__, spec.submodule_search_locations)
mod = importlib.util.module_from_spec(spec)
print(mod.__name__, show(mod.__file__), 'WHO' in vars(mod), 'standalone' in sys.modules)
spec.loader.exec_module(mod)
print(mod.WHO, show(mod.FILE), mod.__spec__ is spec, mod.__loader__ is spec.loader)
print(show(spec.loader.get_filename('standalone')), spec.loader.is_package('standalone'))
print(spec.loader.get_source('standalone').splitlines()[1])
code = spec.loader.get_code('standalone')
print(type(code).__name__, show(code.co_filename))
pkgspec = importlib.util.spec_from_file_location('ilpkg2', os.path.join(tmp, 'ilpkg', '__init__.py'))
print(show(pkgspec.submodule_search_locations))
pkgspec = importlib.util.spec_from_file_location('ilpkg3', os.path.join(tmp, 'ilpkg', '__init__.py'),
                                                  submodule_search_locations=[])
print(show(pkgspec.submodule_search_locations))

# reload runs the module's code again in the same module object.
import counter
first = counter
print(counter.COUNT, sys.reload_log)
time.sleep(0.01)
with open(counter.__file__, 'w') as f:
    f.write('COUNT = 2 + 40\nimport sys\nsys.reload_log = getattr(sys, "reload_log", 0) + 1\nNEW = True\n')
importlib.invalidate_caches()
again = importlib.reload(counter)
print(again is first, counter.COUNT, counter.NEW, sys.reload_log)
try:
    importlib.reload(42)
except TypeError as e:
    print('TypeError', e)
del sys.modules['counter']
try:
    importlib.reload(first)
except ImportError as e:
    print('ImportError', e)

# machinery names and constants.
print(importlib.machinery.SOURCE_SUFFIXES, importlib.machinery.BYTECODE_SUFFIXES)
print(importlib.machinery.ModuleSpec is type(spec), importlib.machinery.SourceFileLoader is type(spec.loader))
print(importlib.machinery.PathFinder in sys.meta_path, importlib.machinery.BuiltinImporter in sys.meta_path)
ms = importlib.machinery.ModuleSpec('x.y', None, origin='somewhere', is_package=True)
print(ms, ms.parent, ms.has_location)
print(len(importlib.util.MAGIC_NUMBER), importlib.util.MAGIC_NUMBER[2:])
print(show(importlib.util.cache_from_source(os.path.join(tmp, 'a.py'))).count('__pycache__'))
print(show(importlib.util.source_from_cache(importlib.util.cache_from_source(os.path.join(tmp, 'a.py')))))

sys.path.remove(tmp)
shutil.rmtree(tmp)
