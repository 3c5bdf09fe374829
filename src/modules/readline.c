/* readline.c - the readline module over GNU readline: line editing, history and completion for the interactive prompt. */
#include "os_util.h"
#include "signal.h"
#include "../cli/cli.h"
#include "../objects/type.h"
#include "../objects/str.h"
#include "../objects/int.h"
#include "../objects/list.h"
#include "../objects/module.h"
#include "../objects/func.h"
#include "../gc/gc.h"
#include "../vm/error.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <unistd.h>

#include <readline/history.h>
#include <readline/readline.h>

/*
 * The module is CPython's Modules/readline.c in behaviour: importing it
 * hooks the interactive prompt (repl_readline_hook, src/cli/repl.c), and
 * site's enablerlcompleter then binds Tab to completion, reads
 * ~/.python_history and writes it at exit.  Lines are read with
 * readline's callback interface under select(), so that a signal (Ctrl-C)
 * runs its Python handler at once: KeyboardInterrupt abandons the line.
 *
 * Python callbacks (completer, startup and pre-input hooks, the display
 * hook) live in GC roots.  An exception in one is printed and the callback
 * counts as having returned nothing, as in CPython.
 */

#define FN(name) static Value name(Value self, Value *args, size_t nargs, Value kwnames)

static Value completer, startup_hook, pre_input_hook, display_hook, begidx, endidx;
static bool auto_history = true;
static char *completer_word_break_characters;

static void report_callback_error(void) {
    extern void exc_print(Value e);
    Value e = err_fetch();
    if (e) exc_print(e);
}

/* ---- Arguments ---- */

static int str_arg(const char *fname, Value v, const char **out) {
    if (!str_check(v)) {
        err_format(&exc_TypeError, "%s() argument must be str, not %s", fname, type_name(v));
        return -1;
    }
    *out = str_data(v);
    return 0;
}

static int int_arg(Value v, int *out) { return os_int(v, out); }

/* An optional file name argument (None or absent: readline's default). */
static int filename_arg(const char *fname, size_t nargs, Value *args, size_t i, OsPath *p) {
    memset(p, 0, sizeof *p);
    p->fd = -1;
    if (nargs <= i || args[i] == VNone) return 0;
    return os_path_convert(fname, "filename", args[i], 0, p);
}

static int callable_or_none(const char *fname, Value v) {
    if (v != VNone && !val_type(v)->call) {
        err_format(&exc_TypeError, "%s(func): argument not callable", fname);
        return -1;
    }
    return 0;
}

/* ---- Functions ---- */

FN(parse_and_bind_m) {
    const char *s;
    if (arg_no_kw("parse_and_bind", kwnames) < 0 || arg_count("parse_and_bind", nargs, 1, 1) < 0 ||
        str_arg("parse_and_bind", args[0], &s) < 0)
        return VNULL;
    char *copy = strdup(s);   /* rl_parse_and_bind writes into its argument */
    if (!copy) return err_no_memory(), VNULL;
    rl_parse_and_bind(copy);
    free(copy);
    return VNone;
}

FN(read_init_file_m) {
    OsPath p;
    if (arg_no_kw("read_init_file", kwnames) < 0 || arg_count("read_init_file", nargs, 0, 1) < 0 ||
        filename_arg("read_init_file", nargs, args, 0, &p) < 0)
        return VNULL;
    errno = rl_read_init_file(p.narrow);
    if (errno) return p.narrow ? os_error_path(errno, &p) : os_error(errno);
    return VNone;
}

FN(read_history_file_m) {
    OsPath p;
    if (arg_no_kw("read_history_file", kwnames) < 0 || arg_count("read_history_file", nargs, 0, 1) < 0 ||
        filename_arg("read_history_file", nargs, args, 0, &p) < 0)
        return VNULL;
    errno = read_history(p.narrow);
    if (errno) return p.narrow ? os_error_path(errno, &p) : os_error(errno);
    return VNone;
}

