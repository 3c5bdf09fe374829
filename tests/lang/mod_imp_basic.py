# The _imp module as importlib uses it.
import _imp, sys

print(_imp.is_builtin('sys'), _imp.is_builtin('builtins'), _imp.is_builtin('math'), _imp.is_builtin('os'),
      _imp.is_builtin('_imp'), _imp.is_builtin('marshal'))
print(_imp.is_frozen('no_such'), _imp.find_frozen('no_such'), _imp.init_frozen('no_such'))
try:
    _imp.is_frozen_package('no_such')
except ImportError as e:
    print('ImportError', e, e.name)
try:
    _imp.get_frozen_object('no_such')
except ImportError as e:
    print('ImportError', e)
try:
    _imp.is_builtin(1)
except TypeError as e:
    print('TypeError', e)

class Spec:
    def __init__(self, name):
        self.name = name
m = _imp.create_builtin(Spec('math'))
print(type(m).__name__, m.__name__, m is sys.modules['math'] if 'math' in sys.modules else True, _imp.exec_builtin(m))
print(_imp.create_builtin(Spec('sys')) is sys, _imp.create_builtin(Spec('no_such_builtin')))
try:
    _imp.create_builtin(42)
except AttributeError as e:
    print('AttributeError', e)
try:
    _imp.create_builtin(Spec(42))
except TypeError as e:
    print('TypeError', e)

# The import lock is re-entrant.
print(_imp.lock_held())
_imp.acquire_lock()
_imp.acquire_lock()
print(_imp.lock_held())
_imp.release_lock()
print(_imp.lock_held())
_imp.release_lock()
print(_imp.lock_held())
try:
    _imp.release_lock()
except RuntimeError as e:
    print('RuntimeError', e)

# source_hash is SipHash-1-3 keyed as CPython's (what hash-based .pyc files hold).
for key, data in ((3495, b'abc'), (0, b''), (1, b'x' * 100), (2**40, bytearray(b'hello world')), (7, memoryview(b'1234567'))):
    print(_imp.source_hash(key, data).hex())
print(_imp.source_hash(key=5, source=b'kw').hex())
print(_imp.check_hash_based_pycs)
print(type(_imp.extension_suffixes()).__name__, type(_imp._frozen_module_names()).__name__)
code = compile('def f():\n    pass\n', 'old_name.py', 'exec')
_imp._fix_co_filename(code, 'new_name.py')
print(code.co_filename, code.co_consts[0].co_filename if hasattr(code.co_consts[0], 'co_filename') else
      [c.co_filename for c in code.co_consts if hasattr(c, 'co_filename')])
print(_imp.__name__, _imp.__spec__.origin, _imp.__loader__.__name__)
