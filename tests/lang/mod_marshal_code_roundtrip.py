# Code objects through marshal.dumps/loads run as the original (under
# --gcstress this caught refs keyed by the address of a collected temporary).
import marshal
src = '''
def f(ns):
    abstracts = {name for name, value in ns.items() if getattr(value, "__isabstractmethod__", False)}
    for name in sorted(ns):
        value = getattr(ns[name], "__isabstractmethod__", None)
        print(name, value, [k for k in ("a", "b", name) if k != name])
    return sorted(abstracts)
class V:
    __isabstractmethod__ = True
print(f({"x": V(), "y": 1, "z": V()}))
'''
code = compile(src, "<roundtrip>", "exec")
for version in (2, 3, 4):
    data = marshal.dumps(code, version)
    again = marshal.loads(data)
    exec(again, {})
    print(version, type(again).__name__)
