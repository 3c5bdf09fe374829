# memoryview item and slice assignment: writable views change the exporter; read-only and structure errors.
def run(label, code, env):
    try:
        exec(code, env)
        print(label, 'ok')
    except Exception as e:
        print(label, type(e).__name__, e)

ba = bytearray(b'hello world')
m = memoryview(ba)
env = {'m': m, 'ba': ba}
run("item", "m[0] = ord('Y')", env)
run("slice", "m[1:3] = b'EL'", env)
print(ba)
run("slice size", "m[1:3] = b'ELL'", env)
run("ext slice", "m[::2] = b'123456'", env)
print(ba)
run("reverse self", "m[::-1] = m", env)
print(ba)
run("overlap", "m[1:6] = m[0:5]", env)
print(ba)
run("too big", "m[0] = 256", env)
run("negative", "m[0] = -1", env)
run("str", "m[0] = 'a'", env)
run("float", "m[0] = 1.0", env)
run("delete", "del m[0]", env)
run("del slice", "del m[0:2]", env)
run("list", "m[1:3] = [1, 2]", env)
run("cast c", "m[1:3] = memoryview(b'ab').cast('c')", env)
run("bytearray src", "m[0:2] = bytearray(b'!!')", env)
run("index", "m[20] = 1", env)
run("bad key", "m['x'] = 1", env)
run("ellipsis", "m[...] = 1", env)
run("tuple", "m[0,] = 65", env)
print(ba)
ro = memoryview(b'abc')
run("readonly", "ro[0] = 1", {'ro': ro})
run("readonly slice", "ro[0:1] = b'x'", {'ro': ro})
rb = memoryview(bytearray(b'abc')).toreadonly()
run("toreadonly", "rb[0] = 1", {'rb': rb})
class Idx:
    def __index__(self):
        return 66
run("index obj", "m[0] = Idx()", {'m': m, 'Idx': Idx})
run("bool", "m[1] = True", env)
print(ba[:2])
