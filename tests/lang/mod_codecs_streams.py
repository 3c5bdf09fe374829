# codecs.open, StreamReader/StreamWriter, StreamRecoder, EncodedFile, iterencode/iterdecode.
import codecs, io, os

path = '/tmp/taipan_mod_codecs_streams_%d.txt' % os.getpid()
for enc in ['utf-16', 'cp1252', 'utf-8-sig', 'utf-7', 'iso8859_15']:
    with codecs.open(path, 'w', enc) as f:
        f.write('caf\xe9 \u20ac\n')
        f.writelines(['line 2\n', 'line 3\n'])
    with open(path, 'rb') as f:
        raw = f.read()
    with codecs.open(path, 'r', enc) as f:
        print(enc, raw, ascii(f.readline()), ascii(f.readlines()))
os.remove(path)

raw = 'alpha\nbeta\r\ngamma\u20ac\ndelta'.encode('utf-16-le')
r = codecs.getreader('utf-16-le')(io.BytesIO(raw))
print(ascii(r.readline()), ascii(r.read(3)), ascii(r.readline(keepends=False)), ascii(r.read()))
r = codecs.getreader('cp1252')(io.BytesIO(b'one\x80\ntwo\x81\n'), errors='replace')
print(ascii(list(r)))
w_buf = io.BytesIO()
w = codecs.getwriter('cp437')(w_buf, errors='xmlcharrefreplace')
w.write('\u2592 \u20ac ok')
print(w_buf.getvalue())

rec = codecs.EncodedFile(io.BytesIO('h\xe9llo'.encode('latin-1')), 'utf-8', 'latin-1')
print(rec.read())
rw = codecs.StreamReaderWriter(io.BytesIO(b'\xff\xfea\x00b\x00'), codecs.getreader('utf-16'), codecs.getwriter('utf-16'))
print(ascii(rw.read()))
print(list(codecs.iterencode(['a', '\u20ac', ''], 'utf-16-be')))
print(ascii(list(codecs.iterdecode([b'\xe2', b'\x82', b'\xac', b'x'], 'utf-8'))))
print(ascii(list(codecs.iterdecode([b'+IK', b'w-', b'a'], 'utf-7'))))
