# gcstress-every: 100
# importlib.resources on packages in a directory and in a zip archive.
import os, sys, tempfile, shutil, zipfile
import importlib.resources as resources

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
print(resources.files('respkg').joinpath('data.txt').read_text())
print(resources.files(respkg).joinpath('bin.dat').read_bytes())
print(sorted(p.name for p in resources.files('respkg').iterdir() if p.name != '__pycache__'))
print(resources.files('respkg.sub').joinpath('inner.txt').read_text().strip())
print(resources.files('respkg').joinpath('data.txt').is_file(), resources.files('respkg').joinpath('sub').is_dir())
with resources.as_file(resources.files('respkg') / 'data.txt') as p:
    print(os.path.basename(p), open(p).read().strip())
print(resources.read_text('respkg', 'data.txt').strip(), resources.is_resource('respkg', 'data.txt'))
print(resources.files('zres').joinpath('note.txt').read_text().strip())
print(sorted(p.name for p in resources.files('zres').iterdir()))
try:
    resources.files('respkg').joinpath('missing.txt').read_text()
except FileNotFoundError as e:
    print('FileNotFoundError')

sys.path.remove(tmp)
sys.path.remove(archive)
shutil.rmtree(tmp)
