def fact(n):
    r = 1
    i = 2
    while i <= n:
        r *= i
        i += 1
    return r


print(fact(20))
print(fact(30))
print(fact(52))
f = fact(60)
print(f // fact(58))
print(len(str(fact(100))))
total = 0
for ch in str(fact(100)):
    total += int(ch)
print(total)
