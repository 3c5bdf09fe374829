# A 100,000-deep Python recursion works once the limit is raised: Python
# calls do not use the C stack.
# gcstress-every: 50
import sys
sys.setrecursionlimit(200000)
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(100000))
def walk(node, acc):
    if node is None:
        return acc
    return walk(node[1], acc + node[0])
chain = None
for i in range(50000):
    chain = (i, chain)
print(walk(chain, 0))
