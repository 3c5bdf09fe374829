/* type_slots.h - the table linking type slots to dunder names (wrappers and trampolines). */
#ifndef TAIPAN_TYPE_SLOTS_H
#define TAIPAN_TYPE_SLOTS_H

#include "object.h"

typedef struct SlotDef SlotDef;

/* How a slot wrapper calls its slot, and how a trampoline calls its dunder. */
typedef enum SlotKind {
    SK_UNARY, SK_BINARY_L, SK_BINARY_R, SK_POW_L, SK_POW_R, SK_BOOL, SK_LEN, SK_HASH,
    SK_RICHCMP, SK_INIT, SK_CALL, SK_GETATTRO, SK_SETATTR, SK_DELATTR, SK_DESCR_GET,
    SK_DESCR_SET, SK_DESCR_DELETE, SK_GETITEM, SK_SETITEM, SK_DELITEM, SK_CONTAINS,
    SK_NEXT, SK_REPEAT, SK_REPEAT_R, SK_NEW
} SlotKind;

struct SlotDef {
    const char *name;     /* the dunder */
    size_t offset;        /* of the slot in Type */
    SlotKind kind;
    int arg;              /* CMP_* for SK_RICHCMP */
    void *trampoline;     /* what a Python-level definition installs */
    const char *doc;
};

extern const SlotDef slotdefs[];
extern const size_t nslotdefs;

void type_add_slot_wrappers(Type *t);
void type_fixup_slots(Type *t);
void type_update_slot(Type *t, Value name);
Value slot_wrapper_call_bound(const SlotDef *s, Type *owner, Value self, Value *args, size_t nargs,
                                Value kwnames);
Value call_dunder(Value self, Value descr, Value *args, size_t nargs);
Value call_method_lookup(Value self, const char *name, Value *args, size_t nargs, bool *found);

#endif
