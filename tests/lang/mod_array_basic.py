# array.array construction: every typecode, ranges and overflow messages, initializers, subclasses.
# gcstress-every: 5
import array, sys
from array import array as A
def show(f):
    try: print('ok', repr(f()))
    except Exception as e: print(type(e).__name__, e)
print(array.typecodes, array.ArrayType is A, A.__module__, A.__name__, sorted(n for n in dir(array) if not n.startswith('__')))
for tc in array.typecodes:
    a = A(tc)
    print(tc, a.itemsize, a, a.typecode)
for tc, lo, hi in [('b', -128, 127), ('B', 0, 255), ('h', -2**15, 2**15-1), ('H', 0, 2**16-1), ('i', -2**31, 2**31-1),
                   ('I', 0, 2**32-1), ('l', -2**63, 2**63-1), ('L', 0, 2**64-1), ('q', -2**63, 2**63-1), ('Q', 0, 2**64-1)]:
    print(tc, A(tc, [lo, hi]))
    show(lambda: A(tc, [lo - 1]))
    show(lambda: A(tc, [hi + 1]))
    show(lambda: A(tc, [1.5]))
    show(lambda: A(tc, ['x']))
    show(lambda: A(tc, [True]))
    class I:
        def __index__(self): return 7
    show(lambda: A(tc, [I()]))
for tc in 'fd':
    print(A(tc, [1, 2.5, -0.0, float('inf'), True, 10**20]))
    show(lambda: A(tc, ['x']))
    show(lambda: A(tc, [10**400]))
    show(lambda: A(tc, [None]))
    class F:
        def __float__(self): return 0.25
    show(lambda: A(tc, [F()]))
print(A('f', [0.1, 1e39, 3.4028235e38]))
show(lambda: A('u', 'héllo😀'))
show(lambda: A('u', ['a', 'b']))
show(lambda: A('u', ['ab']))
show(lambda: A('u', [1]))
show(lambda: A('i', 'abc'))
show(lambda: A('b', 'abc'))
show(lambda: A('x'))
show(lambda: A('ii'))
show(lambda: A(1))
show(lambda: A())
show(lambda: A('i', [1], 2))
show(lambda: A('i', x=1))
show(lambda: A(typecode='i'))
show(lambda: A('i', b'\x01\x00\x00\x00\x02\x00\x00\x00'))
show(lambda: A('i', b'\x01\x00\x00'))
show(lambda: A('i', bytearray(b'\x01\x00\x00\x00')))
show(lambda: A('b', A('i', [1, 2, 300])))
show(lambda: A('i', A('b', [1, 2])))
show(lambda: A('u', A('u', 'ab')))
show(lambda: A('i', A('u', 'ab')))
show(lambda: A('u', A('i', [97])))
show(lambda: A('d', A('i', [1, 2])))
show(lambda: A('i', A('d', [1.5])))
show(lambda: A('i', range(5)))
show(lambda: A('i', (x * x for x in range(4))))
show(lambda: A('i', 5))
show(lambda: A('i', memoryview(b'\x01\x00\x00\x00')))
class Sub(A):
    pass
s = Sub('i', [1, 2])
print(s, type(s).__name__, s + s, type(s + s).__name__, type(s[:1]).__name__, s * 2)
class Sub2(A):
    def __init__(self, tc, init=(), extra=None):
        self.extra = extra
s2 = Sub2('d', [1], extra=5)
print(s2, s2.extra)
show(lambda: Sub('i', [1], 3))

# which check catches an out-of-range value first
for tc, v in [('b', 40000), ('b', -40000), ('b', 200), ('H', 2**31), ('H', -2**31 - 1), ('H', 70000), ('h', 2**31),
              ('i', 2**40), ('I', 2**40), ('I', 2**64), ('L', 2**64), ('Q', 2**64), ('q', 2**63), ('q', -2**63 - 1)]:
    show(lambda: A(tc, [v]))
import enum
class E(enum.IntEnum):
    X = 3
class MyInt(int): pass
for tc in 'bBhHiIlLqQfd':
    show(lambda: A(tc, [E.X, MyInt(4), True, False]))
show(lambda: A('d', [MyInt(2**80)]))
show(lambda: A('Q', [2**64 - 1, 2**63]).tolist())
show(lambda: A('q', [-2**63, 2**62, -2**62 - 1]).tolist())
show(lambda: A('L', [2**63]).tolist())
