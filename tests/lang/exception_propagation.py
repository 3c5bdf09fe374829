def level3():
    print("level3 raising")
    raise LookupError("deep")


def level2():
    try:
        level3()
    finally:
        print("level2 finally")


def level1():
    level2()
    print("not reached")


try:
    level1()
except LookupError as e:
    print("caught at top:", e)
print("program continues")
