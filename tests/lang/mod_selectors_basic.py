# selectors and select: DefaultSelector (epoll), the other selectors, select(), poll, epoll and their errors.
import socket, os, sys, select, selectors, errno
def t(label, f):
    try:
        r = f()
        print(label, "->", repr(r))
    except Exception as e:
        print(label, "!!", type(e).__name__, e)
# selectors
sel = selectors.DefaultSelector()
print(type(sel).__name__)
a, b = socket.socketpair()
sel.register(a, selectors.EVENT_READ, "A")
sel.register(b, selectors.EVENT_WRITE, "B")
print(sorted((k.data, e) for k, e in sel.select(0)))
b.send(b"x")
print(sorted((k.data, e) for k, e in sel.select(0)))
sel.unregister(b); sel.modify(a, selectors.EVENT_READ | selectors.EVENT_WRITE, "A2")
print(sorted((k.data, e) for k, e in sel.select(0)))
print(len(sel.get_map()), sel.get_key(a).events)
try:
    sel.register(a, selectors.EVENT_READ)
except KeyError as e:
    print("dup reg", "is already registered" in str(e))
sel.close()
for cls in (selectors.SelectSelector, selectors.PollSelector, selectors.EpollSelector):
    s = cls(); s.register(b, selectors.EVENT_WRITE); print(cls.__name__, [e for k, e in s.select(0)]); s.close()
print(select.select([a], [b], [], 0)[0] == [a])
p = select.poll(); p.register(a, select.POLLIN); print(p.poll(0) == [(a.fileno(), select.POLLIN)])
ep = select.epoll(); ep.register(a.fileno(), select.EPOLLIN); print(ep.poll(0) == [(a.fileno(), select.EPOLLIN)]); ep.close()
a.close(); b.close()
t("select bad", lambda: select.select(1, [], []))
t("select bad2", lambda: select.select([[]], [], []))
t("select neg timeout", lambda: select.select([], [], [], -1))
t("select str timeout", lambda: select.select([], [], [], "x"))
t("select ok", lambda: select.select([], [], [], 0))
t("poll reg", lambda: select.poll().register("x"))
t("poll unreg", lambda: select.poll().unregister(5))
t("poll modify", lambda: select.poll().modify(5, 1))
t("poll timeout", lambda: select.poll().poll("x"))
t("epoll closed", lambda: (lambda e: (e.close(), e.poll()))(select.epoll()))
t("epoll reg twice", lambda: (lambda e, r: (e.register(r), e.register(r)))(select.epoll(), os.pipe()[0]))
t("epoll bad fd", lambda: select.epoll().register(-1))
t("epoll sizehint", lambda: select.epoll(sizehint=-2))
t("epoll ctx", lambda: (lambda e: (e.__enter__() is e, e.__exit__(None, None, None), e.closed))(select.epoll()))
