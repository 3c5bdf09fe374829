# Unhashable elements and the set-as-frozenset lookup rule.
def show(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
show(lambda: {[1]})
show(lambda: set([[1]]))
show(lambda: {1}.add({}))
show(lambda: [] in {1})
show(lambda: {1} in {frozenset({1})})
show(lambda: {2} in {frozenset({1})})
show(lambda: set() in {1})
show(lambda: hash({1}))
show(lambda: {{1}: 2})
show(lambda: set(1))
show(lambda: set([1], [2]))
show(lambda: set(a=1))
show(lambda: frozenset(a=1))
class H:
    def __hash__(self):
        raise ValueError("nope")
show(lambda: {H()})
