def double(x):
    return x * 2


def square(x):
    return x * x


def apply_all(funcs, value):
    return [f(value) for f in funcs]


ops = {"double": double, "square": square}
print(apply_all([double, square], 7))
print(ops["square"](5))
g = double
print(g(21), g is double)
print(double.__name__)


def compose(f, h):
    def composed(x):
        return f(h(x))
    return composed


print(compose(double, square)(3), compose(square, double)(3))
