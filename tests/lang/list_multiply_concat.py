row = [0] * 3
grid = [row] * 2
grid[0][0] = 1
print(grid)
grid2 = [[0] * 3 for _ in range(2)]
grid2[0][0] = 1
print(grid2)
print([1, 2] + [3], [1] * 0, [] * 5, [1, 2] * -1)
a = [1]
a = a + a
a = a * 3
print(a, len(a))
print((1, 2) + (3,), (0,) * 3, "ab" * 3)
