print(list(range(5)))
print(list(range(2, 10, 3)))
print(list(range(10, 0, -2)))
print(list(range(5, 5)), list(range(5, 0)))
print(list(range(-3, 3)))
print(len(range(0, 100, 7)), len(range(10, 0, -3)))
print(range(3), range(1, 10, 2))
print(range(10)[3], range(10)[-1], range(0, 20, 5)[2])
total = 0
for i in range(1, 101):
    total += i
print(total)
for i in range(3):
    print("i =", i)