static int max_history_length = -1;   /* set_history_length: what write_history_file keeps */

FN(write_history_file_m) {
    OsPath p;
    if (arg_no_kw("write_history_file", kwnames) < 0 || arg_count("write_history_file", nargs, 0, 1) < 0 ||
        filename_arg("write_history_file", nargs, args, 0, &p) < 0)
        return VNULL;
    int err = write_history(p.narrow);
    if (!err && max_history_length >= 0) err = history_truncate_file(p.narrow, max_history_length);
    if (err) return p.narrow ? os_error_path(err, &p) : os_error(err);
    return VNone;
}

FN(append_history_file_m) {
    OsPath p;
    int n;
    if (arg_no_kw("append_history_file", kwnames) < 0 || arg_count("append_history_file", nargs, 1, 2) < 0 ||
        int_arg(args[0], &n) < 0 || filename_arg("append_history_file", nargs, args, 1, &p) < 0)
        return VNULL;
    int err = append_history(n, p.narrow);
    if (!err && max_history_length >= 0) err = history_truncate_file(p.narrow, max_history_length);
    if (err) return p.narrow ? os_error_path(err, &p) : os_error(err);
    return VNone;
}

FN(set_history_length_m) {
    int n;
    if (arg_no_kw("set_history_length", kwnames) < 0 || arg_count("set_history_length", nargs, 1, 1) < 0 ||
        int_arg(args[0], &n) < 0)
        return VNULL;
    max_history_length = n;
    return VNone;
}

FN(get_history_length_m) { return int_from_i64(max_history_length); }

static Value set_hook(const char *fname, Value *slot, size_t nargs, Value *args, Value kwnames) {
    if (arg_no_kw(fname, kwnames) < 0 || arg_count(fname, nargs, 0, 1) < 0) return VNULL;
    Value f = nargs ? args[0] : VNone;
    if (callable_or_none(fname, f) < 0) return VNULL;
    *slot = f == VNone ? VNULL : f;
    return VNone;
}

FN(set_completer_m) { return set_hook("set_completer", &completer, nargs, args, kwnames); }
FN(get_completer_m) { return completer ? completer : VNone; }
FN(set_startup_hook_m) { return set_hook("set_startup_hook", &startup_hook, nargs, args, kwnames); }
FN(set_pre_input_hook_m) { return set_hook("set_pre_input_hook", &pre_input_hook, nargs, args, kwnames); }

static void display_matches(char **matches, int n, int max_length);

FN(set_completion_display_matches_hook_m) {
    Value r = set_hook("set_completion_display_matches_hook", &display_hook, nargs, args, kwnames);
    if (r) rl_completion_display_matches_hook = display_hook ? display_matches : NULL;
    return r;
}

FN(get_completion_type_m) { return int_from_i64(rl_completion_type); }
FN(get_begidx_m) { return begidx ? begidx : val_from_int(0); }
FN(get_endidx_m) { return endidx ? endidx : val_from_int(0); }

FN(set_completer_delims_m) {
    const char *s;
    if (arg_no_kw("set_completer_delims", kwnames) < 0 || arg_count("set_completer_delims", nargs, 1, 1) < 0 ||
        str_arg("set_completer_delims", args[0], &s) < 0)
        return VNULL;
    char *copy = strdup(s);
    if (!copy) return err_no_memory(), VNULL;
    free(completer_word_break_characters);
    rl_completer_word_break_characters = completer_word_break_characters = copy;
    return VNone;
}

FN(get_completer_delims_m) { return str_from_cstr(rl_completer_word_break_characters); }

FN(add_history_m) {
    const char *s;
    if (arg_no_kw("add_history", kwnames) < 0 || arg_count("add_history", nargs, 1, 1) < 0 ||
        str_arg("add_history", args[0], &s) < 0)
        return VNULL;
    add_history(s);
    return VNone;
}

