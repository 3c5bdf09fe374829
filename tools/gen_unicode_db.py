# gen_unicode_db.py - regenerate src/objects/unicode_db.c from the reference CPython's own answers.
#
# Run ONCE, by hand, with the reference implementation (Debian's CPython
# 3.11, Unicode 14.0.0), never at build time (the build machine may have no
# Python):
#
#     /usr/bin/python3 tools/gen_unicode_db.py > src/objects/unicode_db.c
#
# Every property is taken from what CPython itself answers -- its str
# methods and its unicodedata module -- rather than from the UCD text files,
# so Taipan agrees with the reference for every code point, including the
# derived properties CPython computes its own way (isprintable, isidentifier,
# the title-casing "cased" test).  See docs/unicode.md.
import sys
import unicodedata
import _sre

assert sys.version_info[:2] == (3, 11), "run with the reference /usr/bin/python3 (3.11)"
assert unicodedata.unidata_version == "14.0.0"

CATEGORIES = ["Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No",
              "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So",
              "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co"]
CAT_INDEX = {c: i for i, c in enumerate(CATEGORIES)}

# Flag bits: the category takes bits 0..4; keep in step with unicode_db.h.
FLAGS = ["ALPHA", "DECIMAL", "DIGIT", "NUMERIC", "SPACE", "LINEBREAK", "PRINTABLE",
         "LOWER", "UPPER", "TITLE", "CASED", "CASE_IGNORABLE", "XID_START",
         "XID_CONTINUE", "EXT_LOWER", "EXT_UPPER", "EXT_TITLE", "EXT_FOLD"]
BIT = {name: 1 << (5 + i) for i, name in enumerate(FLAGS)}

ext = [0]          # extended mappings; offset 0 is unused so 0 never means "extended"
ext_index = {}
numerics = [None]  # index 0: no numeric value
numeric_index = {}


def mapping(cp, s, simple_lower=None):
    """Return (field, is_ext) for a full case mapping of cp to the string s."""
    if len(s) == 1 and simple_lower is None:
        return ord(s) - cp, False
    key = (s, simple_lower)
    if key not in ext_index:
        head = len(s) | ((simple_lower or 0) << 8)
        ext_index[key] = len(ext)
        ext.append(head)
        ext.extend(ord(ch) for ch in s)
    return ext_index[key], True


def is_cased(c):
    # str.title() lower-cases a letter after a cased character, title-cases it otherwise.
    return (c + "a").title()[-1] == "a"


def is_case_ignorable(c, cased):
    # Probe the Final_Sigma rule of str.lower():
    #   cased case-ignorable* SIGMA !(case-ignorable* cased)  ->  final sigma.
    if cased:
        # '1' is neither cased nor ignorable: the sigma is final only if c
        # itself stops the backward scan.
        return ("1" + c + "\u03a3").lower()[-1] == "\u03c3"
    return ("A" + c + "\u03a3").lower()[-1] == "\u03c2"


def record(cp):
    c = chr(cp)
    flags = CAT_INDEX[unicodedata.category(c)]
    cased = is_cased(c)
    tests = {
        "ALPHA": c.isalpha(), "DECIMAL": c.isdecimal(), "DIGIT": c.isdigit(),
        "NUMERIC": c.isnumeric(), "SPACE": c.isspace(),
        "LINEBREAK": len(("a" + c + "b").splitlines()) == 2,
        "PRINTABLE": c.isprintable(), "LOWER": c.islower(), "UPPER": c.isupper(),
        "TITLE": unicodedata.category(c) == "Lt", "CASED": cased,
        "CASE_IGNORABLE": is_case_ignorable(c, cased),
        "XID_START": c.isidentifier(), "XID_CONTINUE": ("a" + c).isidentifier(),
    }
    for name, ok in tests.items():
        if ok:
            flags |= BIT[name]
    simple = _sre.unicode_tolower(cp)
    low = c.lower()
    if len(low) == 1 and ord(low) == simple:
        lower, e = mapping(cp, low)
    else:
        lower, e = mapping(cp, low, simple)
    if e:
        flags |= BIT["EXT_LOWER"]
    upper, e = mapping(cp, c.upper())
    if e:
        flags |= BIT["EXT_UPPER"]
    title, e = mapping(cp, c.title())
    if e:
        flags |= BIT["EXT_TITLE"]
    fold, e = mapping(cp, c.casefold())
    if e:
        flags |= BIT["EXT_FOLD"]
    dec = unicodedata.decimal(c, -1)
    dig = unicodedata.digit(c, -1)
    num = unicodedata.numeric(c, None)
    if num is None:
        ni = 0
    else:
        if num not in numeric_index:
            numeric_index[num] = len(numerics)
            numerics.append(num)
        ni = numeric_index[num]
    return (upper, lower, title, fold, flags, dec, dig, ni)


