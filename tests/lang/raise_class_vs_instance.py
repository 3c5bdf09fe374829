try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise ValueError("with message")
except ValueError as e:
    print(repr(e))


class Custom(Exception):
    pass


try:
    raise Custom
except Custom as e:
    print(type(e).__name__, isinstance(e, Custom), e.args)
err = KeyError("stored")
try:
    raise err
except KeyError as e:
    print(e is err)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
