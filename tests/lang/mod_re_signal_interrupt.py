# A signal handler runs during a runaway match, and its exception stops the match.
import re, signal
def handler(signum, frame):
    raise TimeoutError('took too long')
signal.signal(signal.SIGALRM, handler)
signal.setitimer(signal.ITIMER_REAL, 0.3)
try:
    re.match(r'(a+)+b', 'a' * 40)
    print('finished?')
except TimeoutError as e:
    print('TimeoutError', e)
signal.setitimer(signal.ITIMER_REAL, 0.3)
try:
    re.search(r'(x+x+)+y', 'x' * 40)
except TimeoutError as e:
    print('TimeoutError', e)
print(re.match('a', 'a'))
