# _lzma argument checking and error messages, as CPython 3.11 words them.
import lzma

cases = [
    'lzma.LZMACompressor(format=9)', 'lzma.LZMACompressor(preset=10)', 'lzma.LZMACompressor(preset=-1)',
    'lzma.LZMACompressor(preset=2**40)', 'lzma.LZMACompressor(preset="x")', 'lzma.LZMACompressor(filters=[{}])',
    'lzma.LZMACompressor(filters=[1])', 'lzma.LZMACompressor(filters=[{"id":99}])',
    'lzma.LZMACompressor(filters=[{"id":lzma.FILTER_LZMA2, "foo":1}])',
    'lzma.LZMACompressor(filters=[{"id":lzma.FILTER_DELTA, "dist":-1}])',
    'lzma.LZMACompressor(filters=[{"id":lzma.FILTER_X86, "dist":1}])',
    'lzma.LZMACompressor(filters=[{"id":"x"}])', 'lzma.LZMACompressor(filters=[{"id":-1}])',
    'lzma.LZMACompressor(filters=[{"id":2**64}])',
    'lzma.LZMACompressor(filters=[{"id":lzma.FILTER_LZMA2,"preset":2**33}])',
    'lzma.LZMACompressor(filters=[{"id":lzma.FILTER_LZMA2,"preset":99}])',
    'lzma.LZMACompressor(filters=[{"id":lzma.FILTER_LZMA2}]*5)', 'lzma.LZMACompressor(filters=5)',
    'lzma.LZMACompressor(format=lzma.FORMAT_RAW)', 'lzma.LZMACompressor(check=9)',
    'lzma.LZMACompressor(check=99)', 'lzma.LZMADecompressor(memlimit=-1)', 'lzma.LZMADecompressor(memlimit="x")',
    'lzma.LZMADecompressor(format=9)', 'lzma.LZMADecompressor(1,2,3,4)', 'lzma.LZMADecompressor(bad=3)',
    'lzma.LZMACompressor(bad=3)', 'lzma.LZMACompressor(1,2,3,4,5)', 'lzma.LZMACompressor(format="x")',
    'lzma.decompress(b"xxxxxxxxxxxxxxxxxxxxxxx")',
    'lzma.LZMADecompressor(memlimit=1).decompress(lzma.compress(b"a"))', 'lzma.is_check_supported("x")',
    'lzma._encode_filter_properties({"id":lzma.FILTER_X86})',
    'lzma._encode_filter_properties({"id":lzma.FILTER_DELTA, "dist":300})',
    'lzma._decode_filter_properties(99, b"")', 'lzma._decode_filter_properties(lzma.FILTER_LZMA2, b"")',
    'lzma.LZMACompressor(format=lzma.FORMAT_ALONE, filters=[{"id":lzma.FILTER_LZMA2}])',
    'lzma.LZMACompressor(format=lzma.FORMAT_RAW, check=lzma.CHECK_CRC32, filters=[{"id":lzma.FILTER_LZMA2}])',
    'lzma.LZMACompressor(filters=[{"id":lzma.FILTER_LZMA2, "mode":9}])',
    'lzma.LZMACompressor(filters=[{"id":lzma.FILTER_LZMA2, "dict_size":1}])',
    'lzma.LZMACompressor(filters=[{"id":lzma.FILTER_LZMA2, 3:1}])', 'lzma.LZMACompressor(filters=[])',
    'lzma.LZMACompressor(preset=1, filters=[])', 'lzma.LZMACompressor().compress()',
    'lzma.LZMACompressor().compress("s")', 'lzma.LZMADecompressor().decompress()',
    'lzma.LZMADecompressor().decompress(b"", max_length=None)', 'lzma.is_check_supported(2**70)',
    'lzma._decode_filter_properties(lzma.FILTER_LZMA2, "x")',
    'lzma.LZMADecompressor(lzma.FORMAT_RAW, memlimit=5)',
    'lzma.LZMADecompressor(lzma.FORMAT_XZ, filters=[])',
    'lzma.decompress(lzma.compress(b"abc"), lzma.FORMAT_ALONE)',
    'lzma.decompress(lzma.compress(b"abc", lzma.FORMAT_ALONE), lzma.FORMAT_XZ)',
    'lzma.decompress(b"\\xfd7zXZ\\x00" + bytes(30))',
]
for src in cases:
    try:
        r = eval(src)
        print(src, "->", type(r).__name__)
    except Exception as e:
        print(src, "->", type(e).__name__, e)
try:
    class Sub(lzma.LZMADecompressor):
        pass
except TypeError as e:
    print(e)
