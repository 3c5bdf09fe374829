print("start")
s = "this string never ends
print("unreachable")
