# bytes.decode / bytearray.decode and str.encode together, with errors and keywords.
print(b'caf\xc3\xa9'.decode(), b'caf\xe9'.decode('latin-1'), bytearray(b'\xe4\xb8\xad').decode('utf-8'))
print(b'\xff\xfe'.decode('utf-8', 'replace'), b'\xff'.decode(errors='ignore'), b'abc'.decode(encoding='ascii'))
for data, enc in [(b'\xff', 'utf-8'), (b'a\xe2\x82', 'utf-8'), (b'\x80', 'ascii')]:
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print(e)
        print(e.encoding, e.object, e.start, e.end, e.reason)
try:
    'a\u00e9\u00e9b'.encode('ascii')
except UnicodeEncodeError as e:
    print(e)
    print(e.encoding, ascii(e.object), e.start, e.end, e.reason)
for f in (lambda: b'a'.decode(1), lambda: b'a'.decode('utf-8', 1)):
    try:
        f()
    except TypeError as e:
        print('TypeError', e)
print(len('\U0001f600'.encode()), len('\U0001f600'.encode().decode()))
