# complex == and != with ints, floats and complexes; ordering raises TypeError; hashes agree with equal ints and floats.
def show(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)

print(1 + 0j == 1, 1 == 1 + 0j, 1.5 + 0j == 1.5, 1 + 1j == 1, 1j == 1j, 1j != 1j, 1j != 2j, 0j == 0, -0j == 0.0)
print(complex(2 ** 53 + 1) == 2 ** 53 + 1, complex(2 ** 53) == 2 ** 53, complex(2 ** 53 + 1, 0) == float(2 ** 53))
print(1j == None, 1j == 'a', 1j == [1j], 1j in [1j], (1 + 0j) in {1}, 1 in {1 + 0j}, True == 1 + 0j)
nan = float('nan')
z = complex(nan, 0)
print(z == z, z != z, z in [z], complex(0, nan) == complex(0, nan))
for op in ['<', '<=', '>', '>=']:
    show(op, lambda: eval('1j %s 2j' % op))
show("< int", lambda: 1j < 1)
show("int <", lambda: 1 < 1j)
show("sort", lambda: sorted([1j, 2j]))
show("max", lambda: max(1j, 2j))
print(hash(1j), hash(1 + 0j) == hash(1), hash(1.5 + 0j) == hash(1.5), hash(complex(0.5, 1.5)), hash(-1 + 0j), hash(complex(0, -1)))
print(hash(complex(float('inf'), 1)), hash(complex(1, float('-inf'))), hash(complex(2 ** 61, 3)), hash(complex(1e300, -1e-300)))
print({1: 'int', 1.0: 'float', 1 + 0j: 'complex'}, {1j: 'a', 2j: 'b'}[1j], len({0j, 0, 0.0, -0j, False}))
print(hash(z) == hash(z), hash(complex(0.0, -0.0)) == hash(0j))
