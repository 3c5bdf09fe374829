# hello.py - a small program that exercises the basics: classes, closures, comprehensions, big ints.
class Greeter:
    def __init__(self, name):
        self.name = name

    def greet(self, punctuation="!"):
        return f"Hello, {self.name}{punctuation}"


def counter():
    count = 0
    def step():
        nonlocal count
        count += 1
        return count
    return step


g = Greeter("Taipan")
print(g.greet())
tick = counter()
print([tick() for _ in range(3)])
print({n: n * n for n in range(5)})
print(2 ** 100, 7 // -2, 0.1 + 0.2)
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught:", e)
