"""Log parsing with regular expressions.

Generates a mixed log -- Apache combined-format access lines, an
application's structured "key=value" lines, Python-style tracebacks
and syslog lines -- and analyses it the way an operations script
would: compiled patterns with named groups classify each line, verbose
patterns pull out fields, re.findall extracts key=value pairs, re.sub
masks e-mail addresses and IP addresses, re.split tokenises user
agents, and the results are aggregated per endpoint, status and hour.

usage: regex_logs.py [LINES]
"""
# bench-size: default=250000 quick=10000

import re
import sys

ACCESS = re.compile(
    r'(?P<ip>\d{1,3}(?:\.\d{1,3}){3}) - (?P<user>[\w.-]+|-) '
    r'\[(?P<day>\d{2})/(?P<month>\w{3})/(?P<year>\d{4}):(?P<hour>\d{2}):'
    r'(?P<minute>\d{2}):(?P<second>\d{2}) [+-]\d{4}\] '
    r'"(?P<method>GET|POST|PUT|DELETE|HEAD) (?P<path>[^ ?"]+)(?:\?(?P<query>[^ "]*))? '
    r'HTTP/(?P<version>[\d.]+)" (?P<status>\d{3}) (?P<size>\d+|-) '
    r'"(?P<referrer>[^"]*)" "(?P<agent>[^"]*)"(?: rt=(?P<rt>\d+\.\d+))?$')
APP = re.compile(r"""
    ^(?P<date>\d{4}-\d{2}-\d{2})T(?P<time>[\d:]{8})(?:\.\d+)?Z?\s+
    (?P<level>DEBUG|INFO|WARNING|ERROR|CRITICAL)\s+
    \[(?P<logger>[a-z_.]+)\]\s+
    (?P<message>.*)$
""", re.VERBOSE)
KEY_VALUE = re.compile(r'(\w+)=("(?:[^"\\]|\\.)*"|\S+)')
TRACE_HEAD = re.compile(r"^Traceback \(most recent call last\):$")
TRACE_FRAME = re.compile(r'^\s+File "(?P<file>[^"]+)", line (?P<line>\d+), in (?P<func>\w+)$')
TRACE_ERROR = re.compile(r"^(?P<type>[A-Z]\w*(?:Error|Exception))(?:: (?P<msg>.*))?$")
SYSLOG = re.compile(r"^(?P<month>[A-Z][a-z]{2})\s+(?P<day>\d{1,2}) (?P<time>\S+) "
                    r"(?P<host>[\w-]+) (?P<proc>[\w/.-]+)(?:\[(?P<pid>\d+)\])?: (?P<msg>.*)$")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
IPV4 = re.compile(r"\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\b")
ID_IN_PATH = re.compile(r"/\d+(?=/|$)")
AGENT_SPLIT = re.compile(r"[\s/;()]+")

PATHS = ["/", "/index.html", "/api/v1/users/%d", "/api/v1/users/%d/orders",
         "/static/app.%d.js", "/login", "/search", "/api/v1/items/%d/reviews"]
AGENTS = ["Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/126.0",
          "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15",
          "curl/8.5.0", "python-requests/2.32.3", "Googlebot/2.1 (+http://www.google.com/bot.html)"]
