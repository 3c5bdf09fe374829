print("start")
result = undefined_variable + 1
print("not reached")
