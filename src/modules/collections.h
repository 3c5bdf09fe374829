/* collections.h - what the _collections files share. */
#ifndef TAIPAN_COLLECTIONS_H
#define TAIPAN_COLLECTIONS_H

#include "../objects/object.h"

extern Type type_deque, type_deque_iter, type_deque_reviter;

bool deque_check(Value v);                       /* isinstance(v, deque) */
Value deque_new_empty(Type *t, ssize_t maxlen);  /* maxlen -1: unbounded */
Value deque_extend(Value deque, Value iterable); /* None or VNULL */

extern Type type_odict;                          /* collections.OrderedDict (collections_odict.c) */
void odict_ready_types(void);                    /* it, its views and its iterator */

#endif
