# Objects still alive when the program ends get their __del__, and suspended
# generators their finally blocks, while modules and builtins are intact.
import sys

class Resource:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("closing", self.name, sys.version_info[0], len("abc"))

def ticker():
    try:
        yield 1
        yield 2
    finally:
        print("ticker finally")

first = Resource("first")
t = ticker()
print(next(t))
holder = {"r": Resource("in a dict")}
print("main done")
