# Namespace packages (PEP 420): directories without __init__.py, portions
# spread over several sys.path entries, and a regular package winning.
import os, sys, tempfile, shutil, importlib

tmp = tempfile.mkdtemp()
def write(rel, text):
    path = os.path.join(tmp, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(text)

def show(x):
    return str(x).replace(tmp, '<tmp>')

write('one/nsp/alpha.py', 'A = "alpha"\n')
write('two/nsp/beta.py', 'B = "beta"\n')
write('two/nsp/inner/gamma.py', 'from .. import alpha\nG = alpha.A + "-gamma"\n')
os.makedirs(os.path.join(tmp, 'one', 'mixed'))
write('two/mixed/__init__.py', 'KIND = "regular"\n')
sys.path[:0] = [os.path.join(tmp, 'one'), os.path.join(tmp, 'two')]

import nsp
print(show(repr(nsp)).split(' (')[0], nsp.__file__, nsp.__spec__.origin, nsp.__spec__.loader is not None)
print(show(list(nsp.__path__)), type(nsp.__path__).__name__)
print(show(nsp.__spec__.submodule_search_locations))
import nsp.alpha, nsp.beta
print(nsp.alpha.A, nsp.beta.B)
import nsp.inner.gamma
print(nsp.inner.gamma.G, show(list(nsp.inner.__path__)), nsp.inner.__package__)
import mixed
print(mixed.KIND, show(mixed.__file__))
try:
    import nsp.missing
except ModuleNotFoundError as e:
    print('MNF', e)
# A portion added later shows up (the _NamespacePath recomputes).
write('three/nsp/delta.py', 'D = "delta"\n')
sys.path.append(os.path.join(tmp, 'three'))
importlib.invalidate_caches()
import nsp.delta
print(nsp.delta.D, len(list(nsp.__path__)))

for p in ('one', 'two', 'three'):
    sys.path.remove(os.path.join(tmp, p))
shutil.rmtree(tmp)
