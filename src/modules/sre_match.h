/* sre_match.h - the backtracking matcher and searcher, included by sre_engine.c once per subject encoding. */

/*
 * Included twice: with SRE_UTF8 = 0 a character is one byte (bytes-like
 * subjects and ASCII strs), with SRE_UTF8 = 1 it is one generalized UTF-8
 * sequence (non-ASCII strs).  SRE(name) gives each copy its own names.
 *
 * How the matcher backtracks without C recursion: every place where
 * CPython's design would call the matcher recursively ("try the rest of
 * the pattern from here; if it fails, come back and try something else")
 * pushes a Frame on st->stack recording where to resume (`jump`), the
 * program counter and subject position to resume with, and whatever the
 * operator needs (a count, a repeat record).  The child frame then runs
 * from `entrance`; when it finishes it pops itself and jumps to the
 * resume label of its parent with `ret` = 0 or 1.  Saved marks (group
 * boundaries) are pushed on the same stack between frames.  The semantics
 * -- which marks survive a failed alternative, when lastindex changes,
 * the zero-width guards of repeats -- follow CPython's _sre exactly, since
 * programs observe them through groups().
 */

#if SRE_UTF8
#define GETC(p) (*(p) < 0x80 ? (uint32_t) * (p) : sre_utf8_decode(p))
#define STEP(p) ((p) += sre_utf8_len[*(p)])
#define UNSTEP(p) do { (p)--; } while ((*(p) & 0xC0) == 0x80)
#else
#define GETC(p) ((uint32_t) * (p))
#define STEP(p) ((p)++)
#define UNSTEP(p) ((p)--)
#endif

/* Does the table-backed operator at op accept the character at ptr (ptr < end)? */
static inline bool SRE(set_ok)(const SreState *st, const SreCode *op, const uint8_t *ptr) {
    uint32_t c = *ptr;
#if SRE_UTF8
    if (c >= 0x80) return sre_char_ok(op, sre_utf8_decode(ptr));
#endif
    const uint8_t *tab = st->prog->ctab[st->prog->cls[op - st->prog->code] - 1];
    return (tab[c >> 3] >> (c & 7)) & 1;
}

/* Is ptr at the anchor `at`? */
static bool SRE(at)(const SreState *st, const uint8_t *ptr, SreCode at) {
    bool thisp, thatp;
    const uint8_t *q;
    switch (at) {
    case SRE_AT_BEGINNING:
    case SRE_AT_BEGINNING_STRING:
        return ptr == st->beginning;
    case SRE_AT_BEGINNING_LINE:
        /* A previous byte of '\n' is a previous character '\n' in UTF-8 too. */
        return ptr == st->beginning || ptr[-1] == '\n';
    case SRE_AT_END:
        return ptr == st->end || (st->end - ptr == 1 && ptr[0] == '\n');
    case SRE_AT_END_LINE:
        /* With pos > endpos, ptr may lie past end: CPython still looks at the character there. */
        return ptr == st->end || (ptr < st->limit && ptr[0] == '\n');
    case SRE_AT_END_STRING:
        return ptr == st->end;
    case SRE_AT_BOUNDARY: case SRE_AT_NON_BOUNDARY:
    case SRE_AT_LOC_BOUNDARY: case SRE_AT_LOC_NON_BOUNDARY:
    case SRE_AT_UNI_BOUNDARY: case SRE_AT_UNI_NON_BOUNDARY: {
        if (st->beginning == st->end) return false;
        int cat = at == SRE_AT_BOUNDARY || at == SRE_AT_NON_BOUNDARY ? SRE_CATEGORY_WORD
                : at == SRE_AT_UNI_BOUNDARY || at == SRE_AT_UNI_NON_BOUNDARY ? SRE_CATEGORY_UNI_WORD
                : SRE_CATEGORY_LOC_WORD;
        thatp = false;
        if (ptr > st->beginning) {
            q = ptr;
            UNSTEP(q);
            thatp = sre_category(cat, GETC(q));
        }
        thisp = ptr < st->end ? sre_category(cat, GETC(ptr)) : false;
        bool boundary = at == SRE_AT_BOUNDARY || at == SRE_AT_UNI_BOUNDARY || at == SRE_AT_LOC_BOUNDARY;
        return boundary ? thisp != thatp : thisp == thatp;
    }
    }
    return false;
}

/*
 * How many times (at most maxcount) does the single-character item at
 * `pat` match from st->ptr?  *endp receives the position after them.
 */