FN(remove_history_item_m) {
    int pos;
    if (arg_no_kw("remove_history_item", kwnames) < 0 || arg_count("remove_history_item", nargs, 1, 1) < 0 ||
        int_arg(args[0], &pos) < 0)
        return VNULL;
    if (pos < 0) {
        err_set(&exc_ValueError, "History index cannot be negative");
        return VNULL;
    }
    HIST_ENTRY *e = remove_history(pos);
    if (!e) {
        err_format(&exc_ValueError, "No history item at position %d", pos);
        return VNULL;
    }
    free_history_entry(e);
    return VNone;
}

FN(replace_history_item_m) {
    int pos;
    const char *s;
    if (arg_no_kw("replace_history_item", kwnames) < 0 || arg_count("replace_history_item", nargs, 2, 2) < 0 ||
        int_arg(args[0], &pos) < 0 || str_arg("replace_history_item", args[1], &s) < 0)
        return VNULL;
    if (pos < 0) {
        err_set(&exc_ValueError, "History index cannot be negative");
        return VNULL;
    }
    HIST_ENTRY *e = replace_history_entry(pos, s, NULL);
    if (!e) {
        err_format(&exc_ValueError, "No history item at position %d", pos);
        return VNULL;
    }
    free_history_entry(e);
    return VNone;
}

/* get_history_item(i): 1-based, as GNU readline numbers them; None outside. */
FN(get_history_item_m) {
    int i;
    if (arg_no_kw("get_history_item", kwnames) < 0 || arg_count("get_history_item", nargs, 1, 1) < 0 ||
        int_arg(args[0], &i) < 0)
        return VNULL;
    HIST_ENTRY *e = history_get(i);
    return e ? str_decode_utf8(e->line, strlen(e->line), "surrogateescape") : VNone;
}

FN(get_current_history_length_m) { return int_from_i64(history_length); }

FN(clear_history_m) {
    clear_history();
    return VNone;
}

FN(insert_text_m) {
    const char *s;
    if (arg_no_kw("insert_text", kwnames) < 0 || arg_count("insert_text", nargs, 1, 1) < 0 ||
        str_arg("insert_text", args[0], &s) < 0)
        return VNULL;
    rl_insert_text(s);
    return VNone;
}

FN(redisplay_m) {
    rl_redisplay();
    return VNone;
}

FN(get_line_buffer_m) {
    const char *b = rl_line_buffer ? rl_line_buffer : "";
    return str_decode_utf8(b, strlen(b), "surrogateescape");
}

FN(set_auto_history_m) {
    if (arg_no_kw("set_auto_history", kwnames) < 0 || arg_count("set_auto_history", nargs, 1, 1) < 0) return VNULL;
    int t = obj_is_true(args[0]);
    if (t < 0) return VNULL;
    auto_history = t;
    return VNone;
}

