# operator in-place functions, length_hint and _compare_digest.
import operator as op

l = [1]
print(op.iadd(l, [2]), l, op.iconcat(l, (3,)), l)
print(op.isub(5, 3), op.imul(2, 3), op.ifloordiv(7, 2), op.itruediv(7, 2), op.imod(7, 3), op.ipow(2, 5))
print(op.ilshift(1, 3), op.irshift(16, 2), op.iand(6, 3), op.ior(6, 3), op.ixor(6, 3))
s = 'ab'
print(op.iadd(s, 'c'), s)
class Acc:
    def __init__(self): self.v = 0
    def __iadd__(self, o):
        self.v += o
        return self
a = Acc()
print(op.iadd(a, 5) is a, a.v)
print(op.length_hint([1, 2, 3]), op.length_hint(iter(range(10))), op.length_hint(5), op.length_hint(5, 42))
class H:
    def __length_hint__(self): return 7
class Bad:
    def __length_hint__(self): return -1
print(op.length_hint(H()))
try:
    op.length_hint(Bad())
except ValueError as e:
    print(e)
print(op._compare_digest(b'abc', b'abc'), op._compare_digest('abc', 'abd'), op._compare_digest(b'a', bytearray(b'a')))
for bad in [lambda: op._compare_digest(1, 2), lambda: op._compare_digest('é', 'é'), lambda: op._compare_digest(b'a', 'a')]:
    try:
        bad()
    except TypeError as e:
        print(e)
