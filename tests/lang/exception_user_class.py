class AppError(Exception):
    pass


class NotFound(AppError):
    def __init__(self, what):
        super().__init__("not found: " + what)
        self.what = what


class Invalid(AppError):
    def __init__(self, field, value):
        self.field = field
        self.value = value

    def __str__(self):
        return "invalid " + self.field + "=" + repr(self.value)


def lookup(key):
    if key == "missing":
        raise NotFound(key)
    if key == "":
        raise Invalid("key", key)
    return key.upper()


for k in ["ok", "missing", ""]:
    try:
        print(lookup(k))
    except NotFound as e:
        print("NotFound:", e, "| what =", e.what, "| args =", e.args)
    except AppError as e:
        print(type(e).__name__ + ":", e, "| is AppError:", isinstance(e, AppError))
print(issubclass(NotFound, Exception))
