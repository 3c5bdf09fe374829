# Unicode character classes: \w \d \s and ranges over the whole of Unicode.
import re

samples = ['a', 'Z', '_', '5', '٣', '߀', '²', '½', 'Ⅻ', 'é', 'ß', 'Ω', 'я', '日', 'ー', 'ـ',
           '\u0301', '\u200b', ' ', '\t', '\x1c', '\x85', '\xa0', '\u2028', '\u3000', '\ufeff',
           '-', '€', '😀', '𝟘', '𐐀', '\U000e0001']
for ch in samples:
    flags = []
    for cls in [r'\w', r'\d', r'\s', r'\W', r'\D', r'\S', r'.', r'[^\W\d]', r'(?a)\w', r'(?a)\s']:
        flags.append('1' if re.fullmatch(cls, ch) else '0')
    print('%-10r' % ch, ''.join(flags))
print(re.findall(r'[α-ω]+', 'Καλημέρα κόσμε'))
print(re.findall(r'[Ѐ-ӿ]+', 'Привет, мир'))
print(re.findall(r'[\u4e00-\u9fff]+', '漢字とかなカナ'))
print(re.findall(r'[\U0001F600-\U0001F64F]', 'hi 😀😃 ok'))
print(re.findall(r'[^\x00-\x7f]+', 'ascii ünï 日本 end'))
print(re.findall(r'[\u0100-\u017f\u0370-\u03ff]+', 'Āāλμ xyz Ωł'))
print(re.sub(r'\s+', ' ', 'a\u2003b\u3000\u3000c\x85d'))
print(re.findall(r'\d', '0٠۰߀०০੦૦୦௦౦೦൦෦๐໐༠၀႐០᠐᥆᧐'))
