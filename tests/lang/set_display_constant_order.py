# A set display of three or more constants is, in CPython 3.11, a constant
# frozenset rebuilt once from its own table order (the compiler's constant
# merging) and copied into a new set; elements with colliding hashes show it.
print({3, 1, 2, 100, 17})
print({-1, -2, -3, 0, 5, 8, 16, 24, 32})
print({100, 200, 300, 400, 500, 600, 700})
print({8, 16, 24, 32, 40, 48, 56, 64, 72, 80})
print({2**61 - 2, 2**61 - 1, 2**61, 2**62, 2**64, -2**61})
print({1.5, 2.5, 0.5, 8.0, 3})
print({-1, -2}, {-2, -1}, {-1, -2, -3}, {-2, -1, -3})
x = -1
print({x, -2, -3}, {-2, x, -3})
print(frozenset({-1, -2, -3}), frozenset([-1, -2, -3]))
