/* compile_match.c - the match statement: patterns compiled to tests, captures bound after success. */
#include "compile_internal.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/tuple.h"
#include "../vm/error.h"

#include <stdlib.h>
#include <string.h>

/*
 * A case compiles to a chain of tests on the subject register; each failing
 * test jumps to the case's `fail` list.  Captured values are collected in
 * registers while the pattern runs and stored to their names only once the
 * whole pattern has matched (CPython 3.11 does the same), then the guard
 * runs.  Or-patterns compile each alternative with its own fail list; every
 * alternative moves its captures into the same registers before joining.
 */

#define MAX_CAPTURES 64

typedef struct PatternCtx {
    const char *names[MAX_CAPTURES];
    int regs[MAX_CAPTURES];
    int n;
    int *fail;                  /* jump positions to patch to the failure label */
    int nfail, capfail;
    bool allow_irrefutable;
} PatternCtx;

static void add_fail(Compiler *c, PatternCtx *p, int at) {
    if (p->nfail == p->capfail) {
        p->capfail = p->capfail ? p->capfail * 2 : 16;
        p->fail = realloc(p->fail, sizeof(int) * (size_t)p->capfail);
        if (!p->fail) abort();
    }
    p->fail[p->nfail++] = at;
}

/* Jump to failure unless R[r] is true. */
static void fail_if_false(Compiler *c, PatternCtx *p, int r) { add_fail(c, p, emit_jump(c, OP_JUMPIFFALSE, r)); }

static void capture(Compiler *c, PatternCtx *p, ASTNode *n, const char *name, int src) {
    set_loc(c, n);
    if (compile_forbidden_name(c, name, false)) return;
    for (int i = 0; i < p->n; i++)
        if (strcmp(p->names[i], name) == 0) {
            compile_error(c, n, "multiple assignments to name '%s' in pattern", name);
            return;
        }
    if (p->n >= MAX_CAPTURES) {
        compile_error(c, n, "too many names captured in pattern");
        return;
    }
    int r = reg_alloc(c);   /* released with the whole case */
    emit(c, MK_ABC(OP_MOVE, r, src, 0));
    p->names[p->n] = name;
    p->regs[p->n] = r;
    p->n++;
}

static bool is_wildcard(ASTNode *pat) {
    return pat->kind == AST_MatchAs && !pat->v.MatchAs.pattern && !pat->v.MatchAs.name;
}

static bool is_irrefutable(ASTNode *pat) {
    if (pat->kind == AST_MatchAs) return !pat->v.MatchAs.pattern || is_irrefutable(pat->v.MatchAs.pattern);
    if (pat->kind == AST_MatchOr) {
        for (int i = 0; i < AST_SEQ_LEN(pat->v.MatchOr.patterns); i++)
            if (is_irrefutable(AST_SEQ_GET(pat->v.MatchOr.patterns, i))) return true;
    }
    return false;
}

static void compile_pattern(Compiler *c, ASTNode *pat, int subj, PatternCtx *p);

static void load_int(Compiler *c, intptr_t v, int r) { load_const_value(c, val_from_int(v), r); }

static void pattern_sequence(Compiler *c, ASTNode *pat, int subj, PatternCtx *p) {
    ASTSeq *pats = pat->v.MatchSequence.patterns;
    int n = AST_SEQ_LEN(pats), star = -1;
    for (int i = 0; i < n; i++)
        if (AST_SEQ_GET(pats, i)->kind == AST_MatchStar) {
            if (star >= 0) {
                compile_error(c, AST_SEQ_GET(pats, i), "multiple starred names in sequence pattern");
                return;
            }
            star = i;
        }
    int mark = c->u->next_reg;
    int t = reg_alloc(c), k = reg_alloc(c);
    set_loc(c, pat);
    emit(c, MK_ABC(OP_MATCHSEQ, t, subj, 0));
    fail_if_false(c, p, t);
    emit(c, MK_ABC(OP_GETLEN, t, subj, 0));
    load_int(c, star < 0 ? n : n - 1, k);
    emit(c, MK_ABC(star < 0 ? OP_EQ : OP_GE, t, t, k));
    fail_if_false(c, p, t);
    int item = reg_alloc(c);
    for (int i = 0; i < n; i++) {
        ASTNode *sub = AST_SEQ_GET(pats, i);
        if (i == star) {
            const char *name = sub->v.MatchStar.name;
            if (!name) continue;
            /* subject[star : len - after] as a list */
            int lo = reg_alloc(c), hi = reg_alloc(c), sl = reg_alloc(c);
            load_int(c, star, lo);
            load_int(c, -(n - 1 - star), hi);
            if (n - 1 - star == 0) emit(c, MK_ABC(OP_LOADNONE, hi, 0, 0));
            emit(c, MK_ABC(OP_BUILDSLICE, sl, lo, 2));
            emit(c, MK_ABC(OP_GETITEM, sl, subj, sl));
            emit(c, MK_ABC(OP_BUILDLIST, item, 0, 0));
            emit(c, MK_ABC(OP_LISTEXTEND, item, sl, 0));
            capture(c, p, sub, name, item);
            continue;
        }
        if (is_wildcard(sub)) continue;
        load_int(c, star >= 0 && i > star ? -(n - i) : i, k);
        set_loc(c, sub);
        emit(c, MK_ABC(OP_GETITEM, item, subj, k));
        int m2 = c->u->next_reg;
        int holder = reg_alloc(c);
        emit(c, MK_ABC(OP_MOVE, holder, item, 0));
        compile_pattern(c, sub, holder, p);
        (void)m2;
    }
    (void)mark;
}

