"""http.server serving a file to urllib.request on loopback, sequential requests.

A ThreadingHTTPServer in a thread serves a 4 KB file; the main thread
fetches it REQUESTS times.  Requests per second is REQUESTS divided by the time.

usage: http_loopback.py [REQUESTS]
"""
# bench-size: default=2000 quick=100
import http.server
import os
import sys
import tempfile
import threading
import urllib.request

N = int(sys.argv[1]) if len(sys.argv) > 1 else 2000
root = tempfile.mkdtemp()
with open(os.path.join(root, "page.html"), "wb") as f:
    f.write(b"<p>" + b"x" * 4089 + b"</p>\n")


class Quiet(http.server.SimpleHTTPRequestHandler):
    def __init__(self, *a, **kw):
        super().__init__(*a, directory=root, **kw)

    def log_message(self, *args):
        pass


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Quiet)
threading.Thread(target=server.serve_forever, daemon=True).start()
url = "http://127.0.0.1:%d/page.html" % server.server_address[1]
total = 0
for i in range(N):
    with urllib.request.urlopen(url) as r:
        total += len(r.read()) + r.status
server.shutdown()
server.server_close()
os.remove(os.path.join(root, "page.html"))
os.rmdir(root)
print("checksum", total)
