counter = 0


def bump():
    global counter
    counter += 1
    return counter


bump()
bump()
print(counter)


def make_global():
    global created
    created = "made inside function"


make_global()
print(created)
value = "module"


def read_only():
    return value


def local_shadow():
    value = "local"
    return value


print(read_only(), local_shadow(), value)


# A class body's global declaration does not reach its methods: they see the
# enclosing function's variable.
def make_foo(x):
    class Foo:
        global x
        def __call__(self, y):
            return x + y
    return Foo()


print("class global, method free:", make_foo(6)(2))


# A global declaration anywhere makes the name global at module level: exec()
# with separate locals then stores the module-level name into the globals.
def run_exec():
    exec("""if 1:
        gs_exec_x = 7
        def f():
            gs_exec_x = 1
            def g():
                global gs_exec_x
                def h():
                    return gs_exec_x
                return h()
            return g()
        print("nested global through exec:", f())
    """)


run_exec()
print("stored in globals:", gs_exec_x)
a_annotated: int = 3
def declares_annotated():
    global a_annotated
    return a_annotated
print("annotated module global:", declares_annotated())
