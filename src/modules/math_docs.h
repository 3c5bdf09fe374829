/* math_docs.h - the docstrings of the math module's functions, as CPython 3.11 words them. */
#ifndef TAIPAN_MATH_DOCS_H
#define TAIPAN_MATH_DOCS_H

#define DOC_acos \
    "Return the arc cosine (measured in radians) of x.\n" \
    "\n" \
    "The result is between 0 and pi."
#define DOC_acosh \
    "Return the inverse hyperbolic cosine of x."
#define DOC_asin \
    "Return the arc sine (measured in radians) of x.\n" \
    "\n" \
    "The result is between -pi/2 and pi/2."
#define DOC_asinh \
    "Return the inverse hyperbolic sine of x."
#define DOC_atan \
    "Return the arc tangent (measured in radians) of x.\n" \
    "\n" \
    "The result is between -pi/2 and pi/2."
#define DOC_atan2 \
    "Return the arc tangent (measured in radians) of y/x.\n" \
    "\n" \
    "Unlike atan(y/x), the signs of both x and y are considered."
#define DOC_atanh \
    "Return the inverse hyperbolic tangent of x."
#define DOC_cbrt \
    "Return the cube root of x."
#define DOC_ceil \
    "Return the ceiling of x as an Integral.\n" \
    "\n" \
    "This is the smallest integer >= x."
#define DOC_comb \
    "Number of ways to choose k items from n items without repetition and without order.\n" \
    "\n" \
    "Evaluates to n! / (k! * (n - k)!) when k <= n and evaluates\n" \
    "to zero when k > n.\n" \
    "\n" \
    "Also called the binomial coefficient because it is equivalent\n" \
    "to the coefficient of k-th term in polynomial expansion of the\n" \
    "expression (1 + x)**n.\n" \
    "\n" \
    "Raises TypeError if either of the arguments are not integers.\n" \
    "Raises ValueError if either of the arguments are negative."
#define DOC_copysign \
    "Return a float with the magnitude (absolute value) of x but the sign of y.\n" \
    "\n" \
    "On platforms that support signed zeros, copysign(1.0, -0.0)\n" \
    "returns -1.0.\n" \
    ""
#define DOC_cos \
    "Return the cosine of x (measured in radians)."
#define DOC_cosh \
    "Return the hyperbolic cosine of x."
#define DOC_degrees \
    "Convert angle x from radians to degrees."
#define DOC_dist \
    "Return the Euclidean distance between two points p and q.\n" \
    "\n" \
    "The points should be specified as sequences (or iterables) of\n" \
    "coordinates.  Both inputs must have the same dimension.\n" \
    "\n" \
    "Roughly equivalent to:\n" \
    "    sqrt(sum((px - qx) ** 2.0 for px, qx in zip(p, q)))"
#define DOC_erf \
    "Error function at x."
#define DOC_erfc \
    "Complementary error function at x."
#define DOC_exp \
    "Return e raised to the power of x."
#define DOC_exp2 \
    "Return 2 raised to the power of x."
#define DOC_expm1 \
    "Return exp(x)-1.\n" \
    "\n" \
    "This function avoids the loss of precision involved in the direct evaluation of exp(x)-1 for small x."
#define DOC_fabs \
    "Return the absolute value of the float x."
#define DOC_factorial \
    "Find n!.\n" \
    "\n" \
    "Raise a ValueError if x is negative or non-integral."
#define DOC_floor \
    "Return the floor of x as an Integral.\n" \
    "\n" \
    "This is the largest integer <= x."
#define DOC_fmod \
    "Return fmod(x, y), according to platform C.\n" \
    "\n" \
    "x % y may differ."
#define DOC_frexp \
    "Return the mantissa and exponent of x, as pair (m, e).\n" \
    "\n" \
    "m is a float and e is an int, such that x = m * 2.**e.\n" \
    "If x is 0, m and e are both 0.  Else 0.5 <= abs(m) < 1.0."
#define DOC_fsum \
    "Return an accurate floating point sum of values in the iterable seq.\n" \
    "\n" \
    "Assumes IEEE-754 floating point arithmetic."
#define DOC_gamma \
    "Gamma function at x."
#define DOC_gcd \
    "Greatest Common Divisor."