static void pattern_mapping(Compiler *c, ASTNode *pat, int subj, PatternCtx *p) {
    ASTSeq *keys = pat->v.MatchMapping.keys, *pats = pat->v.MatchMapping.patterns;
    int n = AST_SEQ_LEN(keys);
    int t = reg_alloc(c), k = reg_alloc(c);
    set_loc(c, pat);
    emit(c, MK_ABC(OP_MATCHMAP, t, subj, 0));
    fail_if_false(c, p, t);
    if (n) {
        emit(c, MK_ABC(OP_GETLEN, t, subj, 0));
        load_int(c, n, k);
        emit(c, MK_ABC(OP_GE, t, t, k));
        fail_if_false(c, p, t);
    }
    /* Keys must be literals or attribute lookups (checked by the parser); duplicates are an error. */
    int kbase = reg_alloc_n(c, n ? n : 1);
    for (int i = 0; i < n; i++) {
        ASTNode *key = AST_SEQ_GET(keys, i);
        if (key->kind == AST_Constant) {
            for (int j = 0; j < i; j++) {
                ASTNode *o = AST_SEQ_GET(keys, j);
                if (o->kind != AST_Constant) continue;
                Value a = const_from_ast(c, &key->v.Constant.value), b = const_from_ast(c, &o->v.Constant.value);
                if (a && b && val_type(a) == val_type(b) && obj_eq(a, b) > 0) {
                    Value r = obj_repr(a);
                    compile_error(c, key, "mapping pattern checks duplicate key (%s)", r ? str_data(r) : "?");
                    return;
                }
                err_clear();
            }
        }
        into(c, key, kbase + i);
    }
    int ktuple = reg_alloc(c), vals = reg_alloc(c);
    emit(c, MK_ABC(OP_BUILDTUPLE, ktuple, kbase, n));
    if (n) {
        set_loc(c, pat);
        emit(c, MK_ABC(OP_MATCHKEYS, vals, subj, ktuple));
        emit(c, MK_ABC(OP_LOADNONE, k, 0, 0));
        emit(c, MK_ABC(OP_ISNOT, t, vals, k));
        fail_if_false(c, p, t);
        int item = reg_alloc(c);
        for (int i = 0; i < n; i++) {
            ASTNode *sub = AST_SEQ_GET(pats, i);
            if (is_wildcard(sub)) continue;
            load_int(c, i, k);
            emit(c, MK_ABC(OP_GETITEM, item, vals, k));
            int holder = reg_alloc(c);
            emit(c, MK_ABC(OP_MOVE, holder, item, 0));
            compile_pattern(c, sub, holder, p);
        }
    }
    if (pat->v.MatchMapping.rest) {
        int rest = reg_alloc(c);
        emit(c, MK_ABC(OP_DICTWITHOUT, rest, subj, ktuple));
        capture(c, p, pat, pat->v.MatchMapping.rest, rest);
    }
}

