name = "world"
n = 7
items = [1, 2, 3]
print(f"hello {name}")
print(f"{n} squared is {n * n}")
print(f"{n + 1} {n - 1} {n // 2}")
print(f"list: {items}, len: {len(items)}, first: {items[0]}")
print(f"{name.upper()}!")
print(f"{name!r} {'nested quotes'}")
print(f"{{braces}} {n}")
print(f"{n > 5} {None}")
d = {"k": "v"}
print(f"{d['k']}")
print(f"pi ~ {22 / 7:.4f}, padded [{n:3}] [{name:>8}]")
x = 3.0
print(f"{x} {x * 2} {1 / 3}")
print(F"upper-case prefix {n}")
