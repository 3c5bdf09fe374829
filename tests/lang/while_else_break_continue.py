i = 0
while i < 10:
    i += 1
    if i % 2 == 0:
        continue
    if i > 7:
        break
    print("odd", i)
else:
    print("never: loop was broken")
print("after break, i =", i)
n = 3
while n > 0:
    print("countdown", n)
    n -= 1
else:
    print("else runs when the condition becomes false")
while False:
    print("not printed")
else:
    print("else of a loop that never ran")
