s = "  the quick  brown   fox  "
print(s.split())
print("a,b,,c".split(","))
print("a,b,,c".split(",", 1))
print("one two three".split(" ", 1))
print("".split(), "".split(","))
print("line1\nline2\n\nline4".split("\n"))
print("x--y--z".split("--"))
print("-".join(["a", "b", "c"]))
print("".join(["x", "y"]), ", ".join([]))
print(" ".join("abc"))
print("+".join([str(n) for n in range(4)]))
try:
    ", ".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
