# product, permutations, combinations, combinations_with_replacement: order, sizes, edge cases.
from itertools import product, permutations, combinations, combinations_with_replacement as cwr

print(list(product('ab', range(3))))
print(list(product(range(2), repeat=3)))
print(list(product()), list(product('ab', [])), list(product([1], repeat=0)))
print(list(permutations(range(3))))
print(list(permutations('ABCD', 2)))
print(list(permutations([], 0)), list(permutations('ab', 3)), list(permutations('abc', 0)))
print(list(combinations('ABCD', 2)), list(combinations(range(4), 3)))
print(list(combinations('ab', 0)), list(combinations('ab', 3)))
print(list(cwr('ABC', 2)), list(cwr('', 2)), list(cwr('', 0)))
print(len(list(permutations(range(7)))), len(list(combinations(range(12), 5))), len(list(product(range(5), repeat=4))))
for f, args in [(permutations, ([], -1)), (permutations, ([], 'a')), (combinations, ([], -1)), (cwr, ([],)), (product, ([],))]:
    try:
        f(*args)
        print('ok', f.__name__)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
for kw in [{'repeat': -1}, {'repeat': 'a'}, {'x': 1}, {'repeat': 1, 'x': 1}]:
    try:
        product([1], **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
