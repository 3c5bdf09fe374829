print(1 == 1.0, 1 == True, 0 == False)
print(2 < 2.5, 3.0 > 2)
print("apple" < "banana", "Zebra" < "apple", "abc" < "abd", "ab" < "abc")
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [] < [0])
print((1, "a") < (1, "b"), (2,) > (1, 99))
print([1, 2] == [1, 2], (1, 2) == [1, 2])
print({"a": 1} == {"a": 1}, {"a": 1} == {"a": 2})
print(1 == "1", None == 0)
try:
    print(1 < "2")
except TypeError as e:
    print("TypeError:", e)
