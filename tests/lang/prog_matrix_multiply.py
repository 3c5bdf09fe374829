def matmul(a, b):
    rows, inner, cols = len(a), len(b), len(b[0])
    result = [[0] * cols for _ in range(rows)]
    for i in range(rows):
        for j in range(cols):
            s = 0
            for k in range(inner):
                s += a[i][k] * b[k][j]
            result[i][j] = s
    return result


def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]


def show(m):
    for row in m:
        print(" ".join([str(v) for v in row]))


a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(matmul(a, b))
print(matmul(a, identity(3)) == a)
fibm = [[1, 1], [1, 0]]
p = identity(2)
for _ in range(90):
    p = matmul(p, fibm)
print(p[0][1])
print(matmul([[0.5, 0.25]], [[2.0], [4.0]]))
