# tarfile with gzip compression, in memory: write members, read them back, list names and contents.
import io
import tarfile

files = {"a.txt": b"alpha\n" * 10, "dir/b.bin": bytes(range(256)), "empty": b""}
bio = io.BytesIO()
with tarfile.open(fileobj=bio, mode="w:gz") as tar:
    for name, content in files.items():
        info = tarfile.TarInfo(name)
        info.size = len(content)
        info.mtime = 1000000000
        info.mode = 0o644
        info.uname = info.gname = "user"
        tar.addfile(info, io.BytesIO(content))
raw = bio.getvalue()
print(raw[:2].hex(), len(raw) < 10240)

bio.seek(0)
with tarfile.open(fileobj=bio, mode="r:gz") as tar:
    for m in tar.getmembers():
        print(m.name, m.size, oct(m.mode), m.mtime, m.isfile())
        print(tar.extractfile(m).read() == files[m.name])
bio.seek(0)
with tarfile.open(fileobj=bio, mode="r:*") as tar:
    print(tar.getnames())
bio.seek(0)
with tarfile.open(fileobj=bio, mode="r|gz") as tar:
    print([m.name for m in tar])
