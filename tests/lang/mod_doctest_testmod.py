# gcstress-every: 100
"""doctest.testmod() on this module: passing and failing examples, expected
exceptions, option flags, verbose and quiet reports, and the finder.

>>> 1 + 1
2
"""
import doctest, sys, io, contextlib

def add(a, b):
    """Add.

    >>> add(2, 3)
    5
    >>> add('a', 'b')
    'ab'
    >>> add(1, 1)
    3
    >>> [i for i in range(3)]
    [0, 1, 2]
    >>> raise_it()
    Traceback (most recent call last):
        ...
    ValueError: boom
    >>> print('x\\ny')  # doctest: +NORMALIZE_WHITESPACE
    x   y
    >>> print(list(range(30)))  # doctest: +ELLIPSIS
    [0, 1, ..., 29]
    """
    return a + b

def raise_it():
    raise ValueError("boom")

class K:
    """
    >>> K().m()
    'm'
    >>> undefined_name
    Traceback (most recent call last):
    NameError: name 'undefined_name' is not defined
    >>> 1/0
    42
    """
    def m(self):
        """
        >>> for i in range(2):
        ...     print(i)
        0
        1
        """
        return 'm'

mod = sys.modules[__name__]
def run(**kw):
    # The report names this file by its absolute path: mask it.
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        r = doctest.testmod(mod, **kw)
    print(buf.getvalue().replace(__file__, 'FILE'), r)
run(verbose=False)
run(verbose=True, report=True)
finder = doctest.DocTestFinder()
for t in sorted(finder.find(mod), key=lambda t: t.name):
    print(t.name, len(t.examples), t.lineno, [e.source for e in t.examples][:1])
parser = doctest.DocTestParser()
ex = parser.get_examples(">>> x = 1\n>>> x + 1\n2\n")
print([(e.source, e.want, e.lineno) for e in ex])
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    doctest.run_docstring_examples(add, {'add': add, 'raise_it': raise_it}, name='add')
print(buf.getvalue().replace(__file__, 'FILE'))
