# sort() is stable, for key= and for reverse=True.
data = [("b", 2), ("a", 2), ("c", 1), ("a", 1), ("b", 1), ("c", 2), ("a", 3)]
print(sorted(data, key=lambda p: p[0]))
print(sorted(data, key=lambda p: p[1]))
print(sorted(data, key=lambda p: p[1], reverse=True))
print(sorted(data, key=lambda p: p[0], reverse=True))
a = list(data)
a.sort(key=lambda p: p[1])
a.sort(key=lambda p: p[0])
print(a)
words = ["pear", "Fig", "apple", "kiwi", "Date", "plum", "fig", "cherry", "lime"]
print(sorted(words, key=len))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=str.lower))
print(sorted(words))
print(sorted(words, reverse=True))
# Many equal keys: order of equal elements must be the original order.
items = [(i % 7, i) for i in range(200)]
s = sorted(items, key=lambda t: t[0])
print(all(s[i][1] < s[i + 1][1] for i in range(len(s) - 1) if s[i][0] == s[i + 1][0]))
r = sorted(items, key=lambda t: t[0], reverse=True)
print(all(r[i][1] < r[i + 1][1] for i in range(len(r) - 1) if r[i][0] == r[i + 1][0]))
print([t[1] for t in r[:10]])
