def t(label):
    print("called", label)
    return True


def f(label):
    print("called", label)
    return False


print("and:", f("a") and t("b"))
print("and:", t("c") and f("d"))
print("or:", t("e") or f("f"))
print("or:", f("g") or t("h"))
print("mix:", f("i") or t("j") and f("k"))
if t("l") or 1 / 0:
    print("no ZeroDivisionError")
