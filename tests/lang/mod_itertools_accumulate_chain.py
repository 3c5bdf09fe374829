# itertools.accumulate (func, initial) and chain / chain.from_iterable.
import operator
from itertools import accumulate, chain

print(list(accumulate([1, 2, 3, 4, 5])))
print(list(accumulate([1, 2, 3, 4, 5], operator.mul)))
print(list(accumulate([3, 1, 4, 1, 5, 9, 2], max)))
print(list(accumulate([1, 2, 3], initial=100)))
print(list(accumulate([], initial=7)), list(accumulate([])))
print(list(accumulate(['a', 'b', 'c'])))
print(list(accumulate([1, 2, 3], lambda acc, x: acc * 10 + x, initial=None)))
print(list(chain('ab', [1, 2], (), range(3))))
print(list(chain()), list(chain.from_iterable(['xy', [], 'z'])))
def gen():
    print('gen started')
    yield 1
it = chain.from_iterable([gen(), gen()])
print('created')
print(list(it))
def bad():
    yield 1
    raise ValueError('boom')
try:
    print(list(chain(bad(), [2])))
except ValueError as e:
    print('ValueError', e)