LOGGERS = ["app.db", "app.http", "app.auth", "worker.queue", "billing"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun"]


def generate(lines):
    out = []
    seed = 12345
    i = 0
    while len(out) < lines:
        seed = (seed * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        r = seed >> 33
        kind = r % 10
        ip = "%d.%d.%d.%d" % (10 + r % 200, (r >> 3) % 256, (r >> 7) % 256, (r >> 11) % 256)
        hour = (i // 97) % 24
        if kind < 6:
            path = PATHS[(r >> 5) % len(PATHS)]
            if "%d" in path:
                path = path % ((r >> 9) % 5000)
            query = "?q=term%d&page=%d" % (r % 77, r % 9) if path == "/search" else ""
            status = (200, 200, 200, 304, 404, 500, 201, 302)[(r >> 13) % 8]
            out.append('%s - %s [%02d/%s/2024:%02d:%02d:%02d +0000] "%s %s%s HTTP/1.1" %d %s "%s" "%s" rt=%d.%03d'
                       % (ip, "-" if r % 3 else "user%d" % (r % 50), 1 + r % 28,
                          MONTHS[(r >> 4) % 6], hour, r % 60, (r >> 6) % 60,
                          ("GET", "GET", "POST", "PUT", "DELETE")[(r >> 2) % 5],
                          path, query, status, str(r % 40000) if status != 304 else "-",
                          "https://example.com/" if r % 4 == 0 else "-",
                          AGENTS[(r >> 8) % len(AGENTS)], r % 3, r % 1000))
        elif kind < 8:
            out.append("2024-06-%02dT%02d:%02d:%02d.%03dZ %s [%s] request_id=%08x user=user%d@mail.example.com "
                       "ip=%s took=%dms msg=\"%s\""
                       % (1 + r % 28, hour, r % 60, (r >> 5) % 60, r % 1000,
                          ("DEBUG", "INFO", "INFO", "WARNING", "ERROR")[(r >> 3) % 5],
                          LOGGERS[(r >> 6) % len(LOGGERS)], r & 0xFFFFFFFF,
                          r % 900, ip, r % 2500,
                          ("cache miss for key \\\"k%d\\\"" % (r % 40)) if r % 2 else "ok"))
        elif kind < 9:
            out.append("Traceback (most recent call last):")
            for depth in range(1 + r % 4):
                out.append('  File "/srv/app/%s.py", line %d, in %s'
                           % (("views", "models", "db", "utils")[(r + depth) % 4],
                              10 + (r >> depth) % 400,
                              ("handle", "save", "execute", "parse")[(r >> (2 * depth)) % 4]))
                out.append("    do_something(%d)" % depth)
            out.append("%s: %s" % (("ValueError", "KeyError", "TimeoutError", "DatabaseException")[(r >> 4) % 4],
                                   "invalid literal for int() with base 10: 'x%d'" % (r % 10)))
        else:
            out.append("%s %2d %02d:%02d:%02d web-%d sshd[%d]: Failed password for invalid user u%d from %s port %d ssh2"
                       % (MONTHS[r % 6], 1 + r % 28, hour, r % 60, r % 59, r % 4,
                          1000 + r % 30000, r % 100, ip, 1024 + r % 60000))
        i += 1
    return out[:lines]


def analyse(lines):
    status = {}
    endpoints = {}
    levels = {}
    errors = {}
    frames = 0
    agents = {}
    failed_ips = {}
    hours = [0] * 24
    slow = 0
    masked_chars = 0
    for line in lines:
        m = ACCESS.match(line)
        if m:
            status[m.group("status")] = status.get(m.group("status"), 0) + 1
            endpoint = m["method"] + " " + ID_IN_PATH.sub("/{id}", m["path"])
            count, total = endpoints.get(endpoint, (0, 0.0))
            rt = float(m["rt"]) if m["rt"] else 0.0
            endpoints[endpoint] = (count + 1, total + rt)
            hours[int(m["hour"])] += 1
            product = AGENT_SPLIT.split(m["agent"])[0]
            agents[product] = agents.get(product, 0) + 1
            continue
        m = APP.match(line)
        if m:
            levels[m["level"]] = levels.get(m["level"], 0) + 1
            fields = dict(KEY_VALUE.findall(m["message"]))
            if int(fields.get("took", "0ms").rstrip("ms")) > 2000:
                slow += 1
            masked = IPV4.sub(lambda ip: "%s.%s.x.x" % (ip.group(1), ip.group(2)),
                              EMAIL.sub("<email>", line))
            masked_chars += len(masked)
            continue
        if TRACE_HEAD.match(line):
            continue
        m = TRACE_FRAME.match(line)
        if m:
            frames += int(m["line"])
            continue
        m = TRACE_ERROR.match(line)
        if m:
            errors[m["type"]] = errors.get(m["type"], 0) + 1
            continue
        m = SYSLOG.match(line)
        if m:
            ip = re.search(r"from (\S+) port", m["msg"]).group(1)
            failed_ips[ip] = failed_ips.get(ip, 0) + 1
    return status, endpoints, levels, errors, frames, agents, failed_ips, hours, slow, masked_chars


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 250000
    lines = generate(n)
    (status, endpoints, levels, errors, frames, agents, failed_ips, hours,
     slow, masked_chars) = analyse(lines)
    busiest = sorted(endpoints.items(), key=lambda kv: (-kv[1][0], kv[0]))[:3]
    print("checksum:", sorted(status.items()), sorted(levels.items()),
          sorted(errors.items()), frames, sorted(agents.items()),
          len(failed_ips), max(hours), slow, masked_chars,
          [(k, c, round(t, 3)) for k, (c, t) in busiest])


if __name__ == "__main__":
    main()
