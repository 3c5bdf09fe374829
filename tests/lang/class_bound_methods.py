class Greeter:
    def __init__(self, word):
        self.word = word

    def greet(self, name):
        return self.word + " " + name


g = Greeter("hello")
h = Greeter("bye")
m = g.greet
print(m("ann"))
g.word = "HELLO"
print(m("bob"))
methods = [g.greet, h.greet]
print([f("x") for f in methods])
print(Greeter.greet(h, "direct"))
print([g.greet(s) for s in ["a", "b"]])
