# binascii crc32, crc_hqx, uuencode and quoted-printable.
import binascii as b

print(b.crc32(b'hello'), b.crc32(b'hello', 12345), b.crc32(b'', 2 ** 40), b.crc32(b'x', -1), b.crc32(b'world', b.crc32(b'hello ')))
print(b.crc_hqx(b'hello', 0), b.crc_hqx(b'hello', 0xffff), b.crc_hqx(b'', 2 ** 20), b.crc_hqx(b'123456789', 0))
u = b.b2a_uu(b'hello')
print(u, b.b2a_uu(b'hello', backtick=True), b.b2a_uu(b''), b.b2a_uu(b'', backtick=True), b.a2b_uu(u))
print(b.a2b_uu(b''), b.a2b_uu(b' \n'), b.a2b_uu(b'#86)C\n'))
for bad in [lambda: b.b2a_uu(b'x' * 46), lambda: b.a2b_uu(b'!!!!!\n'), lambda: b.a2b_uu(b'!\x01\n'), lambda: b.crc_hqx(b'x')]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
text = b'Hello world   \nThis = a line with trailing tab\t\r\nAnd a very long line ' + b'x' * 100 + b' end.\n.\nlast .'
print(b.b2a_qp(text))
print(b.b2a_qp(text, header=True))
print(b.b2a_qp(b'a\xffb c', quotetabs=True), b.b2a_qp(b'a\r\nb', istext=False), b.a2b_qp(b.b2a_qp(text)) == text)
print(b.a2b_qp(b'a=3Db=\nc'), b.a2b_qp(b'a_b', header=True), b.a2b_qp(b'=4'), b.a2b_qp('a=41=='), b.a2b_qp(b'x=\r\ny'))
