# socket + subprocess: a TCP echo server in this process, a client in a child interpreter.
import os, socket, subprocess, sys

# The child need not inherit the test runner's GC stress setting.
child_env = {k: v for k, v in os.environ.items() if k != "TAIPAN_GCSTRESS"}

srv = socket.socket()
srv.bind(("127.0.0.1", 0))
srv.listen()
port = srv.getsockname()[1]
client = r"""
import socket, sys
c = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=30)
for msg in (b"ping", b"hello from the child", b"z" * 50000):
    c.sendall(msg)
    got = b""
    while len(got) < len(msg):
        got += c.recv(65536)
    print(len(got), got[:24])
c.close()
"""
p = subprocess.Popen([sys.executable, "-c", client, str(port)], stdout=subprocess.PIPE, env=child_env)
conn, addr = srv.accept()
print(addr[0], conn.getsockname() == srv.getsockname())
total = 0
while True:
    data = conn.recv(65536)
    if not data:
        break
    total += len(data)
    conn.sendall(data[::-1].swapcase()[::-1])
conn.close()
srv.close()
out, _ = p.communicate(timeout=60)
print(out.decode(), end="")
print("server saw", total, "bytes; child exit", p.returncode)
