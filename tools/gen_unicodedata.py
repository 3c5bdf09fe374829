# gen_unicodedata.py - regenerate src/modules/unicodedata_db.c (names, properties, normalization, UCD 3.2.0 deltas).
#
# Run ONCE, by hand, with the reference implementation (Debian's CPython
# 3.11, Unicode 14.0.0), never at build time:
#
#     /usr/bin/python3 tools/gen_unicodedata.py > src/modules/unicodedata_db.c
#
# Like tools/gen_unicode_db.py, every value is CPython's own answer (its
# unicodedata module asked code point by code point), not a parse of the UCD
# text files, so the module agrees with the reference everywhere, including
# CPython's quirks (the aliases and named sequences it keeps in plane-15
# private-use code points, the values ucd_3_2_0 reports for characters that
# were unassigned in 3.2.0).  The general category and the numeric values
# come from src/objects/unicode_db.c, which was generated the same way.
# See docs/codecs.md for the layout.
import re
import sys
import unicodedata as U

assert sys.version_info[:2] == (3, 11), "run with the reference /usr/bin/python3 (3.11)"
assert U.unidata_version == "14.0.0"
OLD = U.ucd_3_2_0
NCP = 0x110000

CATEGORIES = ["Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No",
              "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So",
              "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co"]  # the order of unicode_db.h


def splitbins(t, lo=2, hi=12):
    """Best two-level split of t: (index1, index2, shift) minimising bytes."""
    best = None
    n = len(t)
    for shift in range(lo, hi):
        size = 1 << shift
        blocks = {}
        index1 = []
        index2 = []
        for i in range(0, n, size):
            blk = tuple(t[i:i + size])
            if len(blk) < size:
                blk = blk + (0,) * (size - len(blk))
            if blk not in blocks:
                blocks[blk] = len(blocks)
                index2.extend(blk)
            index1.append(blocks[blk])
        cost = len(index1) * width(index1) + len(index2) * width(index2)
        if best is None or cost < best[0]:
            best = (cost, index1, index2, shift)
    return best[1], best[2], best[3]


def width(values):
    m = max(values)
    return 1 if m < 256 else 2 if m < 65536 else 4


def ctype(values):
    return {1: "uint8_t", 2: "uint16_t", 4: "uint32_t"}[width(values)]


out = []
p = out.append


def emit_array(name, ty, values, per_line=20, static=True):
    p("%sconst %s %s[%d] = {" % ("static " if static else "", ty, name, len(values)))
    for i in range(0, len(values), per_line):
        p("    " + ",".join(str(v) for v in values[i:i + per_line]) + ",")
    p("};")


def emit_table(prefix, per_cp):
    """A two-level table and its lookup function prefix_get(cp)."""
    index1, index2, shift = splitbins(per_cp)
    emit_array(prefix + "_index1", ctype(index1), index1)
    emit_array(prefix + "_index2", ctype(index2), index2)
    p("static unsigned %s_get(uint32_t cp) {" % prefix)
    p("    if (cp >= 0x%X) return 0;" % len(per_cp))
    p("    return %s_index2[(%s_index1[cp >> %d] << %d) | (cp & %d)];"
      % (prefix, prefix, shift, shift, (1 << shift) - 1))
    p("}")
    return len(index1) * width(index1) + len(index2) * width(index2)


