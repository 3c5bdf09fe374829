for i in range(5):
    pass
print("i after loop:", i)
for ch in "hello":
    last = ch
print(ch, last)
j = "unchanged"
for j in []:
    pass
print(j)
k = 0
while k < 3:
    k += 1
print(k)
