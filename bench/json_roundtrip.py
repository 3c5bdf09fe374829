"""JSON round trips: serialise and parse API-style documents.

Builds a batch of nested records like a web service would return --
users with profiles, tags, unicode names, nested order lists with
prices, optional fields and escaped strings -- then encodes it with
json.dumps in several styles (compact, indented, sorted keys,
ensure_ascii off), parses every encoding back with json.loads, checks
the round trip, and queries the decoded data.  Custom encoder and
object_hook classes convert a small Money type in both directions.

usage: json_roundtrip.py [RECORDS]
"""
# bench-size: default=3000 quick=200

import json
import sys

FIRST = ["Ana", "Björn", "Chloé", "Dmitri", "Eve", "Fátima", "Gustav",
         "Hiroshi", "Ines", "José", "Kwame", "Lena", "Ming", "Nora"]
LAST = ["Smith", "Müller", "García", "Kowalski", "Tanaka", "O'Brien",
        "Nguyễn", "Silva", "Öztürk", "Dubois", "Rossi", "Andersson"]
TAGS = ["admin", "beta", "vip", "new", "legacy", "eu", "us", "apac",
        "mobile", "desktop", "\"quoted\"", "tab\there", "slash/ok"]
CITIES = ["Zürich", "São Paulo", "Kraków", "Reykjavík", "東京", "Київ",
          "New York", "Cape Town"]


class Money:
    def __init__(self, cents, currency):
        self.cents = cents
        self.currency = currency

    def __eq__(self, other):
        return (isinstance(other, Money) and self.cents == other.cents
                and self.currency == other.currency)


class MoneyEncoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Money):
            return {"__money__": True, "cents": o.cents, "currency": o.currency}
        return json.JSONEncoder.default(self, o)


def money_hook(obj):
    if obj.get("__money__"):
        return Money(obj["cents"], obj["currency"])
    return obj


def make_record(i):
    n = i * 7919
    orders = []
    for k in range(n % 6):
        orders.append({
            "id": "ord-%06d-%d" % (i, k),
            "items": [{"sku": "SKU%04d" % ((n + j * 31) % 9973),
                       "qty": 1 + (n + j) % 4,
                       "price": ((n + j * 17) % 100000) / 100.0}
                      for j in range(1 + (n + k) % 5)],
            "total": Money((n * (k + 1)) % 1000000, "EUR" if k % 2 else "USD"),
            "shipped": (n + k) % 3 == 0,
            "notes": None if k % 2 else "Leave at door\nring twice",
        })
    return {
        "id": i,
        "name": "%s %s" % (FIRST[n % len(FIRST)], LAST[(n // 7) % len(LAST)]),
        "email": "user%d@example.org" % i,
        "active": n % 5 != 0,
        "score": (n % 10007) / 97.0,
        "balance": -((n % 5000) * 3) if n % 11 == 0 else (n % 50000) * 3,
        "tags": [TAGS[(n + t) % len(TAGS)] for t in range(n % 4)],
        "address": {"city": CITIES[n % len(CITIES)],
                    "zip": "%05d" % (n % 99999),
                    "geo": [round((n % 18000) / 100.0 - 90, 4),
                            round((n % 36000) / 100.0 - 180, 4)]},
        "orders": orders,
        "big": 2 ** (40 + n % 50),
    }


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    records = [make_record(i) for i in range(count)]
    batch = {"version": 3, "generated": "2024-06-11T12:00:00Z",
             "records": records}
    styles = [
        {},
        {"indent": 2},
        {"sort_keys": True, "separators": (",", ":")},
        {"ensure_ascii": False, "indent": "\t"},
    ]
    total_length = 0
    for style in styles:
        text = json.dumps(batch, cls=MoneyEncoder, **style)
        total_length += len(text)
        back = json.loads(text, object_hook=money_hook)
        if back != batch:
            print("json: round trip changed the data with", style)
            sys.exit(1)
    # per-record round trips, as a service handling requests would do
    revenue = 0
    shipped = 0
    cities = {}
    for record in records:
        line = json.dumps(record, cls=MoneyEncoder)
        doc = json.loads(line, object_hook=money_hook)
        for order in doc["orders"]:
            revenue += order["total"].cents
            shipped += order["shipped"]
            for item in order["items"]:
                revenue += int(round(item["price"] * 100)) * item["qty"]
        city = doc["address"]["city"]
        cities[city] = cities.get(city, 0) + 1
    summary = json.dumps(cities, sort_keys=True, ensure_ascii=False)
    print("checksum:", total_length, revenue, shipped, summary)


if __name__ == "__main__":
    main()
