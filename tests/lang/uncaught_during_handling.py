def parse(s):
    try:
        return int(s)
    except ValueError:
        return fallback[s]


print(parse("12"))
print(parse("twelve"))
