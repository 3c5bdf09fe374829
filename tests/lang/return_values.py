def nothing():
    pass


def bare():
    return


def early(n):
    if n > 0:
        return "positive"
    print("fell through for", n)


def pair():
    return 1, 2


print(nothing(), bare())
print(early(5))
print(early(-1))
print(pair())
a, b = pair()
print(a + b)


def first_even(xs):
    for x in xs:
        if x % 2 == 0:
            return x
    return -1


print(first_even([1, 3, 4, 6]), first_even([1]))
