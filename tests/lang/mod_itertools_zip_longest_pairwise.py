# itertools.zip_longest (fillvalue, exhaustion order) and pairwise.
from itertools import zip_longest, pairwise

print(list(zip_longest('ABCD', 'xy', fillvalue='-')))
print(list(zip_longest([1, 2], [3], [4, 5, 6])))
print(list(zip_longest()), list(zip_longest([], [])))
print(list(zip_longest(range(3))))
try:
    zip_longest([], fill=1)
except TypeError as e:
    print(e)
print(list(pairwise('ABCDE')), list(pairwise('A')), list(pairwise([])))
print(list(pairwise(range(4))))
def noisy():
    for i in range(3):
        print('  yield', i)
        yield i
print(list(pairwise(noisy())))
