# socket: socketpair I/O, peeking, timeouts, non-blocking mode, makefile, send_fds/recv_fds, shutdown;
# a localhost TCP echo server in a forked child, refused connections, UDP datagrams.
import socket, os, sys, select, selectors, errno
def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
a, b = socket.socketpair()
print(a.family, a.type, a.proto, a.gettimeout(), a.getblocking())
a.sendall(b"hello")
print(b.recv(10))
a.send(b"xyz")
buf = bytearray(5)
print(b.recv_into(buf), buf)
a.sendall(b"12345678")
print(b.recv(3, socket.MSG_PEEK), b.recv(100))
b.settimeout(0.05)
t("timeout", lambda: b.recv(10))
b.setblocking(False)
t("nonblock", lambda: b.recv(10))
print(b.gettimeout(), b.getblocking())
b.setblocking(True)
# makefile
fa = a.makefile("wb"); fb = b.makefile("rb")
fa.write(b"line1\nline2\n"); fa.flush()
print(fb.readline(), fb.readline())
fa.close(); fb.close()
# send_fds / recv_fds
r, w = os.pipe()
socket.send_fds(a, [b"fds"], [r, w])
msg, fds, flags, addr = socket.recv_fds(b, 100, 4)
print(msg, len(fds), flags, addr)
os.write(fds[1], b"via passed fd"); print(os.read(r, 100))
for fd in fds + [r, w]: os.close(fd)
a.shutdown(socket.SHUT_WR)
print(b.recv(10))
a.close(); b.close()
t("closed", lambda: a.send(b"x"))
print(repr(a)[:40])
# TCP echo with a forked child
srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0)); srv.listen()
host, port = srv.getsockname()
print(host, port > 0, srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
pid = os.fork()
if pid == 0:
    c, addr = srv.accept()
    while True:
        d = c.recv(1024)
        if not d: break
        c.sendall(d.upper())
    c.close()
    os._exit(0)
c = socket.create_connection((host, port), timeout=5)
for msg in (b"abc", b"hello world", b"x" * 100000):
    c.sendall(msg)
    got = b""
    while len(got) < len(msg):
        got += c.recv(65536)
    print(len(got), got[:20])
c.close()
print(os.waitpid(pid, 0)[1])
srv.close()
# refused
s = socket.socket()
t("refused", lambda: s.connect(("127.0.0.1", port)))
print(s.connect_ex(("127.0.0.1", port)) == errno.ECONNREFUSED)
s.close()
# UDP
u1 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); u1.bind(("127.0.0.1", 0))
u2 = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
u2.sendto(b"dgram", u1.getsockname())
data, addr = u1.recvfrom(100); print(data, addr[0])
u1.close(); u2.close()
