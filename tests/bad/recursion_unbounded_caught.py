def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("caught RecursionError")
print("interpreter still usable:", sum([1, 2, 3]))
