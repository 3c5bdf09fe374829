# sys.gettrace()/getprofile() with no hook installed, and putting back "no
# hook" with settrace(None)/setprofile(None) (doctest, bdb and threading do
# this), with the argument errors of CPython.
import sys
print(sys.gettrace(), sys.getprofile())
print(sys.settrace(None), sys.setprofile(None))
print(sys.gettrace(), sys.getprofile())
for f, args in [(sys.settrace, ()), (sys.settrace, (1, 2)), (sys.setprofile, ()), (sys.gettrace, (1,)),
                (sys.getprofile, (None,))]:
    try:
        f(*args)
    except TypeError as e:
        print('TypeError', e)
for f in (sys.settrace, sys.gettrace):
    try:
        f(x=None)
    except TypeError as e:
        print('TypeError', e)
