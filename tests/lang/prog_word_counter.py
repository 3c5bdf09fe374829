text = """It was the best of times, it was the worst of times,
it was the age of wisdom, it was the age of foolishness,
it was the epoch of belief, it was the epoch of incredulity"""


def normalise(word):
    word = word.lower()
    while word and not word[-1].isalpha():
        word = word[:-1]
    return word


counts = {}
order = []
for line in text.split("\n"):
    for raw in line.split():
        w = normalise(raw)
        if not w:
            continue
        if w not in counts:
            counts[w] = 0
            order.append(w)
        counts[w] += 1

print("distinct words:", len(counts))
print("total words:", sum(counts.values()))
ranked = sorted(order, key=lambda w: (-counts[w], w))
for w in ranked[:6]:
    print(w, counts[w])
print("first seen:", order[:5])
