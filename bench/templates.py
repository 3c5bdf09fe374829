"""Template rendering: a small Jinja-like engine and a web page workload.

The engine tokenises templates with a regular expression, parses
{{ expressions|filters }}, {% for %}, {% if/elif/else %}, {% include %}
and {# comments #} into a tree, and compiles the tree into Python
source that is exec'd once into a render function -- the design of
most real Python template engines.  Variables are looked up through
attributes or dict keys, output is HTML-escaped unless marked safe.

The workload renders a shop's product listing pages (nested loops,
conditionals, filters, an included partial per product) and order
confirmation e-mails for many customers, and digests the output.

usage: templates.py [PAGES]
"""
# bench-size: default=7000 quick=200

import html
import re
import sys

TOKEN = re.compile(r"({{.*?}}|{%.*?%}|{#.*?#})", re.S)
COMPARISON = re.compile(r"^(.+?)\s*(==|!=|>=|<=|>|<)\s*(.+)$")


class TemplateError(Exception):
    pass


class Markup(str):
    """A string that is already safe HTML."""


def escape(value):
    if isinstance(value, Markup):
        return value
    return html.escape(str(value), quote=True)


def lookup(obj, name):
    if isinstance(obj, dict):
        return obj.get(name, "")
    return getattr(obj, name, "")


def truncate(value, length=20):
    s = str(value)
    return s if len(s) <= length else s[:length - 1].rstrip() + "\u2026"


FILTERS = {
    "upper": lambda v: str(v).upper(),
    "lower": lambda v: str(v).lower(),
    "title": lambda v: str(v).title(),
    "length": len,
    "money": lambda v: "%d.%02d" % divmod(int(v), 100),
    "default": lambda v, d="": v if v not in ("", None) else d,
    "truncate": truncate,
    "join": lambda v, sep=", ": sep.join(str(x) for x in v),
    "safe": Markup,
    "plural": lambda v, one="", many="s": one if v == 1 else many,
}


class Compiler:
    """Turns template text into Python source for a render function."""

    def __init__(self, loader):
        self.loader = loader
        self.lines = []
        self.depth = 0
        self.counter = 0

    def emit(self, line):
        self.lines.append("    " * self.depth + line)

    def fresh(self, stem):
        self.counter += 1
        return "_%s%d" % (stem, self.counter)

    def compile_path(self, path, scope):
        path = path.strip()
        if path.startswith(("'", '"')):
            return repr(path[1:-1])
        if re.match(r"^-?\d+$", path):
            return path
        head, *rest = path.split(".")
        code = scope.get(head, "_lookup(_ctx, %r)" % head)
        for part in rest:
            code = "_lookup(%s, %r)" % (code, part)
        return code

    def compile_expression(self, text, scope):
        parts = [p.strip() for p in text.split("|")]
        code = self.compile_path(parts[0], scope)
        for f in parts[1:]:
            m = re.match(r"^(\w+)(?:\((.*)\))?$", f)
            if not m or m.group(1) not in FILTERS:
                raise TemplateError("unknown filter %r" % f)
            args = ""
            if m.group(2):
                args = ", " + ", ".join(self.compile_path(a, scope)
                                        for a in m.group(2).split(","))
            code = "_filters[%r](%s%s)" % (m.group(1), code, args)
        return code

    def compile_condition(self, text, scope):
        text = text.strip()
        if text.startswith("not "):
            return "not (%s)" % self.compile_condition(text[4:], scope)
        m = COMPARISON.match(text)
        if m:
            return "(%s %s %s)" % (self.compile_expression(m.group(1), scope),
                                   m.group(2),
                                   self.compile_expression(m.group(3), scope))
        return self.compile_expression(text, scope)

    def compile(self, source, scope):
        stack = []
        for token in TOKEN.split(source):
            if not token:
                continue
            if token.startswith("{#"):
                continue
            if token.startswith("{{"):
                self.emit("_out(_escape(%s))"
                          % self.compile_expression(token[2:-2], scope))
            elif token.startswith("{%"):
                words = token[2:-2].split(None, 1)
                keyword = words[0]
                rest = words[1] if len(words) > 1 else ""
                if keyword == "for":
                    m = re.match(r"^(\w+) in (.+)$", rest.strip())
                    if not m:
                        raise TemplateError("bad for: %r" % rest)
                    var = self.fresh(m.group(1))
                    loop = self.fresh("loop")
                    seq = self.compile_expression(m.group(2), scope)
                    self.emit("for %s, %s in enumerate(%s, 1):" % (loop, var, seq))
                    stack.append(("for", dict(scope)))
                    scope[m.group(1)] = var
                    scope["loop"] = "{'index': %s}" % loop
                    self.depth += 1
                elif keyword == "endfor":
                    kind, saved = stack.pop()
                    if kind != "for":
                        raise TemplateError("endfor without for")
                    scope.clear()
                    scope.update(saved)
                    self.emit("pass")
                    self.depth -= 1
                elif keyword == "if":
                    self.emit("if %s:" % self.compile_condition(rest, scope))
                    stack.append(("if", None))
                    self.depth += 1
                elif keyword == "elif":
                    self.depth -= 1
                    self.emit("elif %s:" % self.compile_condition(rest, scope))
                    self.depth += 1
                elif keyword == "else":
                    self.depth -= 1
                    self.emit("else:")
                    self.depth += 1
                elif keyword == "endif":
                    if stack.pop()[0] != "if":
                        raise TemplateError("endif without if")
                    self.emit("pass")
                    self.depth -= 1
                elif keyword == "include":
                    name = rest.strip().strip("'\"")
                    self.compile(self.loader.source(name), scope)
                else:
                    raise TemplateError("unknown tag %r" % keyword)
            else:
                self.emit("_out(%r)" % token)
        if stack:
            raise TemplateError("unclosed %s" % stack[-1][0])


