# Argument errors of the itertools constructors, in CPython's words.
import itertools as it

cases = [
    lambda: it.count('a'), lambda: it.count(1, 2, 3), lambda: it.count(x=1),
    lambda: it.cycle(), lambda: it.cycle(1), lambda: it.cycle([1], x=1),
    lambda: it.repeat(), lambda: it.repeat(1, 'a'), lambda: it.repeat(1, 2, 3),
    lambda: it.accumulate(), lambda: it.accumulate([1], None, None),
    lambda: it.chain(x=1), lambda: list(it.chain(1)), lambda: it.chain.from_iterable(),
    lambda: it.compress([1]), lambda: it.dropwhile(len), lambda: it.takewhile(len, 5),
    lambda: it.groupby(), lambda: it.groupby([], key=1, x=2), lambda: it.pairwise(),
    lambda: it.tee(), lambda: it.tee([], 1, 2), lambda: it.tee([], n=2),
    lambda: it.combinations([]), lambda: it.permutations([], 1, 2),
]
for f in cases:
    try:
        f()
        print('no error')
    except Exception as e:
        print(type(e).__name__, e)
