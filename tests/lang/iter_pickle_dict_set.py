# dict and set iterators (forward and reversed) pickle as (iter, (list of what
# is left,)); reducing one does not move it.
import pickle
d = {"a": 1, "b": 2, "c": 3}
for make in (lambda: iter(d), lambda: iter(d.values()), lambda: iter(d.items()),
             lambda: reversed(d), lambda: reversed(d.values()), lambda: reversed(d.items())):
    it = make()
    next(it)
    r = it.__reduce__()
    print(type(it).__name__, r[0] is iter, r[1])
    print(list(pickle.loads(pickle.dumps(it))), list(it), it.__reduce__()[1])
it = iter({5, 6, 7})
first = next(it)
rest = it.__reduce__()[1][0]
print(sorted(rest + [first]), sorted(pickle.loads(pickle.dumps(it))), sorted(it), it.__reduce__()[1])
# The views name their dict.
print(d.keys().mapping, d.items().mapping["b"], type(d.values().mapping).__name__)
try:
    d.keys().mapping["z"] = 1
except TypeError as e:
    print("TypeError", e)
