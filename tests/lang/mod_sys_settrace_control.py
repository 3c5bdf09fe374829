# settrace: errors from the trace function, f_trace_lines, f_lineno jumps, f_locals write-back
import sys, threading

def target(n):
    a = 1
    b = 2
    c = a + b + n
    return c

# A trace function that raises is removed; the exception propagates from the traced line.
def raising(frame, event, arg):
    if event == 'line' and frame.f_lineno == 6:
        raise ValueError('trace error')
    return raising
sys.settrace(raising)
try:
    target(1)
except ValueError as e:
    print('caught', e, sys.gettrace())
sys.settrace(None)

# Tracing is off inside the trace function itself.
seen = []
def helper():
    return 1
def outer_tr(frame, event, arg):
    seen.append((event, frame.f_code.co_name))
    helper()
    return outer_tr
sys.settrace(outer_tr)
target(2)
sys.settrace(None)
print(seen)

# f_trace_lines = False: no line events, the other events remain.
log = []
def nolines(frame, event, arg):
    if frame.f_code.co_name == 'target':
        frame.f_trace_lines = False
        log.append(event)
    return nolines
sys.settrace(nolines)
target(3)
sys.settrace(None)
print(log)

# Assigning f_lineno from a line event jumps.
def jumper(frame, event, arg):
    if frame.f_code.co_name == 'target' and event == 'line' and frame.f_lineno == 5:
        frame.f_lineno = 7
    return jumper
def target2():
    pass
sys.settrace(jumper)
try:
    print('jumped', target(10))
except UnboundLocalError as e:
    print('UnboundLocalError', e)
sys.settrace(None)

def jump_bad(frame, event, arg):
    if frame.f_code.co_name == 'target' and event == 'line' and frame.f_lineno == 5:
        for n in (1, 100, 'x'):
            try:
                frame.f_lineno = n
            except ValueError as e:
                print('ValueError', e)
    if frame.f_code.co_name == 'target' and event == 'call':
        try:
            frame.f_lineno = 6
        except ValueError as e:
            print('ValueError', e)
    return jump_bad
sys.settrace(jump_bad)
print(target(0))
sys.settrace(None)
try:
    sys._getframe().f_lineno = 3
except ValueError as e:
    print('ValueError', e)

# A trace function may change locals through f_locals.
def setter(frame, event, arg):
    if frame.f_code.co_name == 'target' and event == 'line' and frame.f_lineno == 7:
        frame.f_locals['a'] = 100
    return setter
sys.settrace(setter)
print('changed', target(0))
sys.settrace(None)

# threading.settrace/setprofile store hooks for new threads; gettrace reflects sys.settrace.
threading.settrace(outer_tr)
print(threading.gettrace() is outer_tr if hasattr(threading, 'gettrace') else True)
threading.settrace(None)
sys.settrace(outer_tr)
print(sys.gettrace() is outer_tr)
sys.settrace(None)
print(sys.gettrace())
try:
    sys.settrace()
except TypeError as e:
    print('TypeError', e)
