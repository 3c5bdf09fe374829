# _csv.Dialect validation and the dialect registry (register/get/unregister/list), argument errors.
# gcstress-every: 20
import _csv, csv, io, pickle
def show(f):
    try: print('ok', repr(f()))
    except Exception as e: print(type(e).__name__, e)
d = _csv.Dialect()
show(lambda: pickle.dumps(d))
show(lambda: d.__reduce_ex__(2))
show(lambda: d.__reduce__())
show(lambda: _csv.Dialect(d) is d)
show(lambda: _csv.Dialect('excel') is _csv.get_dialect('excel'))
show(lambda: _csv.Dialect(d, delimiter=';').delimiter)
class DD(_csv.Dialect): pass
show(lambda: type(DD(d)).__name__)
show(lambda: type(DD()).__name__)
class PD:
    delimiter = ';'
    quoting = csv.QUOTE_ALL
show(lambda: (lambda x: (x.delimiter, x.quoting, x.quotechar, x.lineterminator))(_csv.Dialect(PD())))
class Bad:
    @property
    def delimiter(self): raise KeyError('k')
show(lambda: _csv.Dialect(Bad()).delimiter)
show(lambda: _csv.Dialect(delimiter='\0').delimiter)
show(lambda: _csv.Dialect(quotechar='\0').quotechar)
show(lambda: _csv.Dialect(escapechar=None).escapechar)
show(lambda: _csv.Dialect(quotechar=None).quoting)
show(lambda: _csv.Dialect(quotechar=None, quoting=csv.QUOTE_NONE).quoting)
show(lambda: _csv.Dialect(doublequote=0).doublequote)
show(lambda: _csv.Dialect(skipinitialspace='').skipinitialspace)
show(lambda: _csv.Dialect(strict=[1]).strict)
show(lambda: _csv.Dialect('excel', 1))
show(lambda: _csv.Dialect(1, delimiter=';').delimiter)
show(lambda: _csv.Dialect(delimiter=';', dialect='excel-tab').delimiter)
show(lambda: _csv.Dialect(dialect='excel-tab').delimiter)
show(lambda: _csv.Dialect('excel', delimiter=';', **{'dialect': 1}))
class DO(object): pass
show(lambda: _csv.Dialect(DO()).quotechar)
show(lambda: _csv.unregister_dialect())
show(lambda: _csv.unregister_dialect(1, 2))
show(lambda: _csv.unregister_dialect(name='x'))
show(lambda: _csv.unregister_dialect([]))
show(lambda: _csv.get_dialect())
show(lambda: _csv.get_dialect(name='excel').delimiter)
show(lambda: _csv.get_dialect([]))
show(lambda: _csv.list_dialects(1))
show(lambda: _csv.register_dialect('a', 'b', 'c'))
show(lambda: _csv.register_dialect('a', delimiter=5))
show(lambda: _csv.register_dialect('a', _csv.get_dialect('excel')))
print(_csv.get_dialect('a') is _csv.get_dialect('excel'))
show(lambda: _csv.register_dialect(name='a'))
show(lambda: _csv.reader(['x'], 'excel', 3))
show(lambda: _csv.reader(1, 'nope'))
show(lambda: _csv.reader(['x'], None).dialect.delimiter)
show(lambda: _csv.writer(io.StringIO(), None).dialect.delimiter)
show(lambda: _csv.writer(io.StringIO(), 'x', 3))
show(lambda: _csv.field_size_limit(1.5))
show(lambda: _csv.field_size_limit(-2**63))
show(lambda: _csv.field_size_limit(2**63))
show(lambda: _csv.field_size_limit(2**63 - 1))

# option validation
D = _csv.Dialect
for kw in [dict(delimiter=''), dict(delimiter='ab'), dict(delimiter=1), dict(delimiter=None), dict(quotechar=''),
           dict(quotechar=None), dict(quotechar=1), dict(quotechar=None, quoting=csv.QUOTE_ALL), dict(quoting=5),
           dict(quoting=-1), dict(quoting='a'), dict(quoting=1.0), dict(quoting=True), dict(quoting=2**40),
           dict(quoting=-2**70), dict(escapechar='ab'), dict(escapechar=''), dict(escapechar=5), dict(lineterminator=None),
           dict(lineterminator=1), dict(lineterminator=''), dict(lineterminator='\u20ac!'), dict(doublequote=[]),
           dict(strict=1), dict(delimiter='\n'), dict(delimiter=' ', skipinitialspace=True), dict(escapechar='\r'),
           dict(quotechar='\n'), dict(delimiter='"'), dict(escapechar=','), dict(quotechar=','), dict(delimiter='\u20ac'),
           dict(quotechar='\U0001f600', escapechar='\xe9')]:
    show(lambda: (lambda d: (d.delimiter, d.quotechar, d.escapechar, d.quoting, d.lineterminator, d.doublequote,
                             d.strict, d.skipinitialspace))(D(**kw)))
show(lambda: D('nope'))
show(lambda: D(1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
show(lambda: D(1, 2, 3, 4, 5, 6, 7, 8, x=9, y=10))
show(lambda: D(foo=1))
d = D()
for attr in ('delimiter', 'quotechar', 'escapechar', 'quoting', 'lineterminator', 'doublequote', 'strict', 'skipinitialspace'):
    show(lambda: setattr(d, attr, ';'))
show(lambda: type(D.__new__(D)).__name__)
print(D.__doc__, type(D()).__name__, D.__module__, D.__mro__, D.__name__)
show(lambda: _csv.reader())
show(lambda: _csv.reader(1))
show(lambda: _csv.writer())
show(lambda: _csv.writer(1))
show(lambda: _csv.field_size_limit('a'))
show(lambda: _csv.field_size_limit(1, 2))
show(lambda: _csv.field_size_limit(2**70))
show(lambda: _csv.get_dialect('x'))
show(lambda: _csv.unregister_dialect('x'))
show(lambda: _csv.register_dialect(1))
show(lambda: _csv.register_dialect())
show(lambda: _csv.list_dialects())
show(lambda: _csv.Error.__mro__)
show(lambda: (_csv.Error.__module__, _csv.Error.__name__, _csv.Error.__qualname__))
show(lambda: (csv.Error is _csv.Error, csv.__doc__ == _csv.__doc__, _csv.__version__, csv.__version__))
show(lambda: sorted(n for n in dir(_csv) if not n.startswith('__')))
