# complex arithmetic: + - * / with ints, floats and complexes in either order, signs of zeros, infinities, division by zero.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

a, b = 3 + 4j, 1 - 2j
print(a + b, a - b, a * b, a / b, -a, +a, abs(a), abs(-b))
print(a + 1, 1 + a, a - 2.5, 2.5 - a, a * 2, 2 * a, a / 2, 2 / a, a * True, True + a)
print(1j * 1j, 1j / 1j, (1 + 1j) / (1 - 1j), 1 / (1 + 1j), (1e308 + 1e308j) / (1e308 + 1e308j))
print(complex(1e300, 1e300) * complex(1e300, 1e300), complex(1e-300, 1e-300) / complex(1e300, 1e300))
inf, nan = float('inf'), float('nan')
print(complex(inf, 0) * 2, complex(inf, 1) * 1j, complex(nan, 1) + 1, 1 / complex(inf, inf), complex(1, 2) / complex(inf, nan))
print(0j + 0j, -0j + 0j, (-0j) - 0j, 0j * -1, -0j * -0.0, complex(-0.0, 0) + 0)
x = 1 + 1j
x += 2
x *= 1j
x -= 1.5
x /= 2
print(x)
show("div zero int", lambda: 1j / 0)
show("div zero float", lambda: 1j / 0.0)
show("div zero complex", lambda: 1 / 0j)
show("div -0", lambda: (1 + 1j) / complex(-0.0, -0.0))
show("int div complex zero", lambda: 5 / complex(0, 0))
show("huge int", lambda: 1j + 2 ** 2000)
show("huge int right", lambda: 2 ** 2000 * 1j)
show("str", lambda: 1j + 'a')
show("list", lambda: [1] * 1j)
show("none", lambda: None - 1j)
print(sum([1j, 2, 3.5, 0.5j]), sum([], 0j), abs(complex(3e200, 4e200)))
show("abs overflow", lambda: abs(complex(1.7e308, 1.7e308)))
print(abs(complex(inf, nan)), abs(complex(nan, -inf)), abs(complex(nan, 1)))
