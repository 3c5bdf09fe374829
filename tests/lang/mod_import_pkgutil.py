# gcstress-every: 100
# pkgutil's view of modules in a directory and in a zip archive (iter_modules,
# walk_packages, get_importer, get_data, resolve_name).
import os, sys, tempfile, shutil, zipfile, pkgutil

tmp = tempfile.mkdtemp()
def write(rel, data):
    path = os.path.join(tmp, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'wb') as f:
        f.write(data)

write('respkg/__init__.py', b'')
write('respkg/data.txt', b'hello resources\n')
write('respkg/bin.dat', bytes(range(5)))
write('respkg/sub/__init__.py', b'')
write('respkg/sub/inner.txt', b'inner\n')
write('respkg/mod_one.py', b'')
write('respkg/_private.py', b'')
archive = os.path.join(tmp, 'res.zip')
with zipfile.ZipFile(archive, 'w') as z:
    z.writestr('zres/__init__.py', '')
    z.writestr('zres/note.txt', 'zipped note\n')
    z.writestr('zres/zmod.py', 'X = 1\n')
sys.path[:0] = [tmp, archive]

import respkg, zres
print(sorted((m.name, m.ispkg) for m in pkgutil.iter_modules([os.path.join(tmp, 'respkg')])))
print(sorted((m.name, m.ispkg) for m in pkgutil.iter_modules(respkg.__path__, 'respkg.')))
print(sorted(m.name for m in pkgutil.walk_packages([tmp]) if m.name.startswith('respkg')))
print(sorted((m.name, m.ispkg) for m in pkgutil.iter_modules([archive])))
print(type(pkgutil.get_importer(tmp)).__name__, type(pkgutil.get_importer(archive)).__name__)
print(pkgutil.get_data('respkg', 'data.txt'), pkgutil.get_data('zres', 'note.txt'))
print(pkgutil.resolve_name('respkg.sub').__name__, pkgutil.resolve_name('os.path:join').__name__)
print([m.name for m in pkgutil.iter_modules() if m.name in ('respkg', 'zres', 'json', 'os')])

sys.path.remove(tmp)
sys.path.remove(archive)
shutil.rmtree(tmp)
