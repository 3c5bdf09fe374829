# gcstress-every: 20
VALUES = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
          (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]


def to_roman(n):
    out = ""
    for value, numeral in VALUES:
        while n >= value:
            out += numeral
            n -= value
    return out


def from_roman(s):
    lookup = {numeral: value for value, numeral in VALUES if len(numeral) == 1}
    total = 0
    for i in range(len(s)):
        v = lookup[s[i]]
        if i + 1 < len(s) and lookup[s[i + 1]] > v:
            total -= v
        else:
            total += v
    return total


for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]:
    r = to_roman(n)
    print(n, r, from_roman(r))
print(len([n for n in range(1, 2000) if from_roman(to_roman(n)) != n]), "round-trip failures")
