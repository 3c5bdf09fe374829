# timeout-scale: 3
# gcstress-every: 200
# http.server serves files to urllib.request on loopback: GET of a file and a
# directory listing, a 404 as HTTPError, HEAD, then the server shuts down.
import http.server
import os
import tempfile
import threading
import urllib.error
import urllib.request

root = tempfile.mkdtemp()
body = ("".join("line %d é\n" % i for i in range(2000))).encode()
with open(os.path.join(root, "page.txt"), "wb") as f:
    f.write(body)


class Quiet(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *a, **kw):
        super().__init__(*a, directory=root, **kw)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
thread = threading.Thread(target=server.serve_forever)
thread.start()
base = "http://127.0.0.1:%d/" % server.server_address[1]
for i in range(20):
    with urllib.request.urlopen(base + "page.txt", timeout=30) as r:
        data = r.read()
        assert r.status == 200
print(data == body, r.headers["Content-Type"], r.headers["Content-Length"])
with urllib.request.urlopen(base, timeout=30) as r:
    listing = r.read().decode()
print(r.status, "page.txt" in listing)
try:
    urllib.request.urlopen(base + "missing", timeout=30)
except urllib.error.HTTPError as e:
    print("HTTPError", e.code, e.reason)
req = urllib.request.Request(base + "page.txt", method="HEAD")
with urllib.request.urlopen(req, timeout=30) as r:
    print(r.status, len(r.read()), r.headers["Content-Length"])
server.shutdown()
server.server_close()
thread.join()
os.remove(os.path.join(root, "page.txt"))
os.rmdir(root)
print("stopped", thread.is_alive())
