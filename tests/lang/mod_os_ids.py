# Process and user ids agree with each other and with pwd/grp.
import os
import pwd
import grp

print(os.getpid() > 0, os.getppid() > 0, os.getpid() != os.getppid())
print(type(os.getuid()).__name__, os.getuid() == os.geteuid(), os.getgid() == os.getegid())
print(pwd.getpwuid(os.getuid()).pw_uid == os.getuid())
print(grp.getgrgid(os.getgid()).gr_gid == os.getgid())
print(isinstance(os.getgroups(), list), all(type(g) is int for g in os.getgroups()))
print(os.getresuid() == (os.getuid(), os.geteuid(), os.geteuid()) or len(os.getresuid()) == 3)
print(len(os.getresgid()))
print(os.getpgrp() == os.getpgid(0), os.getsid(0) >= 0)
print(os.getpriority(os.PRIO_PROCESS, 0) == os.getpriority(os.PRIO_PROCESS, os.getpid()))
name = pwd.getpwuid(os.getuid()).pw_name
print(os.getgid() in os.getgrouplist(name, os.getgid()))
print(isinstance(os.sched_getaffinity(0), set), len(os.sched_getaffinity(0)) >= 1)
os.sched_yield()
try:
    os.getpid(1)
except TypeError as e:
    print("TypeError", e)
try:
    os.setuid("x")
except TypeError as e:
    print("TypeError", e)
try:
    os.kill(os.getpid())
except TypeError as e:
    print("TypeError", e)
try:
    os.kill(2**22 + 12345, 0)
except ProcessLookupError as e:
    print("ProcessLookupError", e.errno)
os.kill(os.getpid(), 0)
print("signal 0 ok")
