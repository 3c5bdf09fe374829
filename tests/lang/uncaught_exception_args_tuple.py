print("raising with two arguments")
raise ValueError("bad thing", 42)
