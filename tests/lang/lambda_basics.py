square = lambda x: x * x
print(square(9))
print((lambda a, b=10: a + b)(1), (lambda a, b=10: a + b)(1, 2))
print((lambda: "no args")())
words = ["banana", "kiwi", "apple", "fig"]
print(sorted(words, key=lambda w: len(w)))
print(sorted(words, key=lambda w: w[-1]))
pairs = [(1, "b"), (2, "a"), (0, "c")]
print(sorted(pairs, key=lambda p: p[1]))
print(max(pairs, key=lambda p: p[0]))
make_adder = lambda n: lambda x: x + n
print(make_adder(3)(4))
