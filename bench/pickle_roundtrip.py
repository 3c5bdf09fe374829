"""Pickling: save and restore an object graph, as a cache or a job queue would.

Builds an inventory of warehouses, products and stock levels --
ordinary classes, a class with __slots__ and __getstate__/__setstate__,
a class with __reduce__, tuples, sets, frozensets, bytes, big ints,
floats, nested dicts, shared references and a reference cycle -- then
pickles it with every protocol from 0 to the highest, unpickles it,
verifies the restored graph (including shared identity and the cycle),
and finally round-trips many small messages one at a time through
pickle.dumps / pickle.loads as a task queue would.

usage: pickle_roundtrip.py [PRODUCTS]
"""
# bench-size: default=5000 quick=300

import io
import pickle
import sys


class Product:
    def __init__(self, sku, name, price_cents, tags, dimensions):
        self.sku = sku
        self.name = name
        self.price_cents = price_cents
        self.tags = tags
        self.dimensions = dimensions
        self.related = []

    def signature(self):
        return (self.sku, self.name, self.price_cents, tuple(sorted(self.tags)),
                self.dimensions, tuple(self.related))


class StockLevel:
    __slots__ = ("product", "on_hand", "reserved", "history")

    def __init__(self, product, on_hand, reserved=0):
        self.product = product
        self.on_hand = on_hand
        self.reserved = reserved
        self.history = []

    def __getstate__(self):
        return {"product": self.product, "on_hand": self.on_hand,
                "reserved": self.reserved, "history": self.history}

    def __setstate__(self, state):
        for key, value in state.items():
            setattr(self, key, value)


class Location:
    """A value object that pickles itself through __reduce__."""

    def __init__(self, aisle, shelf, bin_no):
        self.aisle = aisle
        self.shelf = shelf
        self.bin_no = bin_no

    def __reduce__(self):
        return (Location, (self.aisle, self.shelf, self.bin_no))

    def __eq__(self, other):
        return (isinstance(other, Location)
                and (self.aisle, self.shelf, self.bin_no)
                == (other.aisle, other.shelf, other.bin_no))

    def __hash__(self):
        return hash((self.aisle, self.shelf, self.bin_no))


class Warehouse:
    def __init__(self, code, city):
        self.code = code
        self.city = city
        self.stock = {}
        self.locations = {}
        self.network = None          # set later: a cycle back to all warehouses


def build_inventory(count):
    products = []
    for i in range(count):
        n = i * 2654435761 % 1000003
        p = Product("SKU-%06d" % i, "Product %d \u2013 model %s" % (i, "XYZ"[n % 3]),
                    (n % 100000) + 99,
                    {"tag%d" % (n % 7), "tag%d" % (n % 11)},
                    (n % 100 / 4.0, n % 37 / 8.0, float(n % 13)))
        products.append(p)
    for i, p in enumerate(products):
        p.related = [products[(i * 7 + k) % count].sku for k in range(1, 1 + i % 4)]
    warehouses = [Warehouse(code, city) for code, city in
                  (("AMS", "Amsterdam"), ("BCN", "Barcelona"),
                   ("CPH", "Copenhagen"), ("DUB", "Dublin"))]
    for w in warehouses:
        w.network = warehouses
    for i, p in enumerate(products):
        w = warehouses[i % len(warehouses)]
        level = StockLevel(p, i % 500, i % 17)
        level.history = [(day, (i * day) % 31 - 15) for day in range(i % 6)]
        w.stock[p.sku] = level
        w.locations[Location(i % 40, (i // 40) % 8, i % 5)] = p.sku
    return {
        "version": (2, 4, 1),
        "warehouses": warehouses,
        "products": products,
        "discontinued": frozenset(p.sku for p in products[::13]),
        "barcodes": {p.sku: p.sku.encode("ascii") + bytes([i % 256])
                     for i, p in enumerate(products[:500])},
        "totals": {"value": sum(p.price_cents for p in products) * 10 ** 12,
                   "ratio": count / 7.0, "negative": -2 ** 70},
        "empty": [(), [], {}, set(), "", b"", None, True, False],
    }


def verify(original, restored):
    products = restored["products"]
    if [p.signature() for p in products] != [p.signature() for p in original["products"]]:
        raise AssertionError("products differ")
    warehouses = restored["warehouses"]
    for w in warehouses:
        if w.network is not warehouses:
            raise AssertionError("cycle not restored")
        for sku, level in w.stock.items():
            if level.product is not products[int(sku[4:])]:
                raise AssertionError("shared product not shared")
    for key in ("version", "discontinued", "barcodes", "totals", "empty"):
        if restored[key] != original[key]:
            raise AssertionError("%s differs" % key)
    for w0, w1 in zip(original["warehouses"], warehouses):
        if w0.locations != w1.locations:
            raise AssertionError("locations differ")
    return sum(level.on_hand - level.reserved + len(level.history)
               for w in warehouses for level in w.stock.values())


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    inventory = build_inventory(count)
    total = 0
    for protocol in range(0, pickle.HIGHEST_PROTOCOL + 1):
        buffer = io.BytesIO()
        pickle.dump(inventory, buffer, protocol=protocol)
        buffer.seek(0)
        restored = pickle.load(buffer)
        total += verify(inventory, restored)
    # a task queue: many small independent messages
    delivered = 0
    for i in range(count * 4):
        message = {"task": "reserve", "sku": "SKU-%06d" % (i % count),
                   "qty": i % 9 + 1, "where": Location(i % 40, i % 8, i % 5),
                   "meta": (i, float(i) / 3.0, None)}
        back = pickle.loads(pickle.dumps(message, protocol=pickle.HIGHEST_PROTOCOL))
        if back != message:
            raise AssertionError("message changed")
        delivered += back["qty"] + back["where"].aisle
    print("checksum:", total, delivered)


if __name__ == "__main__":
    main()
