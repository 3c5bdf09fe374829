def outer(n):
    def helper(k):
        return k * n

    results = []
    for i in range(3):
        results.append(helper(i))
    return results


print(outer(10))


def make_pair():
    value = [0]

    def get():
        return value[0]

    def set_(v):
        value[0] = v

    return get, set_


g, s = make_pair()
s(42)
print(g())
