"""decimal: arithmetic, quantize, string conversion and a context with high precision.

usage: decimal_arith.py [N]
"""
# bench-size: default=40000 quick=2000
import decimal
import sys
from decimal import Decimal

n = int(sys.argv[1]) if len(sys.argv) > 1 else 40000
cent = Decimal("0.01")
total = Decimal(0)
price = Decimal("19.99")
rate = Decimal("0.0725")
for i in range(n):
    amount = price * (i % 13 + 1)
    tax = (amount * rate).quantize(cent, rounding=decimal.ROUND_HALF_EVEN)
    total += amount + tax - Decimal(i % 7) / 3
with decimal.localcontext() as ctx:
    ctx.prec = 60
    x = Decimal(2).sqrt() * Decimal(n)
print("checksum", total.quantize(cent), str(x)[:40])
