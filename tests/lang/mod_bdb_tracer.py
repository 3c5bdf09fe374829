# bdb: a Bdb subclass records user_call/user_line/user_return/user_exception; breakpoints and set_next/set_return
import bdb, sys

class Recorder(bdb.Bdb):
    def __init__(self):
        super().__init__()
        self.log = []
    def user_call(self, frame, args):
        self.log.append(('call', frame.f_code.co_name, frame.f_lineno))
        self.set_step()
    def user_line(self, frame):
        self.log.append(('line', frame.f_code.co_name, frame.f_lineno))
        self.set_step()
    def user_return(self, frame, value):
        self.log.append(('return', frame.f_code.co_name, value))
        self.set_step()
    def user_exception(self, frame, info):
        self.log.append(('exception', frame.f_code.co_name, info[0].__name__))
        self.set_step()

def inner(a):
    if a > 1:
        raise ValueError(a)
    return a * 10

def outer():
    total = 0
    for i in range(3):
        try:
            total += inner(i)
        except ValueError:
            total -= 1
    return total

r = Recorder()
print('result', r.runcall(outer))
for entry in r.log:
    if entry[1] in ('inner', 'outer'):
        print(*entry)

# Breakpoints: only stop at the breakpoint line, then continue.
class Breaker(bdb.Bdb):
    def __init__(self):
        super().__init__()
        self.stops = []
    def user_line(self, frame):
        self.stops.append((frame.f_code.co_name, frame.f_lineno, dict(frame.f_locals).get('a')))
        self.set_continue()

b = Breaker()
b.set_break(__file__, 23)
print('result', b.runcall(outer))
print(b.stops)
print(b.get_all_breaks() == {__file__: [23]} or b.get_all_breaks())
b.clear_all_breaks()
print(sys.gettrace())