static ssize_t SRE(count)(const SreState *st, const SreCode *pat, SreCode maxcount, const uint8_t **endp) {
    const uint8_t *ptr = st->ptr, *end = st->end;
#if !SRE_UTF8
    if (maxcount != SRE_MAXREPEAT && (ssize_t)maxcount < end - ptr) end = ptr + maxcount;
    SreCode chr;
    switch (pat[0]) {
    case SRE_OP_ANY_ALL:
        ptr = end;
        break;
    case SRE_OP_ANY:
        if (end - ptr <= 32) {
            /* Short runs (lazy repeats step one at a time): a call would cost more. */
            while (ptr < end && *ptr != '\n') ptr++;
        } else {
            const uint8_t *nl = memchr(ptr, '\n', (size_t)(end - ptr));
            ptr = nl ? nl : end;
        }
        break;
    case SRE_OP_LITERAL:
        chr = pat[1];
        if (chr < 256)
            while (ptr < end && *ptr == chr) ptr++;
        break;
    case SRE_OP_NOT_LITERAL:
        chr = pat[1];
        if (chr > 255) {
            ptr = end;
        } else if (end - ptr <= 32) {
            while (ptr < end && *ptr != chr) ptr++;
        } else {
            const uint8_t *hit = memchr(ptr, (int)chr, (size_t)(end - ptr));
            ptr = hit ? hit : end;
        }
        break;
    default: {
        /* Sets, case-insensitive literals, categories: one table lookup per byte. */
        const uint8_t *tab = st->prog->ctab[st->prog->cls[pat - st->prog->code] - 1];
        while (ptr < end && ((tab[*ptr >> 3] >> (*ptr & 7)) & 1)) ptr++;
        break;
    }
    }
    *endp = ptr;
    return ptr - st->ptr;
#else
    /* Counting characters, not bytes; pure-ASCII items still scan bytes. */
    ssize_t n = 0, limit = maxcount == SRE_MAXREPEAT ? SSIZE_MAX : (ssize_t)maxcount;
    switch (pat[0]) {
    case SRE_OP_ANY_ALL:
        while (ptr < end && n < limit) { STEP(ptr); n++; }
        break;
    case SRE_OP_LITERAL:
        if (pat[1] < 0x80) {
            while (ptr < end && n < limit && *ptr == pat[1]) { ptr++; n++; }
        } else {
            while (ptr < end && n < limit && GETC(ptr) == pat[1]) { STEP(ptr); n++; }
        }
        break;
    case SRE_OP_ANY:
        while (ptr < end && n < limit && *ptr != '\n') { STEP(ptr); n++; }
        break;
    case SRE_OP_NOT_LITERAL:
        while (ptr < end && n < limit && GETC(ptr) != pat[1]) { STEP(ptr); n++; }
        break;
    default:
        while (ptr < end && n < limit && SRE(set_ok)(st, pat, ptr)) { STEP(ptr); n++; }
        break;
    }
    *endp = ptr;
    return n;
#endif
}

/* Compare the text of group g with the subject at *pptr; advance *pptr past it.  lower: a case map or NULL. */
static bool SRE(groupref)(const SreState *st, SreCode g, const uint8_t **pptr, uint32_t (*lower)(uint32_t)) {
    int i = (int)g * 2;
    if (i >= st->lastmark) return false;
    const uint8_t *p = st->mark[i], *e = st->mark[i + 1], *ptr = *pptr, *end = st->end;
    if (!p || !e || e < p) return false;
    if (!lower) {
        /* UTF-8 is canonical, so equal text is equal bytes. */
        if (p != e && (end - ptr < e - p || memcmp(ptr, p, (size_t)(e - p)) != 0)) return false;
        *pptr = ptr + (e - p);
        return true;
    }
    while (p < e) {
        if (ptr >= end || lower(GETC(ptr)) != lower(GETC(p))) return false;
        STEP(p);
        STEP(ptr);
    }
    *pptr = ptr;
    return true;
}

#define RETURN_FAILURE do { ret = 0; goto exit; } while (0)
#define RETURN_SUCCESS do { ret = 1; goto exit; } while (0)
#define CHECK(e) do { if (unlikely((e) < 0)) return SRE_ERROR_MEMORY; } while (0)
#define REFRESH() (ctx = FRAME_AT(st, ctx_pos))

#define LASTMARK_SAVE() (ctx->lastmark = st->lastmark, ctx->lastindex = st->lastindex)
#define LASTMARK_RESTORE() (st->lastmark = ctx->lastmark, st->lastindex = ctx->lastindex)
#define MARK_PUSH(lm) do { if ((lm) >= 0) { CHECK(stack_push(st, st->mark, ((size_t)(lm) + 1) * sizeof(void *))); REFRESH(); } } while (0)
#define MARK_POP(lm) do { if ((lm) >= 0) stack_pop(st, st->mark, ((size_t)(lm) + 1) * sizeof(void *), true); } while (0)
#define MARK_POP_KEEP(lm) do { if ((lm) >= 0) stack_pop(st, st->mark, ((size_t)(lm) + 1) * sizeof(void *), false); } while (0)
#define MARK_POP_DISCARD(lm) do { if ((lm) >= 0) st->stack_top -= ((size_t)(lm) + 1) * sizeof(void *); } while (0)
#define REP (&st->repeats[ctx->u.rep])

