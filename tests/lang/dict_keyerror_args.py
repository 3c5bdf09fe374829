# KeyError carries the missing key as its single argument.
def show(f):
    try:
        print(f())
    except KeyError as e:
        print("KeyError", e, e.args, repr(e))
d = {"a": 1}
show(lambda: d["b"])
show(lambda: d[(1, 2)])
show(lambda: d[()])
show(lambda: d[None])
show(lambda: d.pop("zz"))
show(lambda: {}.popitem())
def delete():
    del d["missing"]
show(delete)
show(lambda: {}.pop(1))
print(d.pop("zz", "dflt"), {}.pop(1, None))
try:
    d[[1]]
except TypeError as e:
    print("TypeError", e)
try:
    d[[1]] = 2
except TypeError as e:
    print("TypeError", e)
try:
    [1] in d
except TypeError as e:
    print("TypeError", e)
