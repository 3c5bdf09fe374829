# taipan-test: stderr-last-line
# Unbounded recursion must raise RecursionError, not crash the interpreter.
# The traceback is long and its shape is CPython's, so only its last line is compared.
def f():
    return f()


print("calling f")
f()
print("not reached")
