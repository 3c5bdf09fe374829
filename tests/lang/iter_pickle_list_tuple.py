# list and tuple iterators pickle as (iter, (seq,), index), resuming where they were;
# an exhausted one pickles as an empty iterator.
import copy, pickle
for seq in ([1, 2, 3], (1, 2, 3), [], ()):
    it = iter(seq)
    next(it, None)
    print(type(it).__name__, it.__reduce__()[1:], list(pickle.loads(pickle.dumps(it))), list(copy.copy(it)))
    list(it)
    print(it.__reduce__()[1:], list(pickle.loads(pickle.dumps(it))))
it = iter((1, 2, 3))
it.__setstate__(2)
print(list(it))
it = iter((1, 2, 3))
it.__setstate__(-5)
print(list(it))
it = iter([1, 2, 3])
it.__setstate__(10)
print(list(it))
