# Codec error handlers and the UnicodeDecodeError/UnicodeEncodeError details.
def show(f):
    try:
        print(repr(f()))
    except (UnicodeError, LookupError, TypeError) as e:
        print(type(e).__name__ + ':', e)
        if isinstance(e, UnicodeError):
            print('   ', e.encoding, repr(e.object), e.start, e.end, e.reason)
for data in [b'\xff', b'a\xe2\x82', b'\xe2\x28\xa1', b'\xe2\x82\x28', b'\xed\xa0\x80', b'\xe0\x80',
             b'\xf0\x90', b'\xf4\x90\x80\x80', b'\xc0\xaf', b'\xf8\x88\x80\x80\x80', b'ok\x80']:
    show(lambda: data.decode())
for h in ['strict', 'ignore', 'replace', 'surrogateescape', 'backslashreplace', 'surrogatepass',
          'xmlcharrefreplace', 'no-such-handler']:
    show(lambda: b'a\xffb\xe2\x82c\xed\xa0\x80d'.decode('utf-8', h))
    show(lambda: b'a\xff\xfeb'.decode('ascii', h))
for h in ['strict', 'ignore', 'replace', 'surrogateescape', 'backslashreplace', 'surrogatepass',
          'xmlcharrefreplace', 'no-such-handler']:
    show(lambda: 'a\u00e9\u20ac\U0001f600b'.encode('ascii', h))
    show(lambda: 'a\u00e9\u20ac\U0001f600b'.encode('latin-1', h))
    show(lambda: 'a\ud800\udcffb'.encode('utf-8', h))
show(lambda: 'a\udcff\udc80b'.encode('utf-8', 'surrogateescape'))
show(lambda: 'a\udcff\udc80b'.encode('ascii', 'surrogateescape'))
show(lambda: b'a\x80\xffb'.decode('utf-8', 'surrogateescape').encode('utf-8', 'surrogateescape'))
show(lambda: '\ud83d\ude00'.encode('utf-8', 'surrogatepass').decode('utf-8', 'surrogatepass'))
show(lambda: 'ok'.encode('ascii', 'no-such-handler'))
show(lambda: 'aéé'.encode('ascii'))
