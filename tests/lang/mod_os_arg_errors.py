# Argument errors of the OS modules' functions: CPython's exact TypeError messages.
import os, time, errno, stat, pwd, grp, atexit, _signal
calls1 = [
 "os.open('x')", "os.open('/nonexistent', os.O_RDONLY, mode='x')", "os.read(0, -1)", "os.write(0)", "os.lseek(0,0)",
 "os.listdir(1,2)", "os.mkdir('/tmp', 1, 2)", "os.getcwd(1)", "os.chdir()", "os.chmod('/tmp')", "os.chown('/tmp', 0)",
 "os.utime()", "os.stat(path=None)", "os.scandir(5.5)", "os.urandom()", "os.urandom('x')", "os.cpu_count(1)",
 "os.uname(1)", "os.times(1)", "os.umask()", "os.kill(1,2,3)", "os.waitpid(1)", "os.WIFEXITED()", "os.WIFEXITED(1,2)",
 "os.fspath()", "os.strerror('x')", "os.putenv('a')", "os.unsetenv()", "os.system()", "os.execv('x')",
 "os.get_terminal_size(1,2)", "os.dup()", "os.dup2(1)", "os.pipe(1)", "os.pipe2()", "os.isatty()", "os.fstat()",
 "os.truncate('x')", "os.link('a')", "os.symlink('a')", "os.readlink()", "os.rename('a')", "os.remove()",
 "os.rmdir()", "os.access('/')", "os.access('/', 'x')", "os.sysconf()", "os.confstr(1,2)",
 "time.gmtime(1,2)", "time.localtime('x')", "time.mktime()", "time.strftime()", "time.asctime(1,2)", "time.ctime('x')",
 "time.time(1)", "time.monotonic(1)", "time.get_clock_info()", "time.tzset(1)",
 "pwd.getpwuid()", "pwd.getpwnam()", "pwd.getpwall(1)", "grp.getgrgid()", "grp.getgrnam()", "grp.getgrall(1)",
 "atexit.register()", "atexit.unregister()", "_signal.signal(1)", "_signal.getsignal()", "_signal.alarm()",
 "_signal.pause(1)", "_signal.strsignal()", "_signal.valid_signals(1)", "_signal.raise_signal()",
 "stat.S_ISDIR()", "stat.S_IMODE(1,2)", "stat.filemode('x')",
 "os.stat_result()", "time.struct_time((1,)*9, {}, 3)",
 "os.set_blocking(0)", "os.get_blocking()", "os.set_inheritable(0)", "os.closerange(1)",
 "os.getxattr('/tmp')", "os.listxattr(1, 2)", "os.sendfile(1,2,3)", "os.memfd_create()", "os.eventfd()",
 "os.register_at_fork(1)", "os.waitstatus_to_exitcode()", "os.getpgid()", "os.setpgid(1)", "os.nice()",
 "os.sched_getaffinity()", "os.major()", "os.makedev(1)", "os.device_encoding()", "os.ttyname()",
]
calls2 = ["os.getpriority(1)", "os.setpriority(1)", "os.setreuid(1)", "os.lockf(1)", "os.killpg(1)", "os.getsid()", "os.setuid()",
"os.getgrouplist(1)", "os.closerange(1)", "os.set_inheritable(1)", "os.set_blocking(1)", "_signal.siginterrupt(1)",
"_signal.pthread_kill(1)", "_signal.setitimer(1)", "_signal.getitimer()", "os.writev(1)", "os.readv(1)", "os.sendfile(1,2)",
"os.posix_fallocate(1)", "os.posix_fadvise(1)", "os.tcsetpgrp(1)", "os.tcgetpgrp()", "os.fchmod(1)", "os.fchown(1)", "os.lchown(1)", "os.pread(1)",
"os.pwrite(1)", "os.ftruncate(1)", "os.fpathconf(1)", "os.pathconf(1)", "os.makedev(1)", "os.getresuid(1)", "os.nice()",
"os.sched_yield(1)", "os.setgroups()", "os.initgroups(1)", "os.fstatvfs()", "os.statvfs()", "os.ctermid(1)", "os.getloadavg(1)",
"os.openpty(1)", "os.fork(1)", "os.wait(1)", "os.times(1)", "os.cpu_count(1)", "os.uname(1)", "os.getgroups(1)", "os.getlogin(1)",
"os.setsid(1)", "os.setpgrp(1)", "os.unsetenv(1,2)", "os.putenv(1)", "os.strerror()", "os.get_inheritable()", "os.sysconf()",
"os.confstr()", "time.clock_gettime()", "time.clock_getres()", "time.clock_settime(1)", "time.sleep()", "os.minor()",
"os.fdatasync()", "os.fsync()", "os.fchdir()", "os.chroot()", "os.sync(1)", "os.getppid(1)", "os.abort(1)",
"os.login_tty()", "os.pidfd_open()", "os.eventfd_read()", "os.eventfd_write(1)", "os.copy_file_range(1,2)", "os.splice(1,2)",
"os.setxattr('a','b')", "os.removexattr('a')", "os.waitid(1,2)", "os.WCOREDUMP()", "os.setresuid(1)", "os.setregid(1)",
"os.getresgid(1)", "os.sched_setaffinity(1)", "os.sched_get_priority_max()", "os.sched_getscheduler()", "os.setegid()",
"os.mknod()", "os.mkfifo()", "os.lstat()", "os.fchmod(1, 2, 3)", "os.getrandom()", "atexit._clear(1)", "atexit._ncallbacks(1)",
"atexit._run_exitfuncs(1)", "_signal.set_wakeup_fd()", "_signal.sigpending(1)", "_signal.sigwait()", "_signal.pthread_sigmask(1)",
"time.strftime('%Y', (1,)*9, 3)", "time.asctime(1, 2)", "time.ctime(1, 2)", "time.localtime(1, 2)", "time.gmtime(1, 2)",
"time.clock_gettime_ns()", "time.thread_time(1)", "time.perf_counter_ns(1)", "time.process_time(1)", "time.time_ns(1)"]
for c in calls1 + calls2:
    try:
        r = eval(c)
        print(c, "=>", type(r).__name__)
    except BaseException as e:
        print(c, "->", type(e).__name__, e)

# Range checks of the counts and of the eventfd counter (a C unsigned int and
# the whole 64-bit range).
import select
for c in ["os.copy_file_range(0, 1, -10)", "os.splice(0, 1, -10)", "os.eventfd(-1)", "os.eventfd(2**32)",
          "os.eventfd_write(0, -1)", "os.eventfd_write(0, 2**64)", "os.eventfd_write(0, 1.5)"]:
    try:
        eval(c)
    except BaseException as e:
        print(c, "->", type(e).__name__, e)
fd = os.eventfd(0, os.EFD_CLOEXEC | os.EFD_NONBLOCK)
os.eventfd_write(fd, 2**64 - 2)
print(select.select([fd], [fd], [fd], 0) == ([fd], [], []), os.eventfd_read(fd))
os.close(fd)
e = BlockingIOError(11, "msg", 16)
print(e.args, e.characters_written, e.filename)
e = BlockingIOError(11, "msg", 16, None, "x")
print(e.args, e.characters_written, e.filename, e.filename2)
print(OSError(11, "msg", None).args, OSError(11, "msg", "fn").args)