static void pattern_class(Compiler *c, ASTNode *pat, int subj, PatternCtx *p) {
    ASTSeq *pats = pat->v.MatchClass.patterns, *kwd_attrs = pat->v.MatchClass.kwd_attrs,
           *kwd_pats = pat->v.MatchClass.kwd_patterns;
    int npos = AST_SEQ_LEN(pats), nkw = AST_SEQ_LEN(kwd_attrs);
    for (int i = 0; i < nkw; i++) {
        const char *attr = kwd_attrs->elts[i];
        set_loc(c, AST_SEQ_GET(kwd_pats, i));
        if (compile_forbidden_name(c, attr, false)) return;
        for (int j = i + 1; j < nkw; j++)
            if (strcmp(attr, (const char *)kwd_attrs->elts[j]) == 0) {
                compile_error(c, AST_SEQ_GET(kwd_pats, j), "attribute name repeated in class pattern: %s", attr);
                return;
            }
    }
    if (npos > 255) {
        compile_error(c, pat, "too many sub-patterns in class pattern");
        return;
    }
    int r = reg_alloc(c), t = reg_alloc(c), k = reg_alloc(c);
    into(c, pat->v.MatchClass.cls, r);
    Value names = tuple_new((size_t)nkw);
    if (!names) {
        c->failed = true;
        return;
    }
    for (int i = 0; i < nkw; i++) tuple_items(names)[i] = intern_id((const char *)kwd_attrs->elts[i]);
    set_loc(c, pat);
    emit_x(c, MK_ABC(OP_MATCHCLASS, r, subj, 0), (uint32_t)npos | ((uint32_t)add_const(c, names) << 8));
    emit(c, MK_ABC(OP_LOADNONE, k, 0, 0));
    emit(c, MK_ABC(OP_ISNOT, t, r, k));
    fail_if_false(c, p, t);
    int item = reg_alloc(c);
    for (int i = 0; i < npos + nkw; i++) {
        ASTNode *sub = i < npos ? AST_SEQ_GET(pats, i) : AST_SEQ_GET(kwd_pats, i - npos);
        if (is_wildcard(sub)) continue;
        load_int(c, i, k);
        emit(c, MK_ABC(OP_GETITEM, item, r, k));
        int holder = reg_alloc(c);
        emit(c, MK_ABC(OP_MOVE, holder, item, 0));
        compile_pattern(c, sub, holder, p);
    }
}

