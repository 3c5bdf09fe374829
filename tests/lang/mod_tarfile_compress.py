# tarfile with bzip2 and xz compression (_bz2, _lzma; gzip is in mod_tarfile_gz).
import io
import tarfile

files = {"a.txt": b"alpha\n" * 300, "empty": b""}
for mode in ("w:bz2", "w:xz"):
    bio = io.BytesIO()
    with tarfile.open(fileobj=bio, mode=mode) as tf:
        for name, data in files.items():
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            ti.mtime = 1600000000
            tf.addfile(ti, io.BytesIO(data))
    bio.seek(0)
    with tarfile.open(fileobj=bio, mode="r:*") as tf:
        print(mode, [(m.name, m.size) for m in tf.getmembers()],
              all(tf.extractfile(n).read() == d for n, d in files.items()))
