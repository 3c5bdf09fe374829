# The _signal module's constants and query functions, and its argument errors.
import _signal

print(_signal.SIGINT, _signal.SIGTERM, _signal.SIGKILL, _signal.SIGUSR1, _signal.SIGCHLD, _signal.NSIG)
print(_signal.SIG_DFL, _signal.SIG_IGN, _signal.SIG_BLOCK, _signal.SIG_UNBLOCK, _signal.SIG_SETMASK)
print(_signal.SIGRTMIN <= _signal.SIGRTMAX, _signal.ITIMER_REAL, _signal.ITIMER_VIRTUAL, _signal.ITIMER_PROF)
v = _signal.valid_signals()
print(type(v).__name__, 1 in v, 9 in v, 0 in v, _signal.NSIG in v)
print(_signal.strsignal(_signal.SIGINT), _signal.strsignal(_signal.SIGKILL), _signal.strsignal(_signal.SIGSEGV))
print(_signal.getsignal(_signal.SIGTERM), _signal.getsignal(_signal.SIGUSR2))
print(_signal.default_int_handler.__name__, callable(_signal.default_int_handler))
print(_signal.ItimerError.__name__, issubclass(_signal.ItimerError, OSError))
for call in [lambda: _signal.signal(0, _signal.SIG_DFL), lambda: _signal.signal(_signal.NSIG, _signal.SIG_DFL),
             lambda: _signal.signal(_signal.SIGUSR1, 5), lambda: _signal.signal(_signal.SIGUSR1, "x"),
             lambda: _signal.getsignal(100), lambda: _signal.strsignal(0), lambda: _signal.alarm("x"),
             lambda: _signal.signal(_signal.SIGKILL, _signal.SIG_IGN), lambda: _signal.set_wakeup_fd(999999),
             lambda: _signal.setitimer(5, 1.0), lambda: _signal.default_int_handler()]:
    try:
        call()
    except (ValueError, TypeError, OSError) as e:
        print(type(e).__name__, e)
old = _signal.pthread_sigmask(_signal.SIG_BLOCK, [_signal.SIGUSR1])
print(type(old).__name__, _signal.SIGUSR1 in _signal.pthread_sigmask(_signal.SIG_BLOCK, []))
import os
os.kill(os.getpid(), _signal.SIGUSR1)
print(_signal.SIGUSR1 in _signal.sigpending())
print(_signal.sigwait([_signal.SIGUSR1]) == _signal.SIGUSR1)
_signal.pthread_sigmask(_signal.SIG_SETMASK, old)
print(_signal.SIGUSR1 in _signal.pthread_sigmask(_signal.SIG_BLOCK, []))
r, w = os.pipe()
os.set_blocking(w, False)
print(_signal.set_wakeup_fd(w), _signal.set_wakeup_fd(-1) == w)
_signal.siginterrupt(_signal.SIGUSR1, True)
os.close(r)
os.close(w)
