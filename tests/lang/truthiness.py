things = [0, 1, -1, 0.0, 0.5, "", "a", " ", [], [0], (), (None,), {}, {"k": 0}, None, True, False, range(0), range(1)]
for t in things:
    print(repr(t), bool(t))
if [0]:
    print("[0] is true")
if not {}:
    print("{} is false")
