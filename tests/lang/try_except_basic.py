def divide(a, b):
    try:
        result = a / b
    except ZeroDivisionError:
        print("cannot divide", a, "by zero")
        return None
    return result


print(divide(10, 4))
print(divide(1, 0))
try:
    [1, 2][5]
except IndexError as e:
    print("IndexError:", e)
try:
    {"a": 1}["b"]
except KeyError as e:
    print("KeyError:", e)
try:
    undefined_thing
except NameError as e:
    print("NameError:", e)
try:
    raise ValueError("custom")
except Exception as e:
    print(type(e).__name__, e)
