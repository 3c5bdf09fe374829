/* repl.c - the interactive prompt: read a statement line by line, compile it in 'single' mode, run it in __main__. */
#include "cli.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/dict.h"
#include "../objects/module.h"
#include "../objects/exceptions.h"
#include "../compiler/compile.h"
#include "../compiler/parser.h"
#include "../modules/signal.h"
#include "../vm/frame.h"
#include "../vm/error.h"
#include "../vm/gil.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/*
 * CPython's prompt is its tokenizer pulling lines on demand; Taipan gets the
 * same screen with the rule of CPython's own codeop module, which it
 * matches line for line: after each line the statement so far is compiled
 * with "incomplete input" allowed.  It is complete when that compiles, it
 * needs another line (prompt sys.ps2) when it fails but compiles with one
 * more newline or fails as incomplete, and otherwise its SyntaxError is
 * reported.  A compound statement therefore ends at an empty line, and
 * "1 +" is an error at once while "(1 +" asks for more, as in CPython.
 *
 * Lines come from the readline module when it has been imported (site
 * does that for an interactive session) and stdin and stdout are
 * terminals; otherwise the prompt goes to stderr and the line is read from
 * file descriptor 0, as CPython's PyOS_StdioReadline does.
 */

char *(*repl_readline_hook)(const char *prompt, bool *eof);

extern Value sys_get(const char *name);
extern int sys_set(const char *name, Value v);
extern Value sys_modules_dict;

/* sys.stdout and sys.stderr flushed; errors ignored (CPython's flush_io). */
static void flush_std(void) {
    static const char *const names[] = {"stderr", "stdout"};
    for (int i = 0; i < 2; i++) {
        Value s = sys_get(names[i]);
        if (s && s != VNone && !obj_call_method(s, "flush", NULL, 0)) err_clear();
    }
}

/* str(sys.ps1) or str(sys.ps2) as bytes; "" when unset. */
static char *prompt_text(const char *name) {
    Value p = sys_get(name);
    Value s = p && p != VNone ? obj_str(p) : VNULL;
    if (!s) {
        err_clear();
        return strdup("");
    }
    return strndup(str_data(s), (size_t)str_size(s));
}

/* One line from fd 0 without readline, newline kept; NULL at end of input
 * (*eof) or with KeyboardInterrupt (or another handler's exception) set. */
static char *stdio_read_line(const char *prompt, bool *eof) {
    flush_std();
    if (*prompt) {
        ssize_t r = write(2, prompt, strlen(prompt));
        (void)r;
    }
    size_t n = 0, cap = 128;
    char *line = malloc(cap);
    if (!line) return NULL;
    for (;;) {
        char c;
        ssize_t r;
        GIL_RELEASE_BEGIN   /* threads run while the prompt waits */
        r = read(0, &c, 1);
        GIL_RELEASE_END
        if (r < 0 && errno == EINTR) {
            if (signal_pending() && signal_run_handlers() < 0) {
                free(line);
                return NULL;
            }
            continue;
        }
        if (r <= 0) {
            if (n == 0) {
                free(line);
                *eof = true;
                return NULL;
            }
            break;
        }
        if (n + 2 > cap) {
            char *l = realloc(line, cap *= 2);
            if (!l) {
                free(line);
                return NULL;
            }
            line = l;
        }
        line[n++] = c;
        if (c == '\n') break;
    }
    line[n] = 0;
    return line;
}

static char *read_line(const char *name, bool *eof) {
    char *prompt = prompt_text(name);
    char *line;
    *eof = false;
    if (repl_readline_hook && isatty(0) && isatty(1)) {
        flush_std();
        line = repl_readline_hook(prompt, eof);
    } else {
        line = stdio_read_line(prompt, eof);
    }
    free(prompt);
    return line;
}

/* Report the pending exception as PyErr_Print does: sys.last_* and sys.excepthook. */
static void print_error(void) {
    Value e = err_fetch();
    if (!e) return;
    Value tb = ((ExceptionObject *)e)->traceback;
    Value type = obj_val(val_type(e));
    sys_set("last_type", type);
    sys_set("last_value", e);
    sys_set("last_traceback", tb ? tb : VNone);
    Value hook = sys_get("excepthook");
    Value args[3] = {type, e, tb ? tb : VNone};
    if (!hook || hook == VNone || !obj_call(hook, args, 3, VNULL)) {
        extern void exc_print(Value e);
        if (err_occurred()) {
            Value e2 = err_fetch();
            fprintf(stderr, "Error in sys.excepthook:\n");
            exc_print(e2);
            fprintf(stderr, "\nOriginal exception was:\n");
        } else {
            fprintf(stderr, "sys.excepthook is missing\n");
        }
        exc_print(e);
    }
    flush_std();
}

static bool only_blank_or_comments(const char *s) {
    for (;;) {
        while (*s == ' ' || *s == '\t' || *s == '\f' || *s == '\r' || *s == '\v') s++;
        if (*s == '#') s += strcspn(s, "\n");
        if (*s == 0) return true;
        if (*s != '\n') return false;
        s++;
    }
}

static bool is_incomplete_error(void) {
    Value e = err_occurred();
    if (!e || !val_isinstance(e, &exc_SyntaxError)) return false;
    Value msg = obj_getattr_opt(e, str_intern_cstr("msg"));
    bool r = msg && str_check(msg) && str_eq_cstr(msg, "incomplete input");
    if (!msg) err_clear();
    return r;
}

