d = {"apple": 3, "pear": 0}
print(d.get("apple"), d.get("kiwi"), d.get("kiwi", "none"), d.get("pear", 5))
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.keys(), d.values(), d.items())
print(d.pop("apple"), d)
print(d.pop("missing", "default"))
d.update({"fig": 1, "pear": 7})
print(d)
d.update(plum=2)
print(d)
print(d.setdefault("fig", 100), d.setdefault("date", 4), d)
counts = {}
for w in ["a", "b", "a", "c", "a"]:
    counts[w] = counts.get(w, 0) + 1
print(counts)
groups = {}
for word in ["ant", "bee", "asp", "bat", "cow"]:
    groups.setdefault(word[0], []).append(word)
print(groups)
print(len(d), "fig" in d, "zzz" in d, 1 in d.values())
try:
    d.pop("nothing")
except KeyError as e:
    print("KeyError:", e)
