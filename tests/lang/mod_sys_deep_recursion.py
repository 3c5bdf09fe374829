# sys.setrecursionlimit(120000): 100,000-deep Python recursion works; past the limit RecursionError
import sys
sys.setrecursionlimit(120000)

def down(n):
    return 0 if n == 0 else 1 + down(n - 1)

print(down(100000))

def forever(n):
    return forever(n + 1)
try:
    forever(0)
except RecursionError as e:
    print('RecursionError', e)
print(sys.getrecursionlimit())
