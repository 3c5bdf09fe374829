# timeout-scale: 4
# gcstress-every: 1000
# Files this implementation writes are read by CPython (/usr/bin/python3) and
# the other way round: 10 MB through zlib, gzip, bz2 and lzma, a sqlite3
# database, zip and tar archives, and every hashlib algorithm's digest.
import bz2, gzip, hashlib, lzma, os, sqlite3, subprocess, sys, tarfile, tempfile, zipfile, zlib

CPY = "/usr/bin/python3"
d = tempfile.mkdtemp()
data = b"".join(b"%08d the quick brown fox %d\n" % (i, i * 7919 % 1000) for i in range(340000))[:10 * 1024 * 1024]
print(len(data))


def other(code):
    r = subprocess.run([CPY, "-c", code, d], capture_output=True, text=True)
    return r.stdout.strip() or r.stderr.strip().splitlines()[-1]


# compression: written here, read there; written there, read here
open(os.path.join(d, "data.zz"), "wb").write(zlib.compress(data, 1))
with gzip.open(os.path.join(d, "data.gz"), "wb", compresslevel=1) as f:
    f.write(data)
with bz2.open(os.path.join(d, "data.bz2"), "wb", compresslevel=1) as f:
    f.write(data)
with lzma.open(os.path.join(d, "data.xz"), "wb", preset=0) as f:
    f.write(data)
print(other("""
import sys, os, zlib, gzip, bz2, lzma, hashlib
d = sys.argv[1]
outs = [zlib.decompress(open(os.path.join(d, 'data.zz'), 'rb').read())]
for mod, ext in ((gzip, 'gz'), (bz2, 'bz2'), (lzma, 'xz')):
    with mod.open(os.path.join(d, 'data.' + ext)) as f:
        outs.append(f.read())
print(len(set(outs)), hashlib.sha256(outs[0]).hexdigest()[:16])
data = outs[0]
for mod, ext, kw in ((gzip, 'gz2', {'compresslevel': 1}), (bz2, 'bz22', {'compresslevel': 1}), (lzma, 'xz2', {'preset': 0})):
    with mod.open(os.path.join(d, 'data.' + ext), 'wb', **kw) as f:
        f.write(data)
"""))
back = []
for mod, ext in ((gzip, "gz2"), (bz2, "bz22"), (lzma, "xz2")):
    with mod.open(os.path.join(d, "data." + ext)) as f:
        back.append(f.read() == data)
print(back, hashlib.sha256(data).hexdigest()[:16])

# sqlite3
con = sqlite3.connect(os.path.join(d, "db.sqlite"))
con.execute("create table t (k integer primary key, name text, x real, b blob)")
con.executemany("insert into t values (?, ?, ?, ?)", [(i, "n%d é" % i, i / 3, bytes([i % 256]) * 3) for i in range(1000)])
con.commit()
con.close()
print(other("""
import sqlite3, sys, os
con = sqlite3.connect(os.path.join(sys.argv[1], 'db.sqlite'))
print(con.execute('select count(*), sum(k), max(name), sum(x), sum(length(b)) from t').fetchone())
con.execute("insert into t values (5000, 'from cpython', 1.5, x'00ff')")
con.commit()
"""))
con = sqlite3.connect(os.path.join(d, "db.sqlite"))
print(con.execute("select name, x, b from t where k = 5000").fetchone())
con.close()

# archives
with zipfile.ZipFile(os.path.join(d, "a.zip"), "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("dir/one.txt", "one\n" * 1000)
    z.writestr("two.bin", bytes(range(256)) * 100)
with tarfile.open(os.path.join(d, "a.tar.gz"), "w:gz") as t:
    t.add(os.path.join(d, "a.zip"), arcname="inner/a.zip")
print(other("""
import zipfile, tarfile, sys, os, hashlib
d = sys.argv[1]
with zipfile.ZipFile(os.path.join(d, 'a.zip')) as z:
    print(sorted(z.namelist()), z.testzip(), hashlib.md5(z.read('two.bin')).hexdigest()[:12], end=' ')
with tarfile.open(os.path.join(d, 'a.tar.gz')) as t:
    print(t.getnames(), t.extractfile('inner/a.zip').read() == open(os.path.join(d, 'a.zip'), 'rb').read())
with tarfile.open(os.path.join(d, 'b.tar.bz2'), 'w:bz2') as t:
    t.add(os.path.join(d, 'a.zip'), arcname='x.zip')
with zipfile.ZipFile(os.path.join(d, 'b.zip'), 'w', zipfile.ZIP_LZMA) as z:
    z.writestr('c.txt', 'cpython\\n' * 100)
"""))
with tarfile.open(os.path.join(d, "b.tar.bz2")) as t:
    print(t.getnames())
with zipfile.ZipFile(os.path.join(d, "b.zip")) as z:
    print(z.namelist(), z.read("c.txt")[:8], z.testzip())

# hashlib: every guaranteed algorithm, here and there
algos = sorted(hashlib.algorithms_guaranteed)
mine = {a: (hashlib.new(a, data[:100000]).hexdigest(16) if a.startswith("shake") else hashlib.new(a, data[:100000]).hexdigest()) for a in algos}
theirs = other("""
import hashlib, sys, os
data = b''.join(b'%08d the quick brown fox %d\\n' % (i, i * 7919 % 1000) for i in range(340000))[:100000]
for a in sorted(hashlib.algorithms_guaranteed):
    h = hashlib.new(a, data)
    print(a, h.hexdigest(16) if a.startswith('shake') else h.hexdigest())
""")
print(len(algos), all("%s %s" % (a, mine[a]) in theirs.splitlines() for a in algos))
for name in os.listdir(d):
    os.remove(os.path.join(d, name))
os.rmdir(d)
