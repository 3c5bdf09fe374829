def attempt(x):
    try:
        print("  try", x)
        v = 10 // x
    except ZeroDivisionError:
        print("  except")
        v = None
    else:
        print("  else", v)
    finally:
        print("  finally")
    return v


print(attempt(2))
print(attempt(0))
try:
    try:
        raise KeyError("k")
    finally:
        print("finally runs while KeyError propagates")
except KeyError:
    print("caught outside")
