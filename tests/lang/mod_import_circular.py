# Circular imports: partially initialised modules and CPython's messages.
import os, sys, tempfile, shutil

tmp = tempfile.mkdtemp()
def write(rel, text):
    path = os.path.join(tmp, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, 'w') as f:
        f.write(text)

write('cpkg/__init__.py', 'from . import a\n')
write('cpkg/a.py', '''import cpkg
try:
    cpkg.b
except AttributeError as e:
    print("AE1", e)
from . import b
X = 1
''')
write('cpkg/b.py', '''try:
    from cpkg.a import X
except ImportError as e:
    print("IE", e.msg.replace(TMP, "<tmp>"), e.name, e.path.replace(TMP, "<tmp>"))
import cpkg.a as A
try:
    A.X
except AttributeError as e:
    print("AE2", e)
from . import a
print("b sees a:", a.__name__)
'''.replace('TMP', repr(tmp)))
write('m1.py', 'import m2\nDONE = True\n')
write('m2.py', '''import m1
print("m1 partial:", hasattr(m1, "DONE"), m1.__spec__._initializing)
try:
    from m1 import DONE
except ImportError as e:
    print("IE2", str(e).replace(TMP, "<tmp>"))
def late():
    return m1.DONE
'''.replace('TMP', repr(tmp)))
# Mutual imports that work because names are used late.
write('p1.py', 'import p2\ndef f():\n    return "p1.f -> " + p2.g()\n')
write('p2.py', 'import p1\ndef g():\n    return "p2.g"\ndef h():\n    return p1.f()\n')
sys.path.insert(0, tmp)

import cpkg
print(cpkg.a.X, cpkg.b.__name__)
import m1
import m2
print(m2.late(), m1.__spec__._initializing)
import p2
print(p2.h())
print(sorted(k for k in sys.modules if k.startswith(('cpkg', 'm1', 'm2', 'p1', 'p2'))))

sys.path.remove(tmp)
shutil.rmtree(tmp)
