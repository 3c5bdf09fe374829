# insert, pop, count, index, copy, clear, reverse, extend in corner cases.
a = [1, 2, 3]
a.insert(0, "start")
a.insert(100, "end")
a.insert(-1, "before-end")
a.insert(-100, "very-start")
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
print([1, 2, 1, 1].count(1), [].count(0), [[1], [1]].count([1]))
b = [3, 1, 2]
c = b.copy()
b.reverse()
print(b, c, b is c)
c.clear()
print(c, b)
b.extend(b)
print(b)
b.extend(range(3))
b.extend("")
print(b)
print(a.append(9), a)
print(list.__len__([1, 2]), [1, 2].__contains__(2))
x = [1, 2, 3]
print(x.__reversed__().__next__(), list(reversed(x)))
class Eq:
    def __eq__(self, other):
        return True
print([1, 2, 3].index(Eq()), [5, 6].count(Eq()))
y = [1, 2, 3]
y.remove(2)
print(y)
print([].__sizeof__() <= [1, 2, 3].__sizeof__())
