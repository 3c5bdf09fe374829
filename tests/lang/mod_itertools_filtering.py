# compress, dropwhile, takewhile, filterfalse and starmap, including when predicates are called.
from itertools import compress, dropwhile, takewhile, filterfalse, starmap

print(list(compress('ABCDEF', [1, 0, 1, 0, 1, 1])))
print(list(compress(data=range(10), selectors=[0, 1] * 3)))
def small(x):
    print('  pred', x)
    return x < 5
print(list(dropwhile(small, [1, 4, 6, 4, 1])))
print(list(takewhile(small, [1, 4, 6, 4, 1])))
print(list(filterfalse(lambda x: x % 2, range(10))))
print(list(filterfalse(None, [0, 1, '', 'a', [], [0]])))
print(list(filterfalse(bool, [0, 2, None])))
print(list(starmap(pow, [(2, 5), (3, 2), (10, 3)])))
print(list(starmap(lambda *a: a, [[1, 2], 'xy', ()])))
t = takewhile(lambda x: x < 3, iter([1, 2, 3, 1]))
print(list(t), list(t))
