# itertools.islice: start/stop/step forms, consumption of the source, argument errors.
from itertools import islice, count

print(list(islice('ABCDEFG', 2)), list(islice('ABCDEFG', 2, 4)))
print(list(islice('ABCDEFG', 2, None)), list(islice('ABCDEFG', 0, None, 2)))
print(list(islice(range(20), 1, 15, 4)), list(islice(count(), 3, 8)))
it = iter(range(10))
print(list(islice(it, 3)), next(it))
it = iter(range(10))
print(list(islice(it, 2, 4)), list(it))
print(list(islice([], None)), list(islice('abc', None, None, None)))
for args in [('a',), (-1,), (1, -1), (-1, 2), (1, 2, 0), (1, 2, -1), (2 ** 70,), (1, 2, 3, 4)]:
    try:
        islice('abc', *args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    islice('abc', 1, x=2)
except TypeError as e:
    print(e)
