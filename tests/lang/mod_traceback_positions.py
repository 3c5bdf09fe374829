# Instruction positions behind the carets: a failing assert points at the
# last comparison its test jumps on, an import at the whole statement.
# gcstress-every: 20
import traceback
def show(fn):
    try:
        fn()
    except BaseException:
        print(traceback.format_exc().replace(__file__, 'FILE'))
x = 0
def a1(): assert x
def a2(): assert x, 'm'
def a3(): assert x == 1, str(x)
def a4(): assert x and 1, 'm'
def a5(): assert 1 and x or x, 'm'
def a6(): assert not 1
def a7(): assert (x
    ), 'multi'
def a8(): assert f"{x}" == 'y', 'm'
def i1(): import os.nonexistent_zzz
def i2(): from os import nonexistent_zzz
def i3(): from os import path, nonexistent_zzz as q
def i4(): import os, nonexistent_zzz
def i5(): from . import x
def i6(): import nonexistent_zzz.sub as s
i7 = lambda: exec("from nonexistent_zzz import *")
for f in (a1, a2, a3, a4, a5, a6, a7, a8, i1, i2, i3, i4, i5, i6, i7):
    show(f)
