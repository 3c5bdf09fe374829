/* math_int.h - what math.c and math_int.c share. */
#ifndef TAIPAN_MATH_INT_H
#define TAIPAN_MATH_INT_H

#include "../objects/object.h"

/* The integer functions (math_int.c). */
Value math_factorial_m(Value self, Value *args, size_t nargs, Value kw);
Value math_gcd_m(Value self, Value *args, size_t nargs, Value kw);
Value math_lcm_m(Value self, Value *args, size_t nargs, Value kw);
Value math_isqrt_m(Value self, Value *args, size_t nargs, Value kw);
Value math_comb_m(Value self, Value *args, size_t nargs, Value kw);
Value math_perm_m(Value self, Value *args, size_t nargs, Value kw);

/* A positive int as x * 2**e with 0.5 <= x < 1, x correctly rounded (_PyLong_Frexp). */
double math_int_frexp(Value v, int64_t *e);

/* Argument checks (math.c): METH_O style and METH_FASTCALL style. */
bool math_one_arg(const char *name, size_t nargs, Value kw);
bool math_fast_args(const char *name, size_t nargs, Value kw, size_t min, size_t max);

#endif
