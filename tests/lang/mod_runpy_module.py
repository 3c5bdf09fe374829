# runpy.run_module and runpy.run_path on temporary modules and packages.
# gcstress-every: 5
import os, sys, tempfile, shutil, runpy

tmp = tempfile.mkdtemp()
def write(rel, text):
    path = os.path.join(tmp, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(text)
    return path

def show(x):
    return repr(x).replace(tmp, '<tmp>')

body = '''
import sys
RESULT = (__name__, __package__, __file__, type(__loader__).__name__, __spec__.name if __spec__ else None,
          sys.argv[0], globals().get("INJECTED"))
if __name__ == "__main__":
    MAIN_RAN = True
'''
write('rpkg/__init__.py', '')
write('rpkg/tool.py', body)
write('rpkg/__main__.py', body)
script = write('script_file.py', body)
write('dirapp/__main__.py', body)
sys.path.insert(0, tmp)

g = runpy.run_module('rpkg.tool')
print(show(g['RESULT']), 'MAIN_RAN' in g)
g = runpy.run_module('rpkg.tool', run_name='__main__', init_globals={'INJECTED': 7})
print(show(g['RESULT']), 'MAIN_RAN' in g)
g = runpy.run_module('rpkg', run_name='__main__')
print(show(g['RESULT']), 'MAIN_RAN' in g)
saved = sys.argv[:]
g = runpy.run_module('rpkg.tool', run_name='__main__', alter_sys=True)
print(show(g['RESULT']), show(sys.argv[0] == saved[0]), 'rpkg.tool' in sys.modules)
g = runpy.run_path(script)
print(show(g['RESULT']))
g = runpy.run_path(script, run_name='__main__', init_globals={'INJECTED': 'x'})
print(show(g['RESULT']), 'MAIN_RAN' in g)
g = runpy.run_path(os.path.join(tmp, 'dirapp'))
print(show(g['RESULT']))
for bad in ('no_such_mod_xyz', 'rpkg.nope', '.relative', 'sys'):
    try:
        runpy.run_module(bad)
    except ImportError as e:
        print(type(e).__name__, show(str(e)))
try:
    runpy.run_path(os.path.join(tmp, 'missing.py'))
except OSError as e:
    print(type(e).__name__, e.errno)

sys.path.remove(tmp)
shutil.rmtree(tmp)
