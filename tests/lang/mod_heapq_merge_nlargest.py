# heapq.merge, nlargest and nsmallest (pure Python on top of _heapq).
import heapq

print(list(heapq.merge([1, 3, 5], [2, 4, 6], [0, 7])))
print(list(heapq.merge(['b', 'd'], ['a', 'c'], key=str.upper, reverse=False)))
print(list(heapq.merge([5, 3, 1], [4, 2], reverse=True)))
data = [5, 1, 8, 3, 9, 2, 7, 4, 6, 0]
print(heapq.nlargest(3, data), heapq.nsmallest(3, data))
print(heapq.nlargest(2, data, key=lambda x: -x), heapq.nsmallest(1, data), heapq.nlargest(0, data))
print(heapq.nsmallest(20, data), heapq.nlargest(3, 'hello'))
