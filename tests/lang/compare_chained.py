x = 5
print(1 < x < 10)
print(1 < x > 10)
print(1 < 2 < 3 < 4)
print(1 < 3 < 2)
print(x == 5 == 5.0)
print(0 <= x <= 5 != 6)
def noisy(v):
    print("eval", v)
    return v
print(noisy(3) < noisy(2) < noisy(1))
print(noisy(1) < noisy(2) < noisy(3))
