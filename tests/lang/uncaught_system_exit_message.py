def check(n):
    if n < 0:
        raise SystemExit("fatal: negative input " + str(n))
    return n


print(check(5))
check(-1)
