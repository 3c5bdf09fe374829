/* flags.c - sys.flags: CPython's struct sequence of the command-line flags, made from the CliConfig. */
#include "cli.h"
#include "../objects/int.h"
#include "../modules/structseq.h"

/* CPython 3.11's fields, in its order. */
static const char *const flag_fields[] = {
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site", "no_site",
    "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization", "isolated", "dev_mode",
    "utf8_mode", "warn_default_encoding", "safe_path", "int_max_str_digits", NULL};

static Type *flags_type;

Value cli_make_flags(const CliConfig *c) {
    if (!flags_type) {
        flags_type = structseq_new_type("sys.flags", flag_fields, ARRAY_LEN(flag_fields) - 1);
        structseq_set_doc(flags_type, "sys.flags\n\nFlags provided through command line arguments or environment vars.");
        flags_type->new = NULL;   /* type(sys.flags)() cannot create instances, as in CPython */
    }
    extern bool io_utf8_mode(void);
    Value items[] = {
        val_from_int(c->debug), val_from_int(c->inspect), val_from_int(c->interactive),
        val_from_int(c->optimize), val_from_int(c->dont_write_bytecode), val_from_int(c->no_user_site),
        val_from_int(c->no_site), val_from_int(c->ignore_environment), val_from_int(c->verbose),
        val_from_int(c->bytes_warning), val_from_int(c->quiet),
        val_from_int(c->hash_seed_set && c->hash_seed == 0 ? 0 : 1), val_from_int(c->isolated),
        c->dev_mode ? VTrue : VFalse, val_from_int(io_utf8_mode()), val_from_int(c->warn_default_encoding),
        c->safe_path ? VTrue : VFalse, val_from_int(c->int_max_str_digits),
    };
    _Static_assert(ARRAY_LEN(items) == ARRAY_LEN(flag_fields) - 1, "one value per field");
    return structseq_from_array(flags_type, items);
}