enum { STMT_DONE, STMT_MORE, STMT_ERROR };

/* CPython's 'single' grammar is `compound_stmt NEWLINE`: a compound
 * statement on one line ("while 1: pass") still waits for an empty line.
 * Taipan's parser accepts it without one (docs/cli.md), so the prompt
 * checks: a statement that starts with a compound keyword and whose last
 * line is not empty is not finished. */
static bool one_line_compound(const char *src, size_t len) {
    if (len == 0 || src[len - 1] == '\n') return false;
    while (*src == ' ' || *src == '\t' || *src == '\n') src++;
    if (*src == '@') return true;
    static const char *const kw[] = {"if", "while", "for", "try", "with", "def", "class", "async", "match", NULL};
    for (int i = 0; kw[i]; i++) {
        size_t n = strlen(kw[i]);
        if (strncmp(src, kw[i], n) != 0) continue;
        char c = src[n];
        if (c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (unsigned char)c >= 0x80)
            continue;
        /* "match" is a keyword only where a match statement parses: its line ends in ':'. */
        if (i == 8) {
            const char *e = src + strcspn(src, "\n");
            while (e > src && (e[-1] == ' ' || e[-1] == '\t')) e--;
            if (e == src || e[-1] != ':') return false;
        }
        return true;
    }
    return false;
}

/* The codeop rule (see the top of the file). */
static int try_compile(const char *src, size_t len, Value filename, int optimize, Value *code) {
    const int trial = PARSE_FLAG_ALLOW_INCOMPLETE_INPUT | PARSE_FLAG_DONT_IMPLY_DEDENT;
    if (only_blank_or_comments(src)) {
        src = "pass";
        len = 4;
    }
    *code = compile_source(src, len, filename, COMPILE_SINGLE, trial, optimize);
    if (*code) return one_line_compound(src, len) ? STMT_MORE : STMT_DONE;
    if (!err_occurred() || !val_isinstance(err_occurred(), &exc_SyntaxError)) return STMT_ERROR;
    err_clear();
    char *more = malloc(len + 2);
    if (!more) return STMT_ERROR;
    memcpy(more, src, len);
    more[len] = '\n';
    more[len + 1] = 0;
    Value c2 = compile_source(more, len + 1, filename, COMPILE_SINGLE, trial, optimize);
    if (c2 || is_incomplete_error()) {
        free(more);
        err_clear();
        return STMT_MORE;
    }
    err_clear();
    /* The error as CPython's prompt reports it: its line read with the newline. */
    *code = compile_source(more, len + 1, filename, COMPILE_SINGLE, PARSE_FLAG_DONT_IMPLY_DEDENT, optimize);
    free(more);
    return *code ? STMT_DONE : STMT_ERROR;
}

int repl_run(const CliConfig *cfg, bool *exiting) {
    Value main_mod = dict_get_cstr(sys_modules_dict, "__main__");
    if (!main_mod) return 1;
    Value globals = module_dict(main_mod);
    Value filename = str_intern_cstr("<stdin>");
    if (!sys_get("ps1")) sys_set("ps1", str_from_cstr(">>> "));
    if (!sys_get("ps2")) sys_set("ps2", str_from_cstr("... "));
    extern int runtime_optimize;
    char *buf = NULL;
    size_t len = 0;
    for (;;) {
        bool eof;
        char *line = read_line(buf ? "ps2" : "ps1", &eof);
        if (!line) {
            if (!eof) {
                /* Ctrl-C at the prompt: the statement so far is dropped and
                 * KeyboardInterrupt reported on a line of its own. */
                if (err_occurred() && val_isinstance(err_occurred(), &exc_KeyboardInterrupt)) {
                    ssize_t r = write(2, "\n", 1);
                    (void)r;
                }
                print_error();
                free(buf);
                buf = NULL;
                len = 0;
                continue;
            }
            if (!buf) {
                ssize_t r = write(2, "\n", 1);
                (void)r;
                return 0;
            }
            /* End of input inside a statement: what there is runs (or fails). */
            line = strdup("");
            eof = true;
        }
        size_t ll = strlen(line);
        if (ll && line[ll - 1] == '\n') line[--ll] = 0;
        char *nb = realloc(buf, len + ll + 2);
        if (!nb) {
            free(line);
            return 1;
        }
        buf = nb;
        if (len) buf[len++] = '\n';
        memcpy(buf + len, line, ll);
        len += ll;
        buf[len] = 0;
        free(line);
        Value code = VNULL;
        int st = try_compile(buf, len, filename, runtime_optimize, &code);
        if (st == STMT_MORE && !eof) continue;
        free(buf);
        buf = NULL;
        len = 0;
        if (st == STMT_MORE) {
            err_set(&exc_SyntaxError, "unexpected EOF while parsing");
            st = STMT_ERROR;
        }
        if (st == STMT_DONE) {
            Value r = interp_eval_code((CodeObject *)code, globals, globals);
            if (!r) st = STMT_ERROR;
        }
        if (st == STMT_ERROR) {
            Value e = err_occurred();
            if (e && val_isinstance(e, &exc_SystemExit)) {
                *exiting = true;
                return -1;
            }
            print_error();
        }
        flush_std();
        if (eof) {
            ssize_t r = write(2, "\n", 1);
            (void)r;
            return 0;
        }
    }
}
