# zipimport: modules and packages importable from a zip archive on sys.path.
# The archive is written by hand (stored entries), so only zipimport is tested.
import os, sys, tempfile, shutil, struct, binascii, importlib

def make_zip(path, files):
    out = bytearray()
    central = bytearray()
    for name, text in files.items():
        data = text.encode()
        nb = name.encode()
        crc = binascii.crc32(data)
        offset = len(out)
        out += struct.pack('<IHHHHHIIIHH', 0x04034b50, 20, 0, 0, 0, 0x21, crc, len(data), len(data), len(nb), 0)
        out += nb + data
        central += struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 20, 20, 0, 0, 0, 0x21, crc, len(data), len(data),
                               len(nb), 0, 0, 0, 0, 0, offset)
        central += nb
    cd_offset = len(out)
    out += central
    out += struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, len(files), len(files), len(central), cd_offset, 0)
    with open(path, 'wb') as f:
        f.write(out)

tmp = tempfile.mkdtemp()
archive = os.path.join(tmp, 'bundle.zip')
make_zip(archive, {
    'zmod.py': 'Z = "zipped"\n',
    'zpkg/__init__.py': 'from .part import P\n',
    'zpkg/part.py': 'P = "part of " + __name__\n',
    'zpkg/data.txt': 'some data\n',
})
sys.path.insert(0, archive)
import zmod
print(zmod.Z, zmod.__file__.replace(tmp, '<tmp>'), type(zmod.__loader__).__name__)
print(zmod.__spec__.origin.replace(tmp, '<tmp>'), zmod.__spec__.name)
import zpkg
print(zpkg.P, [p.replace(tmp, '<tmp>') for p in zpkg.__path__])
print(type(sys.path_importer_cache[archive]).__name__)
print(zpkg.__loader__.get_data(os.path.join(archive, 'zpkg', 'data.txt')))
print(zmod.__loader__.get_source('zmod'))
print(zmod.__loader__.is_package('zmod'), zpkg.__loader__.is_package('zpkg'))
try:
    import znothere
except ModuleNotFoundError as e:
    print('MNF', e)
import zipimport
zi = zipimport.zipimporter(archive)
print(zi.find_spec('zmod').name, zi.find_spec('nothere'))
try:
    zipimport.zipimporter(os.path.join(tmp, 'nope.zip'))
except zipimport.ZipImportError as e:
    print('ZipImportError', str(e).replace(tmp, '<tmp>'))
sys.path.remove(archive)
shutil.rmtree(tmp)
