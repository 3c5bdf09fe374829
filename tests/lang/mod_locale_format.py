# locale.py over _locale in the C locale: formatting, parsing, normalize and aliases.
import locale

locale.setlocale(locale.LC_ALL, 'C')
print(locale.format_string('%d|%.2f|%s', (1234567, 1234.5, 'x'), grouping=True))
print(locale.format_string('%(a)08.3f', {'a': -3.14159}))
print(locale.str(3.5), locale.str(1e100), locale.atof('1234.5'), locale.atoi('-42'), locale.delocalize('1,234.5'))
print(locale.localize('1234.5', grouping=True))
try:
    locale.currency(1.5)
except ValueError as e:
    print('ValueError', e)
for name in ['en_US', 'de_DE.utf8', 'C', 'POSIX', 'fr_FR@euro', 'ja_JP.eucJP', 'no_NO', 'sr_RS@latin', 'x']:
    print(name, locale.normalize(name))
print(locale.getlocale(locale.LC_NUMERIC), locale.getlocale(locale.LC_TIME))
try:
    locale.getlocale(locale.LC_ALL)
except TypeError as e:
    print('TypeError', e)
print(locale._parse_localename('en_US.UTF-8'), locale._build_localename(('de_DE', 'ISO8859-1')))
print(locale.setlocale(locale.LC_NUMERIC, ('C', None)) if False else locale.setlocale(locale.LC_NUMERIC, 'C'))
print(locale.nl_langinfo(locale.RADIXCHAR), locale.CHAR_MAX, sorted(locale.locale_alias)[:3])
print(locale.getpreferredencoding(False).upper() in ('UTF-8', 'ANSI_X3.4-1968'))
