# complex(str): the accepted forms (with parentheses, signs, j alone, inf/nan, underscores, Unicode digits) and malformed strings.
def show(s):
    try:
        print(repr(s), '->', repr(complex(s)))
    except Exception as e:
        print(repr(s), '!!', type(e).__name__, e)

for s in ['1', '1j', '1+2j', '1-2j', '-1.5e3+2.25E-1J', '  ( 1+2j )  ', '(1)', '(j)', 'j', '+j', '-j', 'J',
          '1+j', '1-J', '.5j', '5.j', '1e3j', '1E+3-1e-3j', 'infj', '-infj', 'inf+nanj', 'nan-infj', 'Infinity',
          '-INFINITYj', 'NaN', '1e500', '-1e500j', '1e-400', '0j', '-0j', '-0-0j', '1_000', '1_0+2_0j', '1.5_5j',
          '\u0661\u0662+\u0663j', '\u20031j\u2003', '\t1+1j\n', '(1+2j)  ',
          '', ' ', '()', '(', ')', '(1', '1)', '1 +2j', '1+ 2j', '1+2', '1+2jj', 'j1', '1e', '1e+j', '1..0',
          '1_', '_1', '1__0', '1_j', '1._5', '+', '-', '++1', '1+-2j', 'a', '1\x00', 'nanj+1', '0x10', '1j+1',
          '((1))', '1ej', '--1j']:
    show(s)
class S(str):
    pass
print(complex(S('1+1j')))
