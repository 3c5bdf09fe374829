s = "hello"
try:
    s[0] = "j"
except TypeError as e:
    print("TypeError:", e)
t = s
s = "j" + s[1:]
print(s, t)
u = s.upper()
print(s, u)
