print([x * x for x in range(8)])
print([x for x in range(20) if x % 3 == 0])
print([c.upper() for c in "hello" if c != "l"])
print([(i, s) for i, s in enumerate(["a", "b"])])
print([x if x % 2 else -x for x in range(6)])
print([len(w) for w in "the quick brown fox".split()])
x = "outer"
print([x for x in "ab"], x)
print([n for n in range(30) if n % 2 if n % 3])
