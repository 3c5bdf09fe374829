cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1][3],
    lambda: "abc"[10],
    lambda: {"x": 1}["y"],
    lambda: 5 // 0,
    lambda: 5 % 0,
    lambda: 5.0 / 0,
    lambda: int("4.5"),
    lambda: None.attr,
    lambda: len(5),
    lambda: [].pop(),
    lambda: [1, 2].index(9),
    lambda: "abc".index("z"),
    lambda: (1, 2)[5],
    lambda: -"x",
]
for c in cases:
    try:
        c()
    except Exception as e:
        print(type(e).__name__ + ":", e)
