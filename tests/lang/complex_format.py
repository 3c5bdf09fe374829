# format(complex, spec): repr-like default with parentheses, e/f/g/n types, sign and grouping per part, padding of the whole, errors.
def show(z, spec):
    try:
        print(repr(spec), repr(format(z, spec)))
    except Exception as e:
        print(repr(spec), type(e).__name__, e)

for spec in ['', '10', '<20', '>20', '^20', '*^20', '+', '-', ' ', '.3', '.0', '#', '#.0', 'e', '.2e', 'E', 'f', '.1f',
             'F', 'g', '.3g', 'G', 'n', ',', '_', ',.2f', '_.3e', 'z', 'z.1f', '#g', '+.2f', ' .2f', '020', '0', '=10',
             '%', 'd', 'x', 's', 'r', 'a', '.', '1.2.3', '\u00e9<12', '>+15.4e']:
    show(1.5 + 2j, spec)
for z in [1j, -1j, 0j, -0j, complex(-0.0, 0), complex(1e20, -3.5), complex(1234567.891, -7654321.123), complex(float('nan'), float('-inf'))]:
    print(format(z), format(z, '.2'), format(z, 'f'), format(z, ',g'), format(z, '+g'), format(z, '^25'), format(z, 'z.0f'))
print('{:>12}|{:<12}|{:^12.1f}|{!r:>12}'.format(1 + 2j, 3j, -1.25 - 1.25j, 2j))
print(f'{1+2j:.3f} {3j:*>8} {complex(1, -1):e}')
show(1j, 1)
