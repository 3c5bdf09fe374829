print(float("3.5"))
print(float("  -1e3  "))
print(float("1_000.5"))
print(float(7), float(-0))
print(float(2 ** 60))
print(int(2.5e10))
print(str(1.0), str(1e100), str(-1.5e-10))
print(float(".5"), float("5."))
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
