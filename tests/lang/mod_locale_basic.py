# _locale under the C locale: setlocale, localeconv, nl_langinfo, strcoll, strxfrm, getencoding.
import _locale, locale

print(_locale.setlocale(_locale.LC_ALL, 'C'))
print(_locale.setlocale(_locale.LC_NUMERIC), _locale.setlocale(_locale.LC_CTYPE))
print(locale.setlocale(locale.LC_COLLATE, 'POSIX'), locale.setlocale(locale.LC_COLLATE, 'C'))
conv = _locale.localeconv()
print(list(conv))
print(conv)
print(_locale.CHAR_MAX, _locale.LC_CTYPE, _locale.LC_NUMERIC, _locale.LC_TIME, _locale.LC_COLLATE,
      _locale.LC_MONETARY, _locale.LC_MESSAGES, _locale.LC_ALL)
names = sorted(n for n in dir(_locale) if n.isupper() and n not in ('CHAR_MAX',) and not n.startswith('LC_'))
print(len(names), names[:5])
for n in ['CODESET', 'RADIXCHAR', 'THOUSEP', 'D_T_FMT', 'D_FMT', 'T_FMT', 'T_FMT_AMPM', 'AM_STR', 'PM_STR',
          'DAY_1', 'DAY_7', 'ABDAY_1', 'MON_1', 'MON_12', 'ABMON_5', 'YESEXPR', 'NOEXPR', 'ERA', 'ALT_DIGITS',
          'CRNCYSTR', '_DATE_FMT']:
    print(n, repr(_locale.nl_langinfo(getattr(_locale, n))))
words = ['b', 'A', 'a', 'B', '_', '1', 'ab', 'a b', '\xe9', 'z']
print(sorted(words, key=_locale.strxfrm))
print(sorted(words, key=locale.cmp_to_key(_locale.strcoll)) if hasattr(locale, 'cmp_to_key') else '')
print(_locale.strcoll('a', 'b') < 0, _locale.strcoll('b', 'a') > 0, _locale.strcoll('x', 'x'))
print(repr(_locale.strxfrm('abc\xe9')), _locale.getencoding() in ('ANSI_X3.4-1968', 'UTF-8'))
print(issubclass(_locale.Error, Exception), _locale.Error.__module__, _locale.Error.__name__, locale.Error is _locale.Error)
print(_locale.gettext('hello'), _locale.dgettext(None, 'x'), _locale.dcgettext(None, 'y', _locale.LC_MESSAGES))