static const MethodDef readline_functions[] = {
    {"parse_and_bind", parse_and_bind_m, 0, "Execute the init line provided in the string argument."},
    {"read_init_file", read_init_file_m, 0, "Execute a readline initialization file."},
    {"read_history_file", read_history_file_m, 0, "Load a readline history file."},
    {"write_history_file", write_history_file_m, 0, "Save a readline history file."},
    {"append_history_file", append_history_file_m, 0, "Append the last nelements items of the history list to file."},
    {"set_history_length", set_history_length_m, 0, "Set the maximal number of lines which will be written to the history file."},
    {"get_history_length", get_history_length_m, 0, "Return the maximum number of lines that will be written to the history file."},
    {"set_completer", set_completer_m, 0, "Set or remove the completer function."},
    {"get_completer", get_completer_m, 0, "Get the current completer function."},
    {"get_completion_type", get_completion_type_m, 0, "Get the type of completion being attempted."},
    {"get_begidx", get_begidx_m, 0, "Get the beginning index of the completion scope."},
    {"get_endidx", get_endidx_m, 0, "Get the ending index of the completion scope."},
    {"set_completer_delims", set_completer_delims_m, 0, "Set the word delimiters for completion."},
    {"get_completer_delims", get_completer_delims_m, 0, "Get the word delimiters for completion."},
    {"set_completion_display_matches_hook", set_completion_display_matches_hook_m, 0, "Set or remove the completion display function."},
    {"set_startup_hook", set_startup_hook_m, 0, "Set or remove the function invoked by the rl_startup_hook callback."},
    {"set_pre_input_hook", set_pre_input_hook_m, 0, "Set or remove the function invoked by the rl_pre_input_hook callback."},
    {"add_history", add_history_m, 0, "Add an item to the history buffer."},
    {"remove_history_item", remove_history_item_m, 0, "Remove history item given by its position."},
    {"replace_history_item", replace_history_item_m, 0, "Replaces history item given by its position with contents of line."},
    {"get_history_item", get_history_item_m, 0, "Return the current contents of history item at index."},
    {"get_current_history_length", get_current_history_length_m, 0, "Return the current (not the maximum) length of history."},
    {"clear_history", clear_history_m, 0, "Clear the current readline history."},
    {"insert_text", insert_text_m, 0, "Insert text into the line buffer at the cursor position."},
    {"redisplay", redisplay_m, 0, "Change what's displayed on the screen to reflect contents of the line buffer."},
    {"get_line_buffer", get_line_buffer_m, 0, "Return the current contents of the line buffer."},
    {"set_auto_history", set_auto_history_m, 0, "Enables or disables automatic history."},
    {NULL}
};

/* ---- Callbacks from readline ---- */

static int call_hook(Value hook) {
    if (!hook) return 0;
    Value r = obj_call(hook, NULL, 0, VNULL);
    if (!r) {
        report_callback_error();
        return -1;
    }
    if (r == VNone) return 0;
    int64_t n = int_check(r) ? int_as_i64(r) : 0;
    if (err_occurred()) err_clear();
    return (int)n;
}

static int on_startup_hook(void) { return call_hook(startup_hook); }
static int on_pre_input_hook(void) { return call_hook(pre_input_hook); }

static void display_matches(char **matches, int n, int max_length) {
    if (!display_hook) return;
    Value l = list_new(0);
    for (int i = 0; l && i < n; i++) {
        Value s = str_decode_utf8(matches[i + 1], strlen(matches[i + 1]), "surrogateescape");
        if (!s || list_append(l, s) < 0) l = VNULL;
    }
    Value r = VNULL;
    if (l) {
        Value a[3] = {str_decode_utf8(matches[0], strlen(matches[0]), "surrogateescape"), l,
                      int_from_i64(max_length)};
        if (a[0]) r = obj_call(display_hook, a, 3, VNULL);
    }
    if (!r) report_callback_error();
}

/* Match number `state` for `text`: the completer's answer, or NULL. */
static char *on_completion(const char *text, int state) {
    if (!completer) return NULL;
    Value t = str_decode_utf8(text, strlen(text), "surrogateescape");
    Value r = t ? obj_call2(completer, t, int_from_i64(state)) : VNULL;
    if (!r) {
        report_callback_error();
        return NULL;
    }
    if (r == VNone || !str_check(r)) return NULL;
    return strdup(str_data(r));
}

static char **flex_complete(const char *text, int start, int end) {
    rl_completion_append_character = '\0';
    rl_completion_suppress_append = 0;
    /* Indexes in characters, as CPython reports them. */
    Value line = str_decode_utf8(rl_line_buffer, (size_t)start, "surrogateescape");
    begidx = line ? int_from_i64((int64_t)str_len(line)) : val_from_int(start);
    line = str_decode_utf8(rl_line_buffer, (size_t)end, "surrogateescape");
    endidx = line ? int_from_i64((int64_t)str_len(line)) : val_from_int(end);
    if (!line) err_clear();
    return rl_completion_matches(text, on_completion);
}

