# One LZMACompressor (through LZMAFile) written from several threads: its lock makes
# them take turns, as CPython's does.
import lzma, io, threading
buf = io.BytesIO()
data = b"1" * 2**17
with lzma.LZMAFile(buf, "wb") as f:
    def comp():
        for i in range(3):
            f.write(data)
    threads = [threading.Thread(target=comp) for i in range(4)]
    for t in threads: t.start()
    for t in threads: t.join()
out = lzma.decompress(buf.getvalue())
print(len(out), out == b"1" * (2**17 * 12))
