s = "the cat sat on the mat"
print(s.replace("at", "og"))
print(s.replace("the", "a", 1))
print(s.replace("zzz", "y"))
print("aaa".replace("a", "bb"), "aaa".replace("aa", "b"))
print("abc".replace("", "-"))
print(s.find("at"), s.find("at", 6), s.find("dog"), s.find(""))
print(s.index("on"), s.count("at"), s.count("the"))
print(s.rfind("at"))
try:
    s.index("dog")
except ValueError as e:
    print("ValueError:", e)
