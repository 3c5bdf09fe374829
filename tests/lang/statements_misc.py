# comments are ignored
x = 1; y = 2; print(x + y)  # semicolons separate simple statements
if x: pass
total = (1 +
         2 +
         3)
print(total)
items = [
    "a",
    "b",
]
print(items)
long = 1 + \
    2
print(long)


def empty():
    pass


class Empty:
    pass


print(empty(), type(Empty()).__name__)
while False: pass
for _ in range(0): pass
print("done")
