def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)


def build(n):
    if n == 0:
        return []
    return [build(n - 1)]


print(depth(100))
nested = build(100)
count = 0
while nested:
    nested = nested[0]
    count += 1
print(count)
