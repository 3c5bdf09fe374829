# _locale's errors: unknown locales and categories, bad arguments.
import _locale, locale

def t(f, *a):
    try:
        print(f.__name__, ascii(a), '->', ascii(f(*a)))
    except Exception as e:
        print(f.__name__, ascii(a), '!!', type(e).__name__, e)

t(_locale.setlocale, 999)
t(_locale.setlocale, 999, 'C')
t(_locale.setlocale, _locale.LC_ALL, 'xx_YY.NOPE')
t(_locale.setlocale, 'a')
t(_locale.setlocale, 1.5)
t(_locale.setlocale, _locale.LC_ALL, 5)
t(_locale.setlocale)
t(_locale.setlocale, 1, 2, 3)
t(_locale.setlocale, _locale.LC_ALL, 'C\0x')
t(_locale.nl_langinfo, 12345)
t(_locale.nl_langinfo, 'x')
t(_locale.nl_langinfo)
t(_locale.strcoll, 1, 'a')
t(_locale.strcoll, 'a', 1)
t(_locale.strcoll, 'a\0', 'b')
t(_locale.strcoll, 'a')
t(_locale.strxfrm, 'a\0')
t(_locale.strxfrm, 5)
t(_locale.strxfrm)
t(_locale.localeconv, 1)
t(_locale.getencoding, 1)
t(_locale.gettext, 5)
t(_locale.dgettext, 5, 'x')
t(_locale.dcgettext, None, 'x', 'y')
t(_locale.textdomain)
t(_locale.bind_textdomain_codeset, 'x')
try:
    locale.setlocale(locale.LC_ALL, 'xx_YY')
except locale.Error as e:
    print('locale.Error', e)
try:
    locale.setlocale(locale.LC_ALL, ('xx_YY', 'UTF-8'))
except locale.Error as e:
    print('locale.Error', e)