/* ---- Reading a line for the prompt ---- */

static char *completed_line;
static bool line_done;

static void on_line(char *text) {
    completed_line = text;
    line_done = true;
    rl_callback_handler_remove();
}

static char *readline_hook(const char *prompt, bool *eof) {
    rl_instream = stdin;
    rl_outstream = stdout;
    rl_catch_signals = 0;
    line_done = false;
    completed_line = NULL;
    rl_callback_handler_install(prompt, on_line);
    int fd = fileno(rl_instream);
    while (!line_done) {
        fd_set set;
        FD_ZERO(&set);
        FD_SET(fd, &set);
        /* A signal that came while readline was handling a key did not
         * interrupt select: look for it before waiting, and wake up now and
         * then for one that slips in between the look and the wait. */
        struct timeval tick = {0, 100000};
        int r = signal_pending() ? -1 : select(fd + 1, &set, NULL, NULL, &tick);
        if (r < 0 && signal_pending()) errno = EINTR;
        if (r > 0) {
            rl_callback_read_char();
        } else if (r == 0) {
            continue;
        } else if (r < 0 && errno == EINTR) {
            if (signal_pending() && signal_run_handlers() < 0) {
                /* Ctrl-C: the line is dropped, the terminal restored. */
                rl_free_line_state();
                rl_callback_sigcleanup();
                rl_cleanup_after_signal();
                rl_callback_handler_remove();
                return NULL;
            }
        } else if (r < 0) {
            break;
        }
    }
    if (!completed_line) {
        *eof = true;
        return NULL;
    }
    size_t n = strlen(completed_line);
    if (auto_history && n > 0) {
        HIST_ENTRY *last = history_length > 0 ? history_get(history_base + history_length - 1) : NULL;
        if (!last || strcmp(last->line, completed_line) != 0) add_history(completed_line);
    }
    return completed_line;
}

/* ---- The module ---- */

Value readline_module_init(void) {
    gc_add_root(&completer);
    gc_add_root(&startup_hook);
    gc_add_root(&pre_input_hook);
    gc_add_root(&display_hook);
    gc_add_root(&begidx);
    gc_add_root(&endidx);
    Value m = module_new_cstr("readline");
    if (!m || module_add_functions(m, readline_functions) < 0) return VNULL;
    module_add(m, "__doc__", str_from_cstr("Importing this module enables command line editing using GNU readline."));
    module_add(m, "_READLINE_VERSION", int_from_i64(RL_READLINE_VERSION));
    module_add(m, "_READLINE_RUNTIME_VERSION", int_from_i64(rl_readline_version));
    module_add(m, "_READLINE_LIBRARY_VERSION", str_from_cstr(rl_library_version));
    /* CPython's set-up: Tab inserts a tab until site binds it to completion. */
    using_history();
    rl_readline_name = "python";
    rl_bind_key('\t', rl_insert);
    rl_bind_key_in_map('\t', rl_complete, emacs_meta_keymap);
    rl_bind_key_in_map('\033', rl_complete, emacs_meta_keymap);
    rl_startup_hook = on_startup_hook;
    rl_pre_input_hook = on_pre_input_hook;
    rl_attempted_completion_function = flex_complete;
    completer_word_break_characters = strdup(" \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?");
    rl_completer_word_break_characters = completer_word_break_characters;
    rl_completion_append_character = '\0';
    if (!isatty(STDOUT_FILENO)) rl_variable_bind("enable-meta-key", "off");
    /* CPython's prompt shows no bracketed-paste switching (readline 8.1
     * turns it on by default); an inputrc may still ask for it. */
    rl_variable_bind("enable-bracketed-paste", "off");
    rl_initialize();
    repl_readline_hook = readline_hook;
    return m;
}
