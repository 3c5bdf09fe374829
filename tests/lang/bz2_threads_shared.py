# One BZ2Compressor (through BZ2File) written from several threads: the compressor's
# lock makes them take turns (concurrent use corrupted libbz2's state).
import bz2, io, threading
buf = io.BytesIO()
data = b"1" * 2**18
with bz2.BZ2File(buf, "wb") as f:
    def comp():
        for i in range(3):
            f.write(data)
    threads = [threading.Thread(target=comp) for i in range(6)]
    for t in threads: t.start()
    for t in threads: t.join()
out = bz2.decompress(buf.getvalue())
print(len(out), out == b"1" * (2**18 * 18))
d = bz2.BZ2Decompressor()
print(len(d.decompress(buf.getvalue())), d.eof)
