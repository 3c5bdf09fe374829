# << and >>: exact big results, floor semantics for negatives, error cases.
print(1 << 0, 1 << 62, 1 << 63, 1 << 64, 1 << 200)
print(-1 << 62, -1 << 63, 3 << 100, -(3 << 100))
print(1024 >> 3, -1024 >> 3, -1 >> 5, -1 >> 100, 1 >> 100, -7 >> 1, 7 >> 1)
print((1 << 200) >> 199, -(1 << 200) >> 199, ((1 << 200) + 1) >> 1)
print(-((1 << 200) + 1) >> 1, -((1 << 200) + 1) >> 200, -((1 << 200) + 1) >> 201)
print(5 >> 10 ** 30, -5 >> 10 ** 30, 0 << 10 ** 30)
print(True << 3, False >> 1, 2 ** 62 >> 1, (2 ** 62 - 1) << 1)
for a in [12345, -12345, 10 ** 25, -(10 ** 25)]:
    print([a >> n for n in (1, 7, 64, 65, 90)])
    print([(a << n) >> n == a for n in (1, 63, 64, 130)])

def t(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)

t(lambda: 1 << -1)
t(lambda: 1 >> -1)
t(lambda: (10 ** 30) << -(10 ** 30))
t(lambda: 1 << 1.5)
t(lambda: 1.5 << 1)