static int cmp_names(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

static void pattern_or(Compiler *c, ASTNode *pat, int subj, PatternCtx *p) {
    ASTSeq *alts = pat->v.MatchOr.patterns;
    int n = AST_SEQ_LEN(alts);
    int joins[256], njoin = 0;
    int base_n = p->n;
    const char *first_names[MAX_CAPTURES];
    int nfirst = -1;
    int out_regs[MAX_CAPTURES];
    for (int i = 0; i < n && !c->failed; i++) {
        ASTNode *alt = AST_SEQ_GET(alts, i);
        if (i < n - 1 && is_irrefutable(alt)) {
            if (alt->kind == AST_MatchAs && alt->v.MatchAs.name && !alt->v.MatchAs.pattern)
                compile_error(c, alt, "name capture '%s' makes remaining patterns unreachable", alt->v.MatchAs.name);
            else
                compile_error(c, alt, "wildcard makes remaining patterns unreachable");
            return;
        }
        PatternCtx sub = {.allow_irrefutable = p->allow_irrefutable};
        for (int k = 0; k < base_n; k++) {
            sub.names[k] = p->names[k];
            sub.regs[k] = p->regs[k];
        }
        sub.n = base_n;
        compile_pattern(c, alt, subj, &sub);
        /* The names this alternative binds must equal the first's. */
        int nn = sub.n - base_n;
        const char *names[MAX_CAPTURES];
        for (int k = 0; k < nn; k++) names[k] = sub.names[base_n + k];
        qsort(names, (size_t)nn, sizeof(char *), cmp_names);
        if (nfirst < 0) {
            nfirst = nn;
            for (int k = 0; k < nn; k++) {
                first_names[k] = names[k];
                out_regs[k] = reg_alloc(c);
            }
        } else {
            bool same = nn == nfirst;
            for (int k = 0; same && k < nn; k++)
                if (strcmp(names[k], first_names[k]) != 0) same = false;
            if (!same) {
                compile_error(c, alt, "alternative patterns bind different names");
                free(sub.fail);
                return;
            }
        }
        /* Move the captures into the shared registers, by name. */
        for (int k = 0; k < nfirst; k++)
            for (int m = base_n; m < sub.n; m++)
                if (strcmp(sub.names[m], first_names[k]) == 0) emit(c, MK_ABC(OP_MOVE, out_regs[k], sub.regs[m], 0));
        if (njoin < 256) joins[njoin++] = emit_jump(c, OP_JUMP, 0);
        for (int k = 0; k < sub.nfail; k++) patch_jump(c, sub.fail[k], here(c));
        free(sub.fail);
    }
    /* Every alternative failed. */
    add_fail(c, p, emit_jump(c, OP_JUMP, 0));
    for (int k = 0; k < njoin; k++) patch_jump(c, joins[k], here(c));
    for (int k = 0; k < nfirst; k++) {
        for (int m = 0; m < p->n; m++)
            if (strcmp(p->names[m], first_names[k]) == 0) {
                compile_error(c, pat, "multiple assignments to name '%s' in pattern", first_names[k]);
                return;
            }
        p->names[p->n] = first_names[k];
        p->regs[p->n] = out_regs[k];
        p->n++;
    }
}

static void compile_pattern(Compiler *c, ASTNode *pat, int subj, PatternCtx *p) {
    if (c->failed) return;
    set_loc(c, pat);
    switch (pat->kind) {
    case AST_MatchValue: {
        int r = reg_alloc(c);
        into(c, pat->v.MatchValue.value, r);
        set_loc(c, pat);
        emit(c, MK_ABC(OP_EQ, r, subj, r));
        fail_if_false(c, p, r);
        break;
    }
    case AST_MatchSingleton: {
        int r = reg_alloc(c);
        load_const_value(c, const_from_ast(c, &pat->v.MatchSingleton.value), r);
        emit(c, MK_ABC(OP_IS, r, subj, r));
        fail_if_false(c, p, r);
        break;
    }
    case AST_MatchSequence: pattern_sequence(c, pat, subj, p); break;
    case AST_MatchMapping: pattern_mapping(c, pat, subj, p); break;
    case AST_MatchClass: pattern_class(c, pat, subj, p); break;
    case AST_MatchAs:
        if (pat->v.MatchAs.pattern) compile_pattern(c, pat->v.MatchAs.pattern, subj, p);
        if (pat->v.MatchAs.name) capture(c, p, pat, pat->v.MatchAs.name, subj);
        break;
    case AST_MatchOr: pattern_or(c, pat, subj, p); break;
    case AST_MatchStar:
        compile_error(c, pat, "can't use starred name here");
        break;
    default:
        compile_error(c, pat, "unsupported pattern");
        break;
    }
}

void compile_match(Compiler *c, ASTNode *s) {
    int mark = c->u->next_reg;
    int subj = reg_alloc(c);
    into(c, s->v.Match.subject, subj);
    ASTSeq *cases = s->v.Match.cases;
    int ncases = AST_SEQ_LEN(cases);
    int ends[512], nends = 0;
    /* Each case starts from what the subject left bound (a failed pattern
     * or guard may have bound some captures, not certainly); after the
     * match, what every case body and the no-match path leave bound. */
    LocalSet at_subject = bound_get(c), after = at_subject;
    for (int i = 0; i < ncases && !c->failed; i++) {
        ASTNode *mc = AST_SEQ_GET(cases, i);
        bound_set(c, at_subject);
        ASTNode *pat = mc->v.match_case.pattern;
        /* An irrefutable pattern without a guard must be the last case. */
        if (i < ncases - 1 && !mc->v.match_case.guard && is_irrefutable(pat)) {
            if (is_wildcard(pat)) compile_error(c, pat, "wildcard makes remaining patterns unreachable");
            else if (pat->kind == AST_MatchAs && pat->v.MatchAs.name && !pat->v.MatchAs.pattern)
                compile_error(c, pat, "name capture '%s' makes remaining patterns unreachable", pat->v.MatchAs.name);
            else compile_error(c, pat, "name capture makes remaining patterns unreachable");
            break;
        }
        int cmark = c->u->next_reg;
        PatternCtx p = {0};
        compile_pattern(c, pat, subj, &p);
        /* Bind the captures, then test the guard. */
        for (int k = 0; k < p.n; k++) name_store(c, p.names[k], p.regs[k]);
        int guard_fail[64], ngf = 0;
        if (mc->v.match_case.guard) jump_if(c, mc->v.match_case.guard, false, guard_fail, &ngf);
        compile_stmts(c, mc->v.match_case.body);
        bound_intersect(c, after);
        after = bound_get(c);
        if (nends < 512) ends[nends++] = emit_jump(c, OP_JUMP, 0);
        else compile_error(c, mc, "too many cases in match statement");
        for (int k = 0; k < p.nfail; k++) patch_jump(c, p.fail[k], here(c));
        for (int k = 0; k < ngf; k++) patch_jump(c, guard_fail[k], here(c));
        free(p.fail);
        reg_free_to(c, cmark);
    }
    for (int k = 0; k < nends; k++) patch_jump(c, ends[k], here(c));
    bound_set(c, after);
    reg_free_to(c, mark);
}