#define DOC_hypot \
    "hypot(*coordinates) -> value\n" \
    "\n" \
    "Multidimensional Euclidean distance from the origin to a point.\n" \
    "\n" \
    "Roughly equivalent to:\n" \
    "    sqrt(sum(x**2 for x in coordinates))\n" \
    "\n" \
    "For a two dimensional point (x, y), gives the hypotenuse\n" \
    "using the Pythagorean theorem:  sqrt(x*x + y*y).\n" \
    "\n" \
    "For example, the hypotenuse of a 3/4/5 right triangle is:\n" \
    "\n" \
    "    >>> hypot(3.0, 4.0)\n" \
    "    5.0\n" \
    ""
#define DOC_isclose \
    "Determine whether two floating point numbers are close in value.\n" \
    "\n" \
    "  rel_tol\n" \
    "    maximum difference for being considered \"close\", relative to the\n" \
    "    magnitude of the input values\n" \
    "  abs_tol\n" \
    "    maximum difference for being considered \"close\", regardless of the\n" \
    "    magnitude of the input values\n" \
    "\n" \
    "Return True if a is close in value to b, and False otherwise.\n" \
    "\n" \
    "For the values to be considered close, the difference between them\n" \
    "must be smaller than at least one of the tolerances.\n" \
    "\n" \
    "-inf, inf and NaN behave similarly to the IEEE 754 Standard.  That\n" \
    "is, NaN is not close to anything, even itself.  inf and -inf are\n" \
    "only close to themselves."
#define DOC_isfinite \
    "Return True if x is neither an infinity nor a NaN, and False otherwise."
#define DOC_isinf \
    "Return True if x is a positive or negative infinity, and False otherwise."
#define DOC_isnan \
    "Return True if x is a NaN (not a number), and False otherwise."
#define DOC_isqrt \
    "Return the integer part of the square root of the input."
#define DOC_lcm \
    "Least Common Multiple."
#define DOC_ldexp \
    "Return x * (2**i).\n" \
    "\n" \
    "This is essentially the inverse of frexp()."
#define DOC_lgamma \
    "Natural logarithm of absolute value of Gamma function at x."
#define DOC_log \
    "log(x, [base=math.e])\n" \
    "Return the logarithm of x to the given base.\n" \
    "\n" \
    "If the base not specified, returns the natural logarithm (base e) of x."
#define DOC_log10 \
    "Return the base 10 logarithm of x."
#define DOC_log1p \
    "Return the natural logarithm of 1+x (base e).\n" \
    "\n" \
    "The result is computed in a way which is accurate for x near zero."
#define DOC_log2 \
    "Return the base 2 logarithm of x."
#define DOC_modf \
    "Return the fractional and integer parts of x.\n" \
    "\n" \
    "Both results carry the sign of x and are floats."
#define DOC_nextafter \
    "Return the next floating-point value after x towards y."
#define DOC_perm \
    "Number of ways to choose k items from n items without repetition and with order.\n" \
    "\n" \
    "Evaluates to n! / (n - k)! when k <= n and evaluates\n" \
    "to zero when k > n.\n" \
    "\n" \
    "If k is not specified or is None, then k defaults to n\n" \
    "and the function returns n!.\n" \
    "\n" \
    "Raises TypeError if either of the arguments are not integers.\n" \
    "Raises ValueError if either of the arguments are negative."
#define DOC_pow \
    "Return x**y (x to the power of y)."
#define DOC_prod \
    "Calculate the product of all the elements in the input iterable.\n" \
    "\n" \
    "The default start value for the product is 1.\n" \
    "\n" \
    "When the iterable is empty, return the start value.  This function is\n" \
    "intended specifically for use with numeric values and may reject\n" \
    "non-numeric types."
#define DOC_radians \
    "Convert angle x from degrees to radians."
#define DOC_remainder \
    "Difference between x and the closest integer multiple of y.\n" \
    "\n" \
    "Return x - n*y where n*y is the closest integer multiple of y.\n" \
    "In the case where x is exactly halfway between two multiples of\n" \
    "y, the nearest even value of n is used. The result is always exact."
#define DOC_sin \
    "Return the sine of x (measured in radians)."
#define DOC_sinh \
    "Return the hyperbolic sine of x."
#define DOC_sqrt \
    "Return the square root of x."
#define DOC_tan \
    "Return the tangent of x (measured in radians)."
#define DOC_tanh \
    "Return the hyperbolic tangent of x."
#define DOC_trunc \
    "Truncates the Real x to the nearest Integral toward 0.\n" \
    "\n" \
    "Uses the __trunc__ magic method."
#define DOC_ulp \
    "Return the value of the least significant bit of the float x."
#define DOC_module \
    "This module provides access to the mathematical functions\n" \
    "defined by the C standard."

#endif
