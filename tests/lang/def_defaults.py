def greet(name, greeting="Hello", punct="!"):
    return greeting + ", " + name + punct


print(greet("Ann"))
print(greet("Bob", "Hi"))
print(greet("Cy", "Hey", "?"))
k = 10


def show(x=k):
    return x


k = 20
print(show(), show(5))


def count(start=0, step=1, n=3):
    return list(range(start, start + step * n, step))


print(count(), count(5), count(0, 10), count(1, 2, 4))