def c_string(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


# ---------------------------------------------------------------- names

names = {}          # code point -> stored name
hex_ranges = {}     # "PREFIX" -> code points named PREFIX-XXXX
cjk = []            # CJK UNIFIED IDEOGRAPH-XXXX, computed by CPython too
for cp in range(NCP):
    n = U.name(chr(cp), None)
    if n is None:
        continue
    if 0xAC00 <= cp <= 0xD7A3:
        assert n.startswith("HANGUL SYLLABLE ")
        continue
    if n == "CJK UNIFIED IDEOGRAPH-%X" % cp:
        cjk.append(cp)
        continue
    m = re.match(r"^(.*)-([0-9A-F]{4,6})$", n)
    if m and int(m.group(2), 16) == cp:
        hex_ranges.setdefault(m.group(1), []).append(cp)
        continue
    names[cp] = n


def runs(cps):
    res = []
    start = prev = cps[0]
    for c in cps[1:] + [None]:
        if c is not None and c == prev + 1:
            prev = c
            continue
        res.append((start, prev))
        if c is not None:
            start = prev = c
    return res


cjk_runs = runs(cjk)
name_ranges = [(pre, a, b) for pre, cps in sorted(hex_ranges.items()) for a, b in runs(cps)]

# CPython keeps its aliases at U+F0000 + i and its named sequences at
# U+F0200 + i (in the order of NameAliases.txt and NamedSequences.txt), and
# codecs' namereplace handler reveals them; read both lists from there.
def pua_names(base):
    res = []
    while True:
        r = chr(base + len(res)).encode("ascii", "namereplace")
        if not r.startswith(b"\\N{"):
            return res
        res.append(r[3:-1].decode())


aliases = [(a, ord(U.lookup(a))) for a in pua_names(0xF0000)]
named_seqs = [(s, U.lookup(s)) for s in pua_names(0xF0200)]
assert all(len(U.lookup(a)) == 1 for a, _ in aliases)

words = {}
for n in names.values():
    for w in n.split(" "):
        words[w] = words.get(w, 0) + 1
lexicon = sorted(words, key=lambda w: (-words[w], w))
rank = {w: i for i, w in enumerate(lexicon)}
assert len(lexicon) < 0x80 * 256
# The phrasebook: names in code point order, in blocks of 128 code points.
# Each name is a byte (shared << 4 | new): how many leading words it shares
# with the previous name of its block, and how many words follow, each a
# lexicon index (< 0x80: one byte; else two, high byte | 0x80).
phrase = bytearray()
blocks = {}   # block -> (offset, bitmap)
prev = []
prev_block = None
for cp in sorted(names):
    w = names[cp].split(" ")
    blk = cp >> 7
    if blk != prev_block:
        blocks[blk] = [len(phrase), 0]
        prev = []
        prev_block = blk
    blocks[blk][1] |= 1 << (cp & 127)
    shared = 0
    while shared < min(len(w), len(prev)) and w[shared] == prev[shared]:
        shared += 1
    new = w[shared:]
    assert shared < 16 and len(new) < 16
    phrase.append(shared << 4 | len(new))
    for x in new:
        r = rank[x]
        if r < 0x80:
            phrase.append(r)
        else:
            phrase.extend([0x80 | (r >> 8), r & 0xFF])
    prev = w
name_limit = max(names) + 1
block_list = sorted(blocks)
block_no = {b: i + 1 for i, b in enumerate(block_list)}
name_index = [block_no.get(b, 0) for b in range((name_limit >> 7) + 1)]
lex_blob = "".join(lexicon)
lex_off = []
o = 0
for w in lexicon:
    lex_off.append(o)
    o += len(w)
lex_off.append(o)
max_name = max(len(n) for n in list(names.values()) + [a for a, _ in aliases] + [s for s, _ in named_seqs])

# ---------------------------------------------------------------- properties

BIDI = [""]
EAW = []
props = []
prop_index = {}
per_cp_prop = []
decomp_prefixes = [""]
decomp_data = [0]       # index 0: no decomposition
decomp_index = {}
per_cp_decomp = []
for cp in range(NCP):
    c = chr(cp)
    b = U.bidirectional(c)
    if b not in BIDI:
        BIDI.append(b)
    e = U.east_asian_width(c)
    if e not in EAW:
        EAW.append(e)
    r = (BIDI.index(b), EAW.index(e), U.mirrored(c), U.combining(c))
    if r not in prop_index:
        prop_index[r] = len(props)
        props.append(r)
    per_cp_prop.append(prop_index[r])
    d = U.decomposition(c)
    if not d:
        per_cp_decomp.append(0)
        continue
    parts = d.split()
    prefix = ""
    if parts[0].startswith("<"):
        prefix = parts.pop(0)
    if prefix not in decomp_prefixes:
        decomp_prefixes.append(prefix)
    cps = [int(x, 16) for x in parts]
    key = (prefix, tuple(cps))
    if key not in decomp_index:
        decomp_index[key] = len(decomp_data)
        decomp_data.append(len(cps) << 8 | decomp_prefixes.index(prefix))
        decomp_data.extend(cps)
    per_cp_decomp.append(decomp_index[key])
assert len(props) < 65536 and len(decomp_data) < 65536

# Canonical composition pairs: a two-character canonical decomposition
# whose composite survives NFC (so neither an exclusion nor a non-starter
# decomposition); sorted for binary search.
pairs = []
for cp in range(NCP):
    d = U.decomposition(chr(cp))
    if not d or d.startswith("<"):
        continue
    parts = [int(x, 16) for x in d.split()]
    if len(parts) == 2 and U.normalize("NFC", chr(cp)) == chr(cp):
        assert U.combining(chr(parts[0])) == 0
        pairs.append((parts[0], parts[1], cp))
pairs.sort()

# ---------------------------------------------------------------- UCD 3.2.0

def numeric_or_none(ucd, c):
    return ucd.numeric(c, None)


old_numerics = []
changes = [None]     # index 0: unchanged
change_index = {(): 0}
per_cp_change = []
norm_fix = []
for cp in range(NCP):
    c = chr(cp)
    fields = []
    oc = OLD.category(c)
    if oc != U.category(c):
        fields.append(("cat", CATEGORIES.index(oc)))
    ob = OLD.bidirectional(c)
    if ob != U.bidirectional(c):
        if ob not in BIDI:
            BIDI.append(ob)
        fields.append(("bidi", BIDI.index(ob)))
    oe = OLD.east_asian_width(c)
    if oe != U.east_asian_width(c):
        fields.append(("eaw", EAW.index(oe)))
    if OLD.mirrored(c) != U.mirrored(c):
        fields.append(("mirrored", OLD.mirrored(c)))
    if OLD.combining(c) != U.combining(c):
        fields.append(("combining", OLD.combining(c)))
    if OLD.decomposition(c) != U.decomposition(c):
        assert OLD.decomposition(c) == "", hex(cp)
        fields.append(("nodecomp", 1))
    for fn in ("decimal", "digit"):
        o, n = getattr(OLD, fn)(c, None), getattr(U, fn)(c, None)
        if o != n:
            fields.append((fn, 0xFE if o is None else o))
    o, n = numeric_or_none(OLD, c), numeric_or_none(U, c)
    if o != n:
        if o is not None and o not in old_numerics:
            old_numerics.append(o)
        fields.append(("numeric", 0xFF if o is None else old_numerics.index(o)))
    if OLD.name(c, None) != U.name(c, None):
        assert OLD.name(c, None) is None and oc == "Cn", hex(cp)
    key = tuple(fields)
    if key not in change_index:
        change_index[key] = len(changes)
        changes.append(dict(fields))
    per_cp_change.append(change_index[key])
    # The few characters whose 3.2.0 decomposition CPython corrects.
    if oc != "Cn" and U.decomposition(c):
        o = OLD.normalize("NFD", c)
        if o != U.normalize("NFD", c):
            assert len(o) == 1
            norm_fix.append((cp, ord(o)))
assert len(changes) < 256 and len(old_numerics) < 255

# ---------------------------------------------------------------- output

p("/* unicodedata_db.c - Unicode 14.0.0 names, properties, decompositions and UCD 3.2.0 deltas (CPython 3.11's answers), generated. */")
p("/* GENERATED by tools/gen_unicodedata.py with /usr/bin/python3 (CPython %s, unicodedata %s)."
  % (sys.version.split()[0], U.unidata_version))
p(" * Do not edit; see docs/codecs.md.  %d stored names in %d blocks, %d lexicon words," % (len(names), len(blocks), len(lexicon)))
p(" * %d property records, %d decomposition words, %d composition pairs, %d 3.2.0 change records. */"
  % (len(props), len(decomp_data), len(pairs), len(changes)))
p('#include "unicodedata_db.h"')
p("")
p("const char *const udb_bidi_names[] = {%s};" % ", ".join(c_string(b) for b in BIDI))
p("const char *const udb_eaw_names[] = {%s};" % ", ".join(c_string(e) for e in EAW))
p("const char *const udb_decomp_prefixes[] = {%s};" % ", ".join(c_string(x) for x in decomp_prefixes))
p("_Static_assert(UDB_MAX_NAME >= %d, \"a name is longer than UDB_MAX_NAME\");" % max_name)
p("")
p("/* ---- Names ---- */")
p("")
p("const UdbRange udb_cjk_ranges[] = {")
for a, b in cjk_runs:
    p("    {NULL, 0x%X, 0x%X}," % (a, b))
p("};")
p("const size_t udb_ncjk_ranges = %d;" % len(cjk_runs))
p("const UdbRange udb_name_ranges[] = {")
for pre, a, b in name_ranges:
    p("    {%s, 0x%X, 0x%X}," % (c_string(pre), a, b))
p("};")
p("const size_t udb_nname_ranges = %d;" % len(name_ranges))
p("")
p("/* The lexicon: word i is udb_lexicon[udb_lexicon_offset[i] .. udb_lexicon_offset[i + 1]). */")
p("const uint32_t udb_nwords = %d;" % len(lexicon))
chunks = [lex_blob[i:i + 100] for i in range(0, len(lex_blob), 100)]
p("const char udb_lexicon[] =")
for ch in chunks:
    p("    " + c_string(ch))
p("    ;")
emit_array("udb_lexicon_offset", "uint32_t", lex_off, 16, static=False)
p("")
p("/* Named code points: block cp >> 7 is udb_name_blocks[udb_name_index[cp >> 7] - 1] (0: none). */")
p("const uint32_t udb_name_limit = 0x%X;" % name_limit)
assert len(block_list) < 65535
emit_array("udb_name_index", "uint16_t", name_index, 30, static=False)
p("const UdbNameBlock udb_name_blocks[] = {")
for b in block_list:
    off, bits = blocks[b]
    p("    {%d, {0x%08xu, 0x%08xu, 0x%08xu, 0x%08xu}}," % (
        off, bits & 0xFFFFFFFF, (bits >> 32) & 0xFFFFFFFF, (bits >> 64) & 0xFFFFFFFF, (bits >> 96) & 0xFFFFFFFF))
p("};")
emit_array("udb_phrasebook", "uint8_t", list(phrase), 30, static=False)
p("")
p("/* Aliases (U+F0000 + i in CPython) and named sequences (U+F0200 + i). */")
p("const UdbAlias udb_aliases[] = {")
for a, cp in aliases:
    p("    {%s, 0x%X}," % (c_string(a), cp))
p("};")
p("const size_t udb_naliases = %d;" % len(aliases))
seq_data = []
p("const UdbNamedSeq udb_named_seqs[] = {")
for s, v in named_seqs:
    p("    {%s, %d, %d}," % (c_string(s), len(seq_data), len(v)))
    seq_data.extend(ord(ch) for ch in v)
p("};")
p("const size_t udb_nnamed_seqs = %d;" % len(named_seqs))
emit_array("udb_named_seq_data", "uint32_t", seq_data, 12, static=False)
p("")
p("/* ---- Properties: bidirectional, east asian width, mirrored, combining ---- */")
p("")
p("static const UdbProps props[%d] = {" % len(props))
for r in props:
    p("    {%d, %d, %d, %d}," % r)
p("};")
emit_table("prop", per_cp_prop)
p("const UdbProps *udb_props(uint32_t cp) { return &props[prop_get(cp)]; }")
p("")
p("/* ---- Decompositions: udb_decomp_data[i] = count << 8 | prefix, then the code points ---- */")
p("")
emit_array("udb_decomp_data", "uint32_t", decomp_data, 12, static=False)
emit_table("decomp", per_cp_decomp)
p("unsigned udb_decomp_index(uint32_t cp) { return decomp_get(cp); }")
p("")
p("/* Canonical composition pairs (first, second, composite), sorted. */")
p("const uint32_t udb_comp_pairs[][3] = {")
for a, b, c in pairs:
    p("    {0x%X, 0x%X, 0x%X}," % (a, b, c))
p("};")
p("const size_t udb_ncomp_pairs = %d;" % len(pairs))
p("")
p("/* ---- UCD 3.2.0: what ucd_3_2_0 answers differently (0xFF: same as 14.0.0) ---- */")
p("")
p("static const UdbChange changes[%d] = {" % len(changes))
p("    /* category, bidi, eaw, mirrored, combining, nodecomp, decimal, digit, numeric */")
p("    {0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0, 0xFF, 0xFF, 0xFE},")
for ch in changes[1:]:
    p("    {%d, %d, %d, %d, %d, %d, %d, %d, %d}," % (
        ch.get("cat", 0xFF), ch.get("bidi", 0xFF), ch.get("eaw", 0xFF), ch.get("mirrored", 0xFF),
        ch.get("combining", 0xFF), ch.get("nodecomp", 0), ch.get("decimal", 0xFF), ch.get("digit", 0xFF),
        ch.get("numeric", 0xFE)))
p("};")
p("/* numeric: 0xFE same, 0xFF none, else an index here. */")
p("const double udb_old_numerics[] = {%s};" % ", ".join(repr(v) for v in old_numerics or [0.0]))
emit_table("change", per_cp_change)
p("const UdbChange *udb_change(uint32_t cp) { return &changes[change_get(cp)]; }")
p("")
p("/* 3.2.0 normalization corrections: the character stands for another one. */")
p("const uint32_t udb_norm_fix[][2] = {")
for a, b in norm_fix:
    p("    {0x%X, 0x%X}," % (a, b))
p("};")
p("const size_t udb_nnorm_fix = %d;" % len(norm_fix))

sys.stdout.write("\n".join(out) + "\n")
sys.stderr.write("phrasebook %d bytes, lexicon %d chars, %d names, %d aliases, %d named sequences, %d pairs, %d norm fixes, bidi %r eaw %r\n" % (
    len(phrase), len(lex_blob), len(names), len(aliases), len(named_seqs), len(pairs), len(norm_fix), BIDI, EAW))
