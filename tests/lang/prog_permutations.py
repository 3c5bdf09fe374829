def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    result = []
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            result.append([items[i]] + p)
    return result


for p in permutations([1, 2, 3]):
    print(p)
print(len(permutations(list("abcde"))))
words = ["".join(p) for p in permutations(list("abc"))]
print(words)


def subsets(items):
    if not items:
        return [[]]
    rest = subsets(items[1:])
    return rest + [[items[0]] + s for s in rest]


print(sorted(subsets([1, 2, 3])))
