lst = [10, 20, 30, 40, 50]
print(lst[0], lst[-1], lst[-2], lst[len(lst) - 1])
s = "python"
print(s[0], s[-1], s[-6])
t = (1, 2, 3)
print(t[-3], t[2])
lst[-1] = 99
print(lst)
nested = [[1, 2], [3, 4]]
print(nested[-1][-2])
try:
    lst[5]
except IndexError as e:
    print("IndexError:", e)
try:
    s[-7]
except IndexError as e:
    print("IndexError:", e)
