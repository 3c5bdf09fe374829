data = [1, "two", (3, 4.5), {"k": [None, True]}, [], (), {}, (7,), [[[]]]]
print(data)
print(repr(data))
print(str(data) == repr(data))
print(({"a": (1,)}, ["q'uote", 'd"q']))
print((1, (2, (3, (4,)))))
print([1.0, 2.5e20, 1e-7, -0.0])
print({"x": {"y": {"z": "end"}}})
print([None, False, "None"])
