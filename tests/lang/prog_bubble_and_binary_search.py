def bubble_sort(xs):
    xs = xs[:]
    n = len(xs)
    swaps = 0
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if xs[j] > xs[j + 1]:
                xs[j], xs[j + 1] = xs[j + 1], xs[j]
                swaps += 1
                swapped = True
        if not swapped:
            break
    return xs, swaps


def binary_search(xs, target):
    lo, hi = 0, len(xs) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if xs[mid] == target:
            return mid
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


data = [29, 3, 71, 14, 3, 88, -5, 42, 0, 16]
s, swaps = bubble_sort(data)
print(s, swaps, data[:3])
for t in [42, -5, 88, 7]:
    print(t, binary_search(s, t))
