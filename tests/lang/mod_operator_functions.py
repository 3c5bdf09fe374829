# operator's arithmetic, comparison and sequence functions (from _operator).
import operator as op

print(op.add(1, 2), op.sub(5, 3), op.mul('ab', 2), op.truediv(7, 2), op.floordiv(7, 2), op.mod(7, 3), op.pow(2, 10))
print(op.neg(5), op.pos(-5), op.abs(-3), op.inv(5), op.invert(0), op.lshift(1, 4), op.rshift(256, 2))
print(op.and_(12, 10), op.or_(12, 10), op.xor(12, 10), op.not_(0), op.truth([]), op.index(7))
print(op.lt(1, 2), op.le(2, 2), op.eq('a', 'a'), op.ne(1, 1), op.gt(1, 2), op.ge(3, 2))
print(op.is_(None, None), op.is_not(1, None), op.contains([1, 2], 2), op.countOf([1, 1, 2], 1), op.indexOf('abc', 'c'))
l = [1, 2, 3]
op.setitem(l, 0, 9)
op.delitem(l, 1)
print(l, op.getitem(l, -1), op.getitem('hello', slice(1, 3)))
print(op.concat([1], [2]), op.concat('a', 'b'), op.__add__(1, 1), op.__lt__(1, 2))
print(op.call(max, 3, 7, key=lambda x: -x), op.matmul.__doc__)
for bad in [lambda: op.add(1), lambda: op.neg(), lambda: op.add(1, 2, x=3), lambda: op.concat(1, 2),
            lambda: op.indexOf([1], 2), lambda: op.index(1.5), lambda: op.contains(1, 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
