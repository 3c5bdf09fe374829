/* import.h - the import system's internal interface: import.c, import_find.c, import_cache.c and the _imp module. */
#ifndef TAIPAN_IMPORT_H
#define TAIPAN_IMPORT_H

#include "frame.h"

/* The IMPORT_NAME opcode: builtins.__import__ if a program replaced it, else import_module_level. */
Value import_name(Value name, Value globals, Value fromlist, int level);
/* The import itself (builtins.__import__ without the override check). */
Value import_module_level(Value name, Value globals, Value fromlist, int level);
Value import_from(Value module, Value name);
int import_star(Value module, Frame *f);
/* import the absolute module name: sys.modules[name] afterwards. */
Value import_module(Value name);

/* ---- Module locks (import_lock.c) ----
 * Held around finding and loading a module: 1 taken (re-entrant), 0 not
 * taken because waiting would deadlock, -1 error. */
int import_lock_module(Value name);
void import_unlock_module(Value name);
void import_locks_after_fork(void);

/* ---- Builtin (C) modules, modules.def ---- */
/* -1 for sys and builtins (created at start-up), 1 for another builtin module, 0 if none. */
int import_builtin_kind(Value name);
/* The module of a builtin: its init function runs once per process. VNone if there is none. */
Value import_builtin_create(Value name);

/* ---- importlib._bootstrap objects (import.c), VNULL until installed ---- */
typedef struct ImportMachinery {
    Value bootstrap, external;          /* _frozen_importlib, _frozen_importlib_external */
    Value ModuleSpec, BuiltinImporter, FrozenImporter, PathFinder, SourceFileLoader;
    Value zipimporter, file_hook;       /* sys.path_hooks as installed */
    Value find_and_load;                /* _bootstrap._find_and_load */
} ImportMachinery;
extern ImportMachinery imp_mach;

/* ---- The C finder and loader (import_find.c) ---- */
/* Find and load fullname (whose parent, if any, is imported) the way the
 * default sys.meta_path does, or hand it to importlib when the program
 * changed the import hooks.  Returns the module (the entry now in sys.modules). */
Value import_find_and_load(Value fullname);
extern int import_time_enabled;   /* -X importtime */
/* Set a module's import attributes (CPython's _init_module_attrs, override=False semantics for new modules). */
int import_init_module_attrs(Value module, Value spec, Value loader, Value package, Value path, Value file,
                             Value cached);
/* Make a ModuleSpec for a builtin module (VNone before importlib is installed). */
Value import_builtin_spec(Value name);
/* Load the source file `path` as module `name` without a finder (the bootstrap modules). */
Value import_load_source_plain(Value name, Value path);

/* ---- The bytecode cache (import_cache.c) ---- */
/* The code of a source file, from the cache when it is valid, else compiled and
 * (unless sys.dont_write_bytecode) written to the cache.  cache_path: where
 * importlib says the cache is (cache_from_source), or VNULL; code_name: the
 * code's co_filename (VNULL: path). */
Value import_source_code(Value path, Value cache_path, Value code_name);
/* cache_from_source(path) as importlib computes it (sys.pycache_prefix, -O), or VNULL without an exception. */
Value import_cache_path(Value path);
/* The magic number of Taipan's .pyc files (4 bytes, \r\n at the end). */
extern const unsigned char import_magic[4];

#endif
