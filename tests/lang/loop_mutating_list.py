items = [1, 2, 3]
for x in items:
    if x < 3:
        items.append(x * 10)
    print("saw", x)
print(items)
queue = [1]
while queue:
    n = queue.pop(0)
    print("process", n)
    if n < 8:
        queue.append(n * 2)
        queue.append(n * 2 + 1)
    if len(queue) > 4:
        break
print(queue)
