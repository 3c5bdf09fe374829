# reversed() over a sequence pickles as (reversed, (seq,), index) and resumes there.
import array, copy, pickle
for seq in ((1, 2, 3), "abc", array.array("b", [1, 2, 3])):
    r = reversed(seq)
    next(r)
    print(type(r).__name__, r.__reduce__()[1:], list(pickle.loads(pickle.dumps(r))), list(copy.copy(r)))
    list(r)
    print(r.__reduce__()[1:], list(pickle.loads(pickle.dumps(r))))
r = reversed((1, 2, 3))
r.__setstate__(0)
print(list(r))
r = reversed((1, 2, 3))
r.__setstate__(99)
print(list(r))
r = reversed((1, 2, 3))
r.__setstate__(-7)
print(list(r))
# A list's reverse iterator: (reversed, (list,), index), iter([]) once exhausted.
r = reversed([1, 2, 3])
next(r)
print(type(r).__name__, r.__reduce__()[0] is reversed, r.__reduce__()[1:], list(pickle.loads(pickle.dumps(r))))
list(r)
print(r.__reduce__()[0] is iter, r.__reduce__()[1:], list(pickle.loads(pickle.dumps(r))))
for i in (-5, 0, 1, 99):
    r = reversed([1, 2, 3])
    r.__setstate__(i)
    print(i, list(r))
