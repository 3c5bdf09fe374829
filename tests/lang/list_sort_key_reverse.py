people = [("bob", 25), ("ann", 31), ("cy", 25), ("di", 19), ("ed", 31)]
by_age = sorted(people, key=lambda p: p[1])
print(by_age)
print(sorted(people, key=lambda p: p[1], reverse=True))
people.sort()
print(people)
people.sort(key=lambda p: -p[1])
print(people)
words = ["Banana", "apple", "Cherry", "date"]
print(sorted(words))
print(sorted(words, key=lambda w: w.lower()))
nums = [5, -3, 2, -8, 0]
nums.sort(key=abs)
print(nums)
nums.sort(reverse=True)
print(nums)
print(sorted([3.5, 1, 2.25, -1]))
