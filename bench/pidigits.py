"""Digits of pi with big integers.

Gibbons' unbounded spigot algorithm, which streams the decimal digits
of pi using nothing but exact big-integer arithmetic (multiplications,
additions and floor divisions of ever-growing numbers).  The digits are
printed in the usual ten-per-line layout into a buffer, which is then
checked against an independent Machin-formula computation of the same
digits (arctangent series in fixed-point big integers).

usage: pidigits.py [DIGITS]
"""
# bench-size: default=6000 quick=600

import io
import sys


def spigot_digits(count):
    """Yield the first `count` decimal digits of pi (3, 1, 4, 1, ...)."""
    q, r, t, k, n, l = 1, 0, 1, 1, 3, 3
    produced = 0
    while produced < count:
        if 4 * q + r - t < n * t:
            yield n
            produced += 1
            q, r, n = 10 * q, 10 * (r - n * t), (10 * (3 * q + r)) // t - 10 * n
        else:
            q, r, t, k, n, l = (q * k, (2 * q + r) * l, t * l, k + 1,
                                (q * (7 * k + 2) + r * l) // (t * l), l + 2)


def arctan_inverse(x, unity):
    """arctan(1/x) scaled by `unity`, by the alternating Taylor series."""
    total = term = unity // x
    x2 = x * x
    n = 1
    sign = -1
    while term:
        term //= x2
        n += 2
        total += sign * (term // n)
        sign = -sign
    return total


def machin_digits(count):
    if hasattr(sys, "set_int_max_str_digits"):     # 3.11+: allow long str()
        sys.set_int_max_str_digits(0)
    guard = 10
    unity = 10 ** (count + guard)
    pi = 4 * (4 * arctan_inverse(5, unity) - arctan_inverse(239, unity))
    return str(pi // 10 ** guard)[:count]


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 6000
    out = io.StringIO()
    line = []
    digits = []
    for i, d in enumerate(spigot_digits(count), 1):
        line.append(str(d))
        digits.append(str(d))
        if i % 10 == 0:
            out.write("%s\t:%d\n" % ("".join(line), i))
            line = []
    if line:
        out.write("%-10s\t:%d\n" % ("".join(line), count))
    text = "".join(digits)
    if text != machin_digits(count):
        print("pidigits: spigot and Machin disagree")
        sys.exit(1)
    total = sum(int(c) for c in text)
    print("checksum:", text[:12], text[-12:], total, len(out.getvalue()))


if __name__ == "__main__":
    main()
