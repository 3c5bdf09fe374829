def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    else:
        return "large"


for n in (-5, 0, 3, 10, 99):
    print(n, classify(n))
x = 7
if x > 5:
    if x % 2:
        print("odd and big")
    else:
        print("even and big")
if x: print("one-line if")
y = "yes" if x > 3 else "no"
print(y)
print("a" if 0 else "b" if 0 else "c")
