a = "foo"
b = "bar"
print(a + b, a * 3, 2 * b, a * 0 == "")
print(a[0], a[-1], (a + b)[2:4])
for ch in "hi!":
    print(ch)
s = ""
for i in range(5):
    s += str(i)
print(s, len(s))
print("abc" < "abd", "Z" < "a", "apple" == "app" + "le")
print("-" * 20)
