# UTF-16, UTF-32 and UTF-8-SIG codecs: BOMs, byte orders, surrogates, and their decode errors.
def t(f):
    try: print(repr(f()))
    except (UnicodeError, LookupError) as e: print(type(e).__name__ + ":", e, e.start, e.end)
for enc in ['utf-16', 'utf-16-le', 'utf-16-be', 'utf-32', 'utf-32-le', 'utf-32-be', 'utf-8-sig']:
    t(lambda: 'a\u00e9\U0001f600'.encode(enc))
    t(lambda: 'a\ud800b'.encode(enc))
    t(lambda: 'a\ud800b'.encode(enc, 'surrogatepass'))
    t(lambda: 'a\ud800b'.encode(enc, 'replace'))
    t(lambda: 'a\ud800b'.encode(enc, 'backslashreplace'))
    t(lambda: 'a\udcffb'.encode(enc, 'surrogateescape'))
    t(lambda: ''.encode(enc))
    t(lambda: 'a\u00e9\U0001f600'.encode(enc).decode(enc))
t(lambda: b'\xff\xfea\x00'.decode('utf-16')); t(lambda: b'\xfe\xff\x00a'.decode('utf-16')); t(lambda: b'a\x00'.decode('utf-16'))
t(lambda: b'a'.decode('utf-16-le')); t(lambda: b'a\x00b'.decode('utf-16-le')); t(lambda: b'\x00\xd8'.decode('utf-16-le'))
t(lambda: b'\x00\xd8a\x00'.decode('utf-16-le')); t(lambda: b'\x00\xdca\x00'.decode('utf-16-le')); t(lambda: b'\x00\xd8\x00\xd8'.decode('utf-16-le'))
t(lambda: b'\x00\xd8a\x00'.decode('utf-16-le', 'replace')); t(lambda: b'\x00\xd8a\x00'.decode('utf-16-le', 'surrogatepass'))
t(lambda: b'\x00\xdca\x00'.decode('utf-16-le', 'surrogatepass')); t(lambda: b'\x00\xdca\x00'.decode('utf-16-le', 'backslashreplace'))
t(lambda: b'a\x00b'.decode('utf-16-le', 'replace')); t(lambda: b'a\x00b'.decode('utf-16-le', 'ignore'));
t(lambda: b'\xff\xfe\x00\x00a\x00\x00\x00'.decode('utf-32')); t(lambda: b'a\x00\x00\x00'.decode('utf-32')); t(lambda: b'a\x00\x00'.decode('utf-32-le'))
t(lambda: b'\x00\x00\x11\x00'.decode('utf-32-le')); t(lambda: b'\x00\xd8\x00\x00'.decode('utf-32-le')); t(lambda: b'\x00\xd8\x00\x00'.decode('utf-32-le', 'surrogatepass'))
t(lambda: b'\x00\x00\x11\x00'.decode('utf-32-le', 'replace')); t(lambda: b'a\x00\x00\x00b'.decode('utf-32-le', 'replace'))
t(lambda: b'\xef\xbb\xbfabc'.decode('utf-8-sig')); t(lambda: b'abc'.decode('utf-8-sig')); t(lambda: b'\xef\xbb\xbf\xff'.decode('utf-8-sig'))
t(lambda: b'\xff'.decode('utf-8-sig'))
t(lambda: b'\x00\xd8'.decode('utf-16-le', 'surrogatepass'))
t(lambda: b'\x00\xdc\x00\xd8'.decode('utf-16-le'))
t(lambda: b'\x3d\xd8\x00\xde'.decode('utf-16-le'))
for e in ['utf16', 'UTF-16LE', 'utf_16_be', 'u16', 'utf32', 'UTF-32BE', 'U32', 'utf_8_sig', 'unicodelittleunmarked', 'unicodebigunmarked']:
    t(lambda: 'x'.encode(e))
