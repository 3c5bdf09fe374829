# The bytecode cache: written on first import, reused, invalidated when the
# source changes (mtime and size in the header), a damaged file ignored and
# rewritten, sys.dont_write_bytecode honoured.
import os, sys, tempfile, shutil, importlib, importlib.util

tmp = tempfile.mkdtemp()
src = os.path.join(tmp, 'cached_mod.py')
def write_src(text, mtime):
    with open(src, 'w') as f:
        f.write(text)
    os.utime(src, (mtime, mtime))

def header(path):
    with open(path, 'rb') as f:
        data = f.read()
    st = os.stat(src)
    return (data[:4] == importlib.util.MAGIC_NUMBER, int.from_bytes(data[4:8], 'little'),
            int.from_bytes(data[8:12], 'little') == int(st.st_mtime) & 0xFFFFFFFF,
            int.from_bytes(data[12:16], 'little') == st.st_size & 0xFFFFFFFF, len(data) > 16)

def fresh_import():
    sys.modules.pop('cached_mod', None)
    importlib.invalidate_caches()
    import cached_mod
    return cached_mod

sys.dont_write_bytecode = False   # whatever PYTHONDONTWRITEBYTECODE says
sys.path.insert(0, tmp)
cache = importlib.util.cache_from_source(src)
print(os.path.basename(os.path.dirname(cache)), os.path.basename(cache).startswith('cached_mod.'))

write_src('VALUE = "first"\ndef f():\n    return [x * 2 for x in range(3)]\n', 1_600_000_000)
m = fresh_import()
print(m.VALUE, m.f(), m.__cached__ == cache, os.path.exists(cache), header(cache))

# Reused: the cache still describes the source, so its code is what runs.
before = os.stat(cache).st_mtime_ns
m = fresh_import()
print(m.VALUE, m.f(), os.stat(cache).st_mtime_ns == before)
# Proof that the cached code runs: a same-size edit that keeps the mtime is not seen.
write_src('VALUE = "FIRST"\ndef f():\n    return [x * 2 for x in range(3)]\n', 1_600_000_000)
m = fresh_import()
print(m.VALUE)

# Source changed (other size, other mtime): recompiled and rewritten.
write_src('VALUE = "second!"\ndef f():\n    return {"k": 1}\n', 1_600_000_100)
m = fresh_import()
print(m.VALUE, m.f(), header(cache))

# Same size, other mtime: still noticed.
write_src('VALUE = "third!!"\ndef f():\n    return {"k": 2}\n', 1_600_000_200)
m = fresh_import()
print(m.VALUE, m.f(), header(cache))

# A cache with a wrong magic number, or cut short, is ignored and rewritten.
with open(cache, 'r+b') as f:
    f.write(b'\x00\x00\x00\x00')
m = fresh_import()
print(m.VALUE, header(cache))
with open(cache, 'r+b') as f:
    f.truncate(10)
m = fresh_import()
print(m.VALUE, header(cache))

# Tracebacks from cached code still point into the source.
write_src('def boom():\n    x = 1\n    raise KeyError("k")\n', 1_600_000_300)
m = fresh_import()
m = fresh_import()
try:
    m.boom()
except KeyError as e:
    tb = e.__traceback__.tb_next
    print(tb.tb_lineno, tb.tb_frame.f_code.co_filename == src, tb.tb_frame.f_code.co_name)

# sys.dont_write_bytecode: nothing is written.
os.remove(cache)
sys.dont_write_bytecode = True
m = fresh_import()
print(hasattr(m, 'boom'), os.path.exists(cache))
sys.dont_write_bytecode = False
m = fresh_import()
print(os.path.exists(cache))

# A package's cache lives in its own __pycache__.
os.makedirs(os.path.join(tmp, 'cpkg2'))
with open(os.path.join(tmp, 'cpkg2', '__init__.py'), 'w') as f:
    f.write('P = 1\n')
import cpkg2
print(os.path.relpath(cpkg2.__cached__, tmp).split(os.sep)[:2], os.path.exists(cpkg2.__cached__))

sys.path.remove(tmp)
shutil.rmtree(tmp)
