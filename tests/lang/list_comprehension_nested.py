print([(i, j) for i in range(3) for j in range(3) if i < j])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[i] for row in matrix] for i in range(3)])
print([v for row in matrix for v in row if v % 2 == 0])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
words = ["ab", "cde"]
print([ch for w in words for ch in w])
print(sum([sum(row) for row in matrix]))
