def outer():
    x = "outer"

    def middle():
        y = "middle"

        def inner():
            return x + "/" + y

        return inner

    return middle


print(outer()()())


def accumulator():
    total = 0
    items = []

    def add(v):
        nonlocal total
        total += v
        items.append(v)
        return total, len(items)

    return add


acc = accumulator()
acc(3)
print(acc(4))


def shadow():
    x = 1

    def f():
        x = 2
        return x

    f()
    return x


print(shadow())
