# gcstress-every: 100
# zipfile with every compression the C-library modules provide (zlib, _bz2, _lzma).
import io
import zipfile

files = {"a.txt": b"alpha\n" * 300, "dir/b.bin": bytes(range(256)) * 20, "empty": b""}
for method in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA):
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", compression=method) as zf:
        for name, data in files.items():
            zf.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 2, 3, 4, 6)), data, compress_type=method)
    raw = bio.getvalue()
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        print(method, len(raw), zf.testzip(), [(i.filename, i.compress_type, i.file_size, i.compress_size, i.CRC)
                                               for i in zf.infolist()])
        print(all(zf.read(n) == d for n, d in files.items()))
        with zf.open("a.txt") as f:
            print(f.read(7), f.readline(), len(f.read()))
bio = io.BytesIO()
with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
    zi = zipfile.ZipInfo("streamed", date_time=(2021, 5, 6, 7, 8, 10))
    with zf.open(zi, "w") as f:
        for i in range(50):
            f.write(b"line %d\n" % i)
with zipfile.ZipFile(io.BytesIO(bio.getvalue())) as zf:
    print(zf.read("streamed")[:20], zf.getinfo("streamed").compress_size)