/* Run the rest of the program from `nextpc` in a child frame; resume at `label` with ret set. */
#define DO_JUMPX(jumpvalue, label, nextpc, toplevel_)                             \
    do {                                                                          \
        const SreCode *next_ = (nextpc);   /* before the push moves the stack */  \
        ctx->pc = pc;                                                             \
        ctx->ptr = ptr;                                                           \
        ssize_t child_pos_;                                                       \
        CHECK(child_pos_ = frame_push(st));                                       \
        Frame *child_ = FRAME_AT(st, child_pos_);                                 \
        child_->toplevel = (toplevel_);                                           \
        child_->jump = (jumpvalue);                                               \
        child_->parent = ctx_pos;                                                 \
        pc = next_;                                                               \
        ctx_pos = child_pos_;                                                     \
        ctx = child_;                                                             \
        goto entrance;                                                            \
    } while (0);                                                                  \
    label:                                                                        \
    pc = ctx->pc;                                                                 \
    ptr = ctx->ptr;
#define DO_JUMP(jv, label, nextpc) DO_JUMPX(jv, label, nextpc, FRAME_AT(st, ctx_pos)->toplevel)
#define DO_JUMP0(jv, label, nextpc) DO_JUMPX(jv, label, nextpc, 0)

/* Match the program at pc against the subject at st->ptr.  1: matched (st->ptr is the end), 0: not, <0: error. */
static ssize_t SRE(match)(SreState *st, const SreCode *pc, int toplevel) {
    const uint8_t *end = st->end, *ptr;
    ssize_t ret = 0, ctx_pos;
    Frame *ctx;

    CHECK(ctx_pos = frame_push(st));
    ctx = FRAME_AT(st, ctx_pos);
    ctx->parent = -1;
    ctx->jump = J_NONE;
    ctx->toplevel = toplevel;

entrance:
    if (unlikely((++st->steps & 0xfff) == 0) && check_signals() < 0) return SRE_ERROR_INTERRUPTED;
    ptr = st->ptr;
    if (pc[0] == SRE_OP_INFO) {
        /* <INFO> <skip> <flags> <min> ...: too few bytes means too few characters. */
        if (pc[3] && (size_t)(end - ptr) < pc[3]) RETURN_FAILURE;
        pc += pc[1] + 1;
    }

    for (;;) {
        switch (*pc++) {

        case SRE_OP_MARK: {
            int i = (int)pc[0];
            if (i & 1) st->lastindex = i / 2 + 1;
            if (i > st->lastmark) {
                /* Marks between the old top and i were never reached. */
                for (int j = st->lastmark + 1; j < i; j++) st->mark[j] = NULL;
                st->lastmark = i;
            }
            st->mark[i] = ptr;
            pc++;
            break;
        }

        case SRE_OP_LITERAL:
            if (ptr >= end || GETC(ptr) != pc[0]) RETURN_FAILURE;
            pc++;
            STEP(ptr);
            break;

        case SRE_OP_NOT_LITERAL:
            if (ptr >= end || GETC(ptr) == pc[0]) RETURN_FAILURE;
            pc++;
            STEP(ptr);
            break;

        case SRE_OP_SUCCESS:
            if (ctx->toplevel && ((st->match_all && ptr != st->end) || (st->must_advance && ptr == st->start)))
                RETURN_FAILURE;
            st->ptr = ptr;
            RETURN_SUCCESS;

        case SRE_OP_AT:
            if (!SRE(at)(st, ptr, pc[0])) RETURN_FAILURE;
            pc++;
            break;

        case SRE_OP_CATEGORY:
            if (ptr >= end || !SRE(set_ok)(st, pc - 1, ptr)) RETURN_FAILURE;
            pc++;
            STEP(ptr);
            break;

        case SRE_OP_ANY:
            if (ptr >= end || *ptr == '\n') RETURN_FAILURE;
            STEP(ptr);
            break;

        case SRE_OP_ANY_ALL:
            if (ptr >= end) RETURN_FAILURE;
            STEP(ptr);
            break;


        case SRE_OP_LITERAL_IGNORE:
        case SRE_OP_LITERAL_UNI_IGNORE:
        case SRE_OP_LITERAL_LOC_IGNORE:
        case SRE_OP_NOT_LITERAL_IGNORE:
        case SRE_OP_NOT_LITERAL_UNI_IGNORE:
        case SRE_OP_NOT_LITERAL_LOC_IGNORE:
            /* <op> <ch>: the table knows each case rule. */
            if (ptr >= end || !SRE(set_ok)(st, pc - 1, ptr)) RETURN_FAILURE;
            pc++;
            STEP(ptr);
            break;

        case SRE_OP_IN:
        case SRE_OP_IN_IGNORE:
        case SRE_OP_IN_UNI_IGNORE:
        case SRE_OP_IN_LOC_IGNORE:
            /* <op> <skip> set <FAILURE> */
            if (ptr >= end || !SRE(set_ok)(st, pc - 1, ptr)) RETURN_FAILURE;
            pc += pc[0];
            STEP(ptr);
            break;

        case SRE_OP_JUMP:
        case SRE_OP_INFO:
            pc += pc[0];
            break;

        case SRE_OP_BRANCH:
            /* <BRANCH> (<skip> alternative <JUMP>)* <FAILURE> */
            LASTMARK_SAVE();
            if (st->repeat >= 0) MARK_PUSH(ctx->lastmark);
            for (; pc[0]; pc += pc[0]) {
                /* Skip alternatives whose first character cannot match. */
                if (pc[1] == SRE_OP_LITERAL && (ptr >= end || GETC(ptr) != pc[2])) continue;
                if (pc[1] == SRE_OP_IN && (ptr >= end || !SRE(set_ok)(st, pc + 1, ptr))) continue;
                st->ptr = ptr;
                DO_JUMP(J_BRANCH, jump_branch, pc + 1);
                if (ret) {
                    if (st->repeat >= 0) MARK_POP_DISCARD(ctx->lastmark);
                    RETURN_SUCCESS;
                }
                if (st->repeat >= 0) MARK_POP_KEEP(ctx->lastmark);
                LASTMARK_RESTORE();
            }
            if (st->repeat >= 0) MARK_POP_DISCARD(ctx->lastmark);
            RETURN_FAILURE;

        case SRE_OP_REPEAT_ONE: {
            /* <REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: greedy, one character per item. */
            if ((ssize_t)pc[1] > end - ptr) RETURN_FAILURE;
            st->ptr = ptr;
            ctx->count = SRE(count)(st, pc + 3, pc[2], &ptr);
            if (ctx->count < (ssize_t)pc[1]) RETURN_FAILURE;
            if (pc[pc[0]] == SRE_OP_SUCCESS && ptr == st->end
                && !(ctx->toplevel && st->must_advance && ptr == st->start)) {
                st->ptr = ptr;   /* the tail is empty: done */
                RETURN_SUCCESS;
            }
            LASTMARK_SAVE();
            if (st->repeat >= 0) MARK_PUSH(ctx->lastmark);
            /* What the tail needs first, looking past group marks (they consume nothing). */
            const SreCode *tail = pc + pc[0];
            while (tail[0] == SRE_OP_MARK) tail += 2;
            if (tail[0] == SRE_OP_LITERAL) {
                /* The tail starts with a literal: only try where it is. */
                ctx->u.chr = tail[1];
                for (;;) {
#if SRE_UTF8
                    ssize_t count = ctx->count, min = (ssize_t)pc[1];
                    const uint8_t *p = ptr;
                    uint32_t chr = ctx->u.chr;
                    while (count >= min && (p >= end || GETC(p) != chr)) {
                        if (count > 0) UNSTEP(p);
                        count--;
                    }
                    ctx->count = count;
                    ptr = p;
                    if (count < min) break;
#else
                    /* The last occurrence at or after the minimum, found backwards with memrchr. */
                    const uint8_t *lo = ptr - (ctx->count - (ssize_t)pc[1]);
                    const uint8_t *hi = ptr < end ? ptr : end - 1;
                    if (ctx->u.chr > 255 || hi < lo) break;
                    const uint8_t *q = memrchr(lo, (int)ctx->u.chr, (size_t)(hi - lo + 1));
                    if (!q) break;
                    ctx->count -= ptr - q;
                    ptr = q;
#endif
                    st->ptr = ptr;
                    DO_JUMP(J_REPEAT_ONE_1, jump_repeat_one_1, pc + pc[0]);
                    if (ret) {
                        if (st->repeat >= 0) MARK_POP_DISCARD(ctx->lastmark);
                        RETURN_SUCCESS;
                    }
                    if (st->repeat >= 0) MARK_POP_KEEP(ctx->lastmark);
                    LASTMARK_RESTORE();
                    if (ctx->count == (ssize_t)pc[1]) break;
                    UNSTEP(ptr);
                    ctx->count--;
                }
            } else {
                while (ctx->count >= (ssize_t)pc[1]) {
                    /* A tail starting with a set cannot match where the next character is not in it. */
                    tail = pc + pc[0];
                    while (tail[0] == SRE_OP_MARK) tail += 2;
                    if (sre_has_table(tail[0]) && (ptr >= end || !SRE(set_ok)(st, tail, ptr))) {
                        if (ctx->count > 0) UNSTEP(ptr);
                        ctx->count--;
                        continue;
                    }
                    st->ptr = ptr;
                    DO_JUMP(J_REPEAT_ONE_2, jump_repeat_one_2, pc + pc[0]);
                    if (ret) {
                        if (st->repeat >= 0) MARK_POP_DISCARD(ctx->lastmark);
                        RETURN_SUCCESS;
                    }
                    if (st->repeat >= 0) MARK_POP_KEEP(ctx->lastmark);
                    LASTMARK_RESTORE();
                    if (ctx->count > 0) UNSTEP(ptr);
                    ctx->count--;
                }
            }
            if (st->repeat >= 0) MARK_POP_DISCARD(ctx->lastmark);
            RETURN_FAILURE;
        }

        case SRE_OP_MIN_REPEAT_ONE: {
            /* <MIN_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: lazy. */
            if ((ssize_t)pc[1] > end - ptr) RETURN_FAILURE;
            st->ptr = ptr;
            if (pc[1] == 0) {
                ctx->count = 0;
            } else {
                ctx->count = SRE(count)(st, pc + 3, pc[1], &ptr);
                if (ctx->count < (ssize_t)pc[1]) RETURN_FAILURE;
            }
            if (pc[pc[0]] == SRE_OP_SUCCESS
                && !(ctx->toplevel && ((st->match_all && ptr != st->end) || (st->must_advance && ptr == st->start)))) {
                st->ptr = ptr;
                RETURN_SUCCESS;
            }
            LASTMARK_SAVE();
            if (st->repeat >= 0) MARK_PUSH(ctx->lastmark);
            while (pc[2] == SRE_MAXREPEAT || ctx->count <= (ssize_t)pc[2]) {
                /* Try the tail only where its first character can match. */
                const SreCode *tail = pc + pc[0];
                while (tail[0] == SRE_OP_MARK) tail += 2;
                if (tail[0] == SRE_OP_LITERAL ? ptr < end && GETC(ptr) == tail[1]
                    : !sre_has_table(tail[0]) || (ptr < end && SRE(set_ok)(st, tail, ptr))) {
                    st->ptr = ptr;
                    DO_JUMP(J_MIN_REPEAT_ONE, jump_min_repeat_one, pc + pc[0]);
                    if (ret) {
                        if (st->repeat >= 0) MARK_POP_DISCARD(ctx->lastmark);
                        RETURN_SUCCESS;
                    }
                    if (st->repeat >= 0) MARK_POP_KEEP(ctx->lastmark);
                    LASTMARK_RESTORE();
                }
                st->ptr = ptr;
                if (SRE(count)(st, pc + 3, 1, &ptr) == 0) break;
                ctx->count++;
#if !SRE_UTF8
                /* (Locals do not survive DO_JUMP: find the tail again.) */
                tail = pc + pc[0];
                while (tail[0] == SRE_OP_MARK) tail += 2;
                if (tail[0] == SRE_OP_LITERAL && tail[1] < 256 && ptr < end && *ptr != tail[1]) {
                    /* Jump to the next place the tail's literal occurs, if the item
                     * matches all the way there (and the maximum allows it). */
                    const uint8_t *q = memchr(ptr, (int)tail[1], (size_t)(end - ptr));
                    if (!q) break;
                    ssize_t room = pc[2] == SRE_MAXREPEAT ? SSIZE_MAX : (ssize_t)pc[2] - ctx->count;
                    if (q - ptr > room) break;
                    const uint8_t *to;
                    st->ptr = ptr;
                    ssize_t n = SRE(count)(st, pc + 3, (SreCode)(q - ptr), &to);
                    if (to != q) break;
                    ptr = q;
                    ctx->count += n;
                }
#endif
            }
            if (st->repeat >= 0) MARK_POP_DISCARD(ctx->lastmark);
            RETURN_FAILURE;
        }

        case SRE_OP_POSSESSIVE_REPEAT_ONE:
            /* <POSSESSIVE_REPEAT_ONE> <skip> <min> <max> item <SUCCESS> tail: never gives back. */
            if ((ssize_t)pc[1] > end - ptr) RETURN_FAILURE;
            st->ptr = ptr;
            ctx->count = SRE(count)(st, pc + 3, pc[2], &ptr);
            if (ctx->count < (ssize_t)pc[1]) RETURN_FAILURE;
            pc += pc[0];
            if (*pc == SRE_OP_SUCCESS && ptr == st->end && !(ctx->toplevel && st->must_advance && ptr == st->start)) {
                st->ptr = ptr;
                RETURN_SUCCESS;
            }
            break;

        case SRE_OP_REPEAT: {
            /* <REPEAT> <skip> <min> <max> body <MAX_UNTIL|MIN_UNTIL> tail.  The UNTIL does the work;
             * this installs the repeat record it counts in.  Records are freed in LIFO order. */
            if (st->nrepeats == st->caprepeats) CHECK(repeats_grow(st));
            int r = st->nrepeats++;
            SreRepeat *rep = &st->repeats[r];
            rep->count = -1;
            rep->pattern = pc;
            rep->prev = st->repeat;
            rep->last_ptr = NULL;
            st->repeat = r;
            ctx->u.rep = r;
            st->ptr = ptr;
            DO_JUMP(J_REPEAT, jump_repeat, pc + pc[0]);
            st->repeat = REP->prev;
            st->nrepeats = ctx->u.rep;
            if (ret) RETURN_SUCCESS;
            RETURN_FAILURE;
        }

        case SRE_OP_MAX_UNTIL:
            /* The end of a greedy REPEAT's body: try another iteration, then the tail. */
            if (st->repeat < 0) return SRE_ERROR_STATE;
            ctx->u.rep = st->repeat;
            st->ptr = ptr;
            ctx->count = REP->count + 1;
            if (ctx->count < (ssize_t)REP->pattern[1]) {
                /* Not enough iterations yet. */
                REP->count = ctx->count;
                DO_JUMP(J_MAX_UNTIL_1, jump_max_until_1, REP->pattern + 3);
                if (ret) RETURN_SUCCESS;
                REP->count = ctx->count - 1;
                st->ptr = ptr;
                RETURN_FAILURE;
            }
            if ((ctx->count < (ssize_t)REP->pattern[2] || REP->pattern[2] == SRE_MAXREPEAT)
                && st->ptr != REP->last_ptr) {
                /* Enough, but take another if it matches (not if the last one was empty). */
                REP->count = ctx->count;
                LASTMARK_SAVE();
                MARK_PUSH(ctx->lastmark);
                CHECK(stack_push(st, &REP->last_ptr, sizeof(REP->last_ptr)));
                REFRESH();
                REP->last_ptr = st->ptr;
                DO_JUMP(J_MAX_UNTIL_2, jump_max_until_2, REP->pattern + 3);
                stack_pop(st, &REP->last_ptr, sizeof(REP->last_ptr), true);
                if (ret) {
                    MARK_POP_DISCARD(ctx->lastmark);
                    RETURN_SUCCESS;
                }
                MARK_POP(ctx->lastmark);
                LASTMARK_RESTORE();
                REP->count = ctx->count - 1;
                st->ptr = ptr;
            }
            /* No more iterations: the tail must match, outside this repeat. */
            st->repeat = REP->prev;
            DO_JUMP(J_MAX_UNTIL_3, jump_max_until_3, pc);
            st->repeat = ctx->u.rep;
            if (ret) RETURN_SUCCESS;
            st->ptr = ptr;
            RETURN_FAILURE;

        case SRE_OP_MIN_UNTIL: {
            /* The end of a lazy REPEAT's body: try the tail, then another iteration. */
            if (st->repeat < 0) return SRE_ERROR_STATE;
            ctx->u.rep = st->repeat;
            st->ptr = ptr;
            ctx->count = REP->count + 1;
            if (ctx->count < (ssize_t)REP->pattern[1]) {
                REP->count = ctx->count;
                DO_JUMP(J_MIN_UNTIL_1, jump_min_until_1, REP->pattern + 3);
                if (ret) RETURN_SUCCESS;
                REP->count = ctx->count - 1;
                st->ptr = ptr;
                RETURN_FAILURE;
            }
            st->repeat = REP->prev;
            LASTMARK_SAVE();
            if (st->repeat >= 0) MARK_PUSH(ctx->lastmark);
            DO_JUMP(J_MIN_UNTIL_2, jump_min_until_2, pc);
            {
                int repeat_of_tail = st->repeat;
                st->repeat = ctx->u.rep;
                if (ret) {
                    if (repeat_of_tail >= 0) MARK_POP_DISCARD(ctx->lastmark);
                    RETURN_SUCCESS;
                }
                if (repeat_of_tail >= 0) MARK_POP(ctx->lastmark);
            }
            LASTMARK_RESTORE();
            st->ptr = ptr;
            if ((ctx->count >= (ssize_t)REP->pattern[2] && REP->pattern[2] != SRE_MAXREPEAT)
                || st->ptr == REP->last_ptr)
                RETURN_FAILURE;
            REP->count = ctx->count;
            CHECK(stack_push(st, &REP->last_ptr, sizeof(REP->last_ptr)));
            REFRESH();
            REP->last_ptr = st->ptr;
            DO_JUMP(J_MIN_UNTIL_3, jump_min_until_3, REP->pattern + 3);
            stack_pop(st, &REP->last_ptr, sizeof(REP->last_ptr), true);
            if (ret) RETURN_SUCCESS;
            REP->count = ctx->count - 1;
            st->ptr = ptr;
            RETURN_FAILURE;
        }

        case SRE_OP_POSSESSIVE_REPEAT:
            /* <POSSESSIVE_REPEAT> <skip> <min> <max> body <SUCCESS> tail: each iteration is
             * matched on its own (a fresh top of the body), and none is ever taken back. */
            st->ptr = ptr;
            ctx->count = 0;
            while (ctx->count < (ssize_t)pc[1]) {
                DO_JUMP0(J_POSS_REPEAT_1, jump_poss_repeat_1, pc + 3);
                if (!ret) {
                    st->ptr = ptr;
                    RETURN_FAILURE;
                }
                ctx->count++;
            }
            ptr = NULL;  /* so the loop below starts: st->ptr != ptr */
            while ((ctx->count < (ssize_t)pc[2] || pc[2] == SRE_MAXREPEAT) && st->ptr != ptr) {
                LASTMARK_SAVE();
                MARK_PUSH(ctx->lastmark);
                ptr = st->ptr;   /* an iteration that ends here was empty: stop */
                DO_JUMP0(J_POSS_REPEAT_2, jump_poss_repeat_2, pc + 3);
                if (ret) {
                    MARK_POP_DISCARD(ctx->lastmark);
                    ctx->count++;
                } else {
                    MARK_POP(ctx->lastmark);
                    LASTMARK_RESTORE();
                    st->ptr = ptr;
                    break;
                }
            }
            pc += pc[0] + 1;
            ptr = st->ptr;
            break;

        case SRE_OP_ATOMIC_GROUP:
            /* <ATOMIC_GROUP> <skip> body <SUCCESS> tail: the body's first match is final. */
            st->ptr = ptr;
            DO_JUMP0(J_ATOMIC_GROUP, jump_atomic_group, pc + 1);
            if (!ret) {
                st->ptr = ptr;
                RETURN_FAILURE;
            }
            pc += pc[0];
            ptr = st->ptr;
            break;

        case SRE_OP_GROUPREF:
            if (!SRE(groupref)(st, pc[0], &ptr, NULL)) RETURN_FAILURE;
            pc++;
            break;
        case SRE_OP_GROUPREF_IGNORE:
            if (!SRE(groupref)(st, pc[0], &ptr, sre_lower_ascii)) RETURN_FAILURE;
            pc++;
            break;
        case SRE_OP_GROUPREF_UNI_IGNORE:
            if (!SRE(groupref)(st, pc[0], &ptr, sre_lower_unicode)) RETURN_FAILURE;
            pc++;
            break;
        case SRE_OP_GROUPREF_LOC_IGNORE:
            if (!SRE(groupref)(st, pc[0], &ptr, sre_lower_locale)) RETURN_FAILURE;
            pc++;
            break;

        case SRE_OP_GROUPREF_EXISTS: {
            /* <GROUPREF_EXISTS> <group> <skip> yes [<JUMP> no] */
            int i = (int)pc[0] * 2;
            if (i >= st->lastmark || !st->mark[i] || !st->mark[i + 1] || st->mark[i + 1] < st->mark[i]) {
                pc += pc[1];
                break;
            }
            pc += 2;
            break;
        }

        case SRE_OP_ASSERT: {
            /* <ASSERT> <skip> <back> body <SUCCESS>: lookahead (back 0) or fixed-width lookbehind. */
            const uint8_t *q = ptr;
#if SRE_UTF8
            for (SreCode k = 0; k < pc[1]; k++) {
                if (q == st->beginning) RETURN_FAILURE;
                UNSTEP(q);
            }
#else
            if (ptr - st->beginning < (ssize_t)pc[1]) RETURN_FAILURE;
            q = ptr - pc[1];
#endif
            st->ptr = q;
            DO_JUMP0(J_ASSERT, jump_assert, pc + 2);
            if (!ret) RETURN_FAILURE;
            pc += pc[0];
            break;
        }

        case SRE_OP_ASSERT_NOT: {
            const uint8_t *q = ptr;
#if SRE_UTF8
            SreCode k = 0;
            for (; k < pc[1] && q != st->beginning; k++) UNSTEP(q);
            if (k == pc[1]) {
#else
            if (ptr - st->beginning >= (ssize_t)pc[1]) {
                q = ptr - pc[1];
#endif
                st->ptr = q;
                LASTMARK_SAVE();
                if (st->repeat >= 0) MARK_PUSH(ctx->lastmark);
                DO_JUMP0(J_ASSERT_NOT, jump_assert_not, pc + 2);
                if (ret) {
                    if (st->repeat >= 0) MARK_POP_DISCARD(ctx->lastmark);
                    RETURN_FAILURE;
                }
                if (st->repeat >= 0) MARK_POP(ctx->lastmark);
                LASTMARK_RESTORE();
            }
            pc += pc[0];
            break;
        }

        case SRE_OP_FAILURE:
            RETURN_FAILURE;

        default:
            return SRE_ERROR_ILLEGAL;
        }
    }

exit: {
        /* Pop this frame and resume the parent where it called us. */
        ssize_t parent = ctx->parent;
        int jump = ctx->jump;
        st->stack_top = (size_t)ctx_pos;
        if (parent < 0) return ret;
        ctx_pos = parent;
        ctx = FRAME_AT(st, ctx_pos);
        switch (jump) {
        case J_MAX_UNTIL_1: goto jump_max_until_1;
        case J_MAX_UNTIL_2: goto jump_max_until_2;
        case J_MAX_UNTIL_3: goto jump_max_until_3;
        case J_MIN_UNTIL_1: goto jump_min_until_1;
        case J_MIN_UNTIL_2: goto jump_min_until_2;
        case J_MIN_UNTIL_3: goto jump_min_until_3;
        case J_REPEAT: goto jump_repeat;
        case J_REPEAT_ONE_1: goto jump_repeat_one_1;
        case J_REPEAT_ONE_2: goto jump_repeat_one_2;
        case J_MIN_REPEAT_ONE: goto jump_min_repeat_one;
        case J_BRANCH: goto jump_branch;
        case J_ASSERT: goto jump_assert;
        case J_ASSERT_NOT: goto jump_assert_not;
        case J_POSS_REPEAT_1: goto jump_poss_repeat_1;
        case J_POSS_REPEAT_2: goto jump_poss_repeat_2;
        case J_ATOMIC_GROUP: goto jump_atomic_group;
        }
        return SRE_ERROR_STATE;
    }
}

#undef RETURN_FAILURE
#undef RETURN_SUCCESS
#undef CHECK
#undef REFRESH
#undef LASTMARK_SAVE
#undef LASTMARK_RESTORE
#undef MARK_PUSH
#undef MARK_POP
#undef MARK_POP_KEEP
#undef MARK_POP_DISCARD
#undef REP
#undef DO_JUMPX
#undef DO_JUMP
#undef DO_JUMP0

#define RESET_CAPTURE_GROUPS() (st->lastmark = st->lastindex = -1)

/* Search from st->start; on success st->start and st->ptr delimit the match. */
static ssize_t SRE(search)(SreState *st, const SreProgram *prog) {
    const SreCode *pc = prog->code;
    const uint8_t *ptr = st->start, *end = st->end;
    ssize_t status = 0;
    SreCode flags = 0;
    const SreCode *prefix = NULL;
    size_t prefix_len = 0;

    if (ptr > end) return 0;
    if (pc[0] == SRE_OP_INFO) {
        /* <INFO> <skip> <flags> <min> <max> [<prefix_len> <prefix_skip> prefix overlap | charset] */
        flags = pc[2];
        if (pc[3] && (size_t)(end - ptr) < pc[3]) return 0;
        if (pc[3] > 1) {
            /* A match needs min characters, so at least min bytes: later starts cannot match. */
            end -= pc[3] - 1;
            if (end <= ptr) end = ptr;
        }
        if (flags & SRE_INFO_PREFIX) {
            prefix_len = pc[5];
            prefix = pc + 7;
        }
        pc += 1 + pc[1];
    }

    if (prefix_len) {
        /* A literal prefix: find its bytes with memchr/memmem, then match from there. */
        uint8_t needle[256];
        size_t n = 0, chars = 0;
        for (; chars < prefix_len; chars++) {
            uint32_t c = prefix[chars];
#if SRE_UTF8
            if (n + 4 > sizeof needle) break;
            n += (size_t)sre_utf8_encode(c, needle + n);
#else
            if (c > 255) return 0;   /* can never match a byte */
            if (n == sizeof needle) break;
            needle[n++] = (uint8_t)c;
#endif
        }
        bool complete = chars == prefix_len;
        end = st->end;
        st->must_advance = false;
        while (ptr < end) {
            const uint8_t *hit = n == 1 ? memchr(ptr, needle[0], (size_t)(end - ptr))
                                         : memmem(ptr, (size_t)(end - ptr), needle, n);
            if (!hit) return 0;
            st->start = hit;
            if (complete && (flags & SRE_INFO_LITERAL)) {
                st->ptr = hit + n;
                return 1;   /* the whole pattern is this literal */
            }
            st->ptr = hit;
            status = SRE(match)(st, pc, 0);
            if (status != 0) return status;
            ptr = hit + 1;
            RESET_CAPTURE_GROUPS();
        }
        return 0;
    }

#if SRE_UTF8
    const uint8_t *first = prog->has_first ? prog->first_utf8 : NULL;
#else
    const uint8_t *first = prog->has_first ? prog->first_byte : NULL;
#endif
    if (first) {
        /* Only positions whose first byte can begin a match are tried.  In UTF-8 the
         * table never admits a continuation byte, so ptr stays on character starts. */
        const uint8_t *origin = st->start;
        for (;;) {
            while (ptr < end && !first[*ptr]) ptr++;
            if (ptr >= end) return 0;   /* what is left is too short for a match */
            st->start = st->ptr = ptr;
            status = SRE(match)(st, pc, ptr == origin);
            if (status != 0) return status;
            STEP(ptr);
            RESET_CAPTURE_GROUPS();
        }
    }

    /* The general case: try every position. */
    st->start = st->ptr = ptr;
    status = SRE(match)(st, pc, 1);
    st->must_advance = false;
    if (status == 0 && pc[0] == SRE_OP_AT && (pc[1] == SRE_AT_BEGINNING || pc[1] == SRE_AT_BEGINNING_STRING)) {
        st->start = st->ptr = st->end;
        return 0;
    }
    while (status == 0 && ptr < end) {
        STEP(ptr);
        RESET_CAPTURE_GROUPS();
        st->start = st->ptr = ptr;
        status = SRE(match)(st, pc, 0);
    }
    return status;
}

#undef RESET_CAPTURE_GROUPS
#undef GETC
#undef STEP
#undef UNSTEP
