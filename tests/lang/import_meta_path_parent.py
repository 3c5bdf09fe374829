# A package whose __init__ appends a finder to sys.meta_path: its submodules
# are then found through that finder (six's .moves, pip's vendored urllib3).
import os, sys, tempfile

src = '''
import sys, importlib.util
class Finder:
    def find_spec(self, name, path, target=None):
        if name.startswith(__name__ + ".virtual"):
            return importlib.util.spec_from_loader(name, self, is_package=name.endswith("virtual"))
        return None
    def create_module(self, spec):
        return None
    def exec_module(self, module):
        module.value = module.__name__.upper()
sys.meta_path.append(Finder())
'''
with tempfile.TemporaryDirectory() as d:
    os.mkdir(os.path.join(d, "metapk"))
    with open(os.path.join(d, "metapk", "__init__.py"), "w") as f:
        f.write(src)
    with open(os.path.join(d, "metapk", "real.py"), "w") as f:
        f.write("value = 'real'\n")
    sys.path.insert(0, d)
    import metapk.virtual
    print(metapk.virtual.value, metapk.virtual.__spec__.loader.__class__.__name__)
    from metapk.virtual import sub
    print(sub.value, sub.__name__)
    import metapk.real
    print(metapk.real.value)
    try:
        import metapk.missing
    except ModuleNotFoundError as e:
        print(type(e).__name__, e, e.name)
    sys.meta_path[:] = [f for f in sys.meta_path if type(f).__name__ != "Finder"]
