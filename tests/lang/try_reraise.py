def process():
    try:
        int("x")
    except ValueError:
        print("logging and re-raising")
        raise


try:
    process()
except ValueError as e:
    print("caller got:", e)


def convert(s):
    try:
        return int(s)
    except ValueError as e:
        raise RuntimeError("conversion failed for " + repr(s))


try:
    convert("abc")
except RuntimeError as e:
    print("RuntimeError:", e)
