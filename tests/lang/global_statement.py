counter = 0


def bump():
    global counter
    counter += 1
    return counter


bump()
bump()
print(counter)


def make_global():
    global created
    created = "made inside function"


make_global()
print(created)
value = "module"


def read_only():
    return value


def local_shadow():
    value = "local"
    return value


print(read_only(), local_shadow(), value)
