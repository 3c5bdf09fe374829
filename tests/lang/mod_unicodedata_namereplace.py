# Names in the codecs: the namereplace handler and \N{...} in unicode-escape data.
import codecs

s = 'a\xe9\u20ac\U0001F600\uac00\u4e00\ud800\x80\U000f0000\U000f0001\U000f0200\U000f01d0\U000f01d5'
print(s.encode('ascii', 'namereplace'))
print(s.encode('latin-1', 'namereplace'))
print(s.encode('cp1252', 'namereplace'))
for enc in ['utf-16-le', 'utf-8']:
    print(enc, '\ud800x'.encode(enc, 'namereplace'))
data = s.encode('ascii', 'namereplace').replace(b'\\ud800', b'')
try:
    print(ascii(data.decode('unicode_escape')))
except UnicodeDecodeError as e:
    print('UnicodeDecodeError', e)
print(ascii(b'\\N{SNOWMAN}\\N{snowman}\\N{HANGUL SYLLABLE GAG}\\N{CJK UNIFIED IDEOGRAPH-4E01}'.decode('unicode_escape')))
for name in [b'hangul syllable gag', b'cjk unified ideograph-4e01', b'LINE FEED', b'LF', b'KEYCAP NUMBER SIGN']:
    try:
        print(name, ascii((b'\\N{' + name + b'}').decode('unicode_escape')))
    except UnicodeDecodeError as e:
        print(name, 'UnicodeDecodeError', e)