class Loader:
    def __init__(self, sources):
        self.sources = sources
        self.cache = {}

    def source(self, name):
        return self.sources[name]

    def get(self, name):
        if name not in self.cache:
            compiler = Compiler(self)
            compiler.depth = 1
            compiler.compile(self.source(name), {})
            code = ("def render(_ctx, _filters, _lookup, _escape):\n"
                    "    _parts = []\n    _out = _parts.append\n"
                    + "\n".join(compiler.lines)
                    + "\n    return ''.join(_parts)\n")
            namespace = {}
            exec(compile(code, "<template %s>" % name, "exec"), namespace)
            self.cache[name] = namespace["render"]
        return Template(self.cache[name])


class Template:
    def __init__(self, function):
        self.function = function

    def render(self, context):
        return self.function(context, FILTERS, lookup, escape)


SOURCES = {
    "page.html": """<!DOCTYPE html>
<html><head><title>{{ shop.name|title }} &ndash; {{ category.name }}</title></head>
<body>
{# navigation #}
<nav>{% for c in shop.categories %}<a href="/c/{{ c.slug }}"{% if c.slug == category.slug %} class="active"{% endif %}>{{ c.name }}</a>{% endfor %}</nav>
{% if user.logged_in %}<p>Welcome back, {{ user.name|default('friend') }}! You have {{ user.cart|length }} item{{ user.cart|length|plural }} in your cart.</p>
{% else %}<p><a href="/login">Sign in</a></p>{% endif %}
<h1>{{ category.name|upper }}</h1>
<table class="products">
{% for p in category.products %}{% include 'product_row.html' %}{% endfor %}
</table>
<footer>{{ shop.footer|safe }} &middot; page {{ page }}</footer>
</body></html>
""",
    "product_row.html": """<tr class="{% if loop.index > 10 %}more{% else %}top{% endif %}">
  <td>{{ loop.index }}</td><td><a href="/p/{{ p.sku }}">{{ p.name|truncate(28) }}</a></td>
  <td>{% if p.sale_price %}<del>{{ p.price|money }}</del> <b>{{ p.sale_price|money }}</b>{% else %}{{ p.price|money }}{% endif %}</td>
  <td>{% if p.stock == 0 %}sold out{% elif p.stock < 5 %}only {{ p.stock }} left{% else %}in stock{% endif %}</td>
  <td>{{ p.tags|join(' / ') }}</td>
</tr>
""",
    "email.txt": """Dear {{ customer.name }},

thank you for order {{ order.number }}. {% if order.express %}It ships today by express courier.{% else %}It ships within 3 days.{% endif %}
{% for line in order.lines %}  {{ line.qty }} x {{ line.name|truncate(30) }} @ {{ line.unit|money }}
{% endfor %}
Total: {{ order.total|money }} {{ order.currency }}
{% if not customer.newsletter %}Reply JOIN to get our newsletter.{% endif %}
-- {{ shop.name|title }} <script>alert('not escaped?')</script>
""",
}


class Product:
    def __init__(self, i):
        n = i * 2654435761 % 4294967291
        self.sku = "P%05d" % i
        self.name = "%s %s <%s> & co" % (("Deluxe", "Classic", "Eco", "Mini")[n % 4],
                                         ("kettle", "lamp", "chair", "backpack", "teapot")[n % 5],
                                         "model-%d" % (n % 97))
        self.price = 199 + n % 20000
        self.sale_price = self.price * 8 // 10 if n % 3 == 0 else None
        self.stock = n % 12
        self.tags = [("new", "eco", "sale", "gift", "\"quoted\"")[(n >> k) % 5]
                     for k in range(n % 4)]


def make_shop():
    categories = []
    for c, name in enumerate(["Kitchen", "Living room", "Garden & Patio",
                              "Office", "Outdoor <gear>"]):
        categories.append({"slug": "cat%d" % c, "name": name,
                           "products": [Product(c * 100 + i) for i in range(12 + c * 3)]})
    return {"name": "the curious shop", "categories": categories,
            "footer": "&copy; 2024 <a href='/imprint'>Imprint</a>"}


def digest(text, h):
    for line in text.splitlines():
        h = (h * 1000003 + len(line) * 7 + line.count("<") + line.count("&")) % 4294967291
    return h


def main():
    pages = int(sys.argv[1]) if len(sys.argv) > 1 else 7000
    loader = Loader(SOURCES)
    shop = make_shop()
    page = loader.get("page.html")
    email = loader.get("email.txt")
    total = 0
    h = 0
    for i in range(pages):
        category = shop["categories"][i % len(shop["categories"])]
        user = {"logged_in": i % 3 != 0, "name": "" if i % 7 == 0 else "user <%d>" % i,
                "cart": list(range(i % 4))}
        out = page.render({"shop": shop, "category": category, "user": user, "page": i})
        total += len(out)
        h = digest(out, h)
        for j in range(5):
            products = category["products"]
            lines = [{"qty": 1 + (i + j + k) % 3, "name": products[(i + k) % len(products)].name,
                      "unit": products[(i + k) % len(products)].price} for k in range(1 + (i + j) % 5)]
            order = {"number": "A-%06d" % (i * 5 + j), "express": (i + j) % 4 == 0,
                     "lines": lines, "currency": "EUR",
                     "total": sum(l["qty"] * l["unit"] for l in lines)}
            customer = {"name": "Customer %d" % j, "newsletter": j % 2 == 0}
            out = email.render({"shop": shop, "order": order, "customer": customer})
            total += len(out)
            h = digest(out, h)
    print("checksum:", total, h)


if __name__ == "__main__":
    main()
