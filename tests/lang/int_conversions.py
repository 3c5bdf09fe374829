print(int("42"))
print(int("  -17  "))
print(int("+8"))
print(int("1_000"))
print(int(3.99), int(-3.99))
print(int(True))
print(int("ff", 16), int("777", 8), int("101", 2))
print(int("123456789012345678901234567890"))
print(str(-255), str(10 ** 20))
print(int(1e20))
try:
    int("12a")
except ValueError as e:
    print("ValueError:", e)
try:
    int("")
except ValueError as e:
    print("ValueError:", e)
