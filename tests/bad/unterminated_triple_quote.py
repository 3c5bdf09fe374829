print("start")
doc = """this one
spans lines
and is never closed
print("unreachable")
