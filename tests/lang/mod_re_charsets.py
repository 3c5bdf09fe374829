# Character sets: ranges, negation, escapes inside [], and large Unicode sets.
# gcstress-every: 5
import re

print(re.findall(r'[aeiou]', 'education'), re.findall(r'[^aeiou\s]+', 'hello world'))
print(re.findall(r'[a-cx-z0-2]+', 'abcdxyz0123'))
print(re.findall(r'[-a]', 'a-b'), re.findall(r'[a-]', 'a-b'), re.findall(r'[]a]', ']a['), re.findall(r'[^]a]', ']a['))
print(re.findall(r'[\]\\\-]', r'a]b\c-'), re.findall(r'[.*+?]', 'a.b*c+d?'))
print(re.findall(r'[\d.]+', 'v1.2.3 and 45'), re.findall(r'[\w-]+', 'foo-bar baz_qux'))
print(re.findall(r'[\s\S]', 'a\nb'), re.findall(r'[^\d\s]', 'a 1 b'))
print(re.findall(r'[\x41-\x43]', 'ABCD'), re.findall(r'[\101-\103]', 'ABCD'), re.findall(r'[\u0041\U00000042]', 'ABC'))
print(re.findall(r'[\t\n]', 'a\tb\nc'), re.findall(r'[\b]', 'a\bb'))
print(re.findall(r'[ä-ü]+', 'aäößüz'), re.findall(r'[^ä-ü]+', 'aäößüz'))
# Sets with characters beyond Latin-1 use bitmaps over 256-character blocks.
big = r'[\u0100-\u0180\u0300-\u036f\u4e00-\u4e10ă\U00010000-\U00010010]+'
print(re.findall(big, 'aĀăŻ̀x一丁b\U00010005c'))
print(re.findall(r'[^\u0100-\u0180\u0300-\u036fx]+', 'aĀăŻ̀x一丁b'))
print(re.findall(r'(?i)[\u0100-\u0110\u0400-\u0410]+', 'āĀЀѐбБ'))
print(re.findall(r'[\u0400-\u04ff\u0500-\u052f\u2000-\u206f]+', 'Привет — мир'))
print(re.findall(r'[^\W\d_]+', 'ab1_c2dé'), re.findall(r'[\W\d]+', 'ab1_,c2'))
print(re.findall(r'(?i)[^A-Z]+', 'abcXYZ123'), re.findall(r'(?i)[A-Z\d]+', 'ab1 ?'))
print(re.findall(rb'[\x00-\x1f\x7f-\xff]', b'a\x01b\x80\xff'), re.findall(rb'[^\x00-\x7f]+', b'ab\x80\x90c'))
print(re.findall(r'[&&]', '&'), re.findall(r'[~~]', '~'))