def splitbins(t):
    """Best two-level split of t: (index1, index2, shift) minimising bytes."""
    best = None
    n = len(t)
    for shift in range(3, 12):
        size = 1 << shift
        blocks = {}
        index1 = []
        index2 = []
        for i in range(0, n, size):
            blk = tuple(t[i:i + size])
            if blk not in blocks:
                blocks[blk] = len(blocks)
                index2.extend(blk)
            index1.append(blocks[blk])
        w1 = 1 if len(blocks) < 256 else 2
        w2 = 1 if max(index2) < 256 else 2
        cost = len(index1) * w1 + len(index2) * w2
        if best is None or cost < best[0]:
            best = (cost, index1, index2, shift)
    return best[1], best[2], best[3]


def ctype(values):
    return "uint8_t" if max(values) < 256 else "uint16_t"


def emit_array(name, ty, values, per_line=16):
    out = ["static const %s %s[%d] = {" % (ty, name, len(values))]
    for i in range(0, len(values), per_line):
        out.append("    " + ",".join(str(v) for v in values[i:i + per_line]) + ",")
    out.append("};")
    return "\n".join(out)


def main():
    records = []
    rec_index = {}
    per_cp = []
    for cp in range(0x110000):
        r = record(cp)
        if r not in rec_index:
            rec_index[r] = len(records)
            records.append(r)
        per_cp.append(rec_index[r])
    assert len(records) < 65536
    index1, index2, shift = splitbins(per_cp)
    maxlen = max(ext[i] & 0xff for i in ext_index.values())

    p = print
    p("/* unicode_db.c - Unicode 14.0.0 character properties (CPython 3.11's answers), generated tables. */")
    p("/* GENERATED by tools/gen_unicode_db.py with /usr/bin/python3 (CPython %s, unicodedata %s)."
      % (sys.version.split()[0], unicodedata.unidata_version))
    p(" * Do not edit; see docs/unicode.md.  %d records, %d extended mapping words,"
      % (len(records), len(ext)))
    p(" * index shift %d (%d + %d index entries). */" % (shift, len(index1), len(index2)))
    p('#include "unicode_db.h"')
    p()
    p("_Static_assert(UCD_MAX_MAPPING >= %d, \"a full case mapping is longer than UCD_MAX_MAPPING\");"
      % maxlen)
    for i, name in enumerate(FLAGS):
        p("_Static_assert(UCD_%s == (1u << %d), \"flag order differs from the generator\");"
          % (name, 5 + i))
    p()
    p("const char ucd_category_names[UCD_NCATEGORIES][3] = {%s};"
      % ", ".join('"%s"' % c for c in CATEGORIES))
    p()
    p("const UcdRecord ucd_records[%d] = {" % len(records))
    p("    /* upper, lower, title, fold, flags, decimal, digit, numeric */")
    for r in records:
        p("    {%d, %d, %d, %d, 0x%x, %d, %d, %d}," % r)
    p("};")
    p()
    p(emit_array("ucd_ext_data", "uint32_t", ext, 12))
    p("const uint32_t *const ucd_ext = ucd_ext_data;")
    p()
    p("const double ucd_numeric_values[%d] = {" % len(numerics))
    p("    0.0,")
    for v in numerics[1:]:
        p("    %r," % v)
    p("};")
    p()
    p("#define SHIFT %d" % shift)
    p(emit_array("index1", ctype(index1), index1, 40))
    p(emit_array("index2", ctype(index2), index2, 40))
    p()
    p("const UcdRecord *ucd_record(uint32_t cp) {")
    p("    if (cp > 0x10FFFF) cp = 0x10FFFF; /* beyond Unicode: like an unassigned code point */")
    p("    unsigned i = index1[cp >> SHIFT];")
    p("    return &ucd_records[index2[(i << SHIFT) + (cp & ((1u << SHIFT) - 1))]];")
    p("}")


main()
