# Imaginary literals in source: forms, underscores, constant expressions built from them, and their types.
print(1j, 1J, 0j, 00j, 1.5j, .5j, 5.j, 1e3j, 1E-3J, 1_000j, 1_0.0_1j, 0.0j, 09j, 1e0_1j)
print(type(1j).__name__, 1 + 2j, 1 - 2j, -1j, -(1j), +1j, 3 * 1j, 2j * 2j, (1 + 2j) * (3 + 4j))
print(1j.real, 1j.imag, 2j.conjugate(), (1 + 2j).imag)
x = [1j, 2j, 1j]
print(x, x[0] == x[2], 1j in x)
def f(a=1j, b=-2j):
    return a + b
print(f(), f(1), f.__defaults__)
print(eval('3j + 1'), eval(compile('2j', '<s>', 'eval')))
print(1e400j, -1e400j, 1e-400j)
t = (1j, 2.5j)
print(t, {1j: 'one'}[1j])
