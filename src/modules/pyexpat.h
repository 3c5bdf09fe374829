/* pyexpat.h - the xmlparser object of the pyexpat module, shared by pyexpat.c and pyexpat_handlers.c. */
#ifndef TAIPAN_PYEXPAT_H
#define TAIPAN_PYEXPAT_H

#include "clib.h"
#include <expat.h>

/* Every handler an xmlparser offers: X(Name), in CPython's order. */
#define XML_HANDLERS(X)                                                                                      \
    X(StartElementHandler) X(EndElementHandler) X(ProcessingInstructionHandler) X(CharacterDataHandler)      \
    X(UnparsedEntityDeclHandler) X(NotationDeclHandler) X(StartNamespaceDeclHandler)                         \
    X(EndNamespaceDeclHandler) X(CommentHandler) X(StartCdataSectionHandler) X(EndCdataSectionHandler)       \
    X(DefaultHandler) X(DefaultHandlerExpand) X(NotStandaloneHandler) X(ExternalEntityRefHandler)            \
    X(StartDoctypeDeclHandler) X(EndDoctypeDeclHandler) X(EntityDeclHandler) X(XmlDeclHandler)               \
    X(ElementDeclHandler) X(AttlistDeclHandler) X(SkippedEntityHandler)

#define XML_HANDLER_ENUM(name) H_##name,
enum { XML_HANDLERS(XML_HANDLER_ENUM) H_COUNT };

/*
 * expat's parser is malloc memory owned by the object and freed by its
 * finalizer.  A parser made by ExternalEntityParserCreate must be freed
 * before the parser it came from, but the collector may finalize both in
 * one sweep in any order; so each family of parsers shares a malloc'd
 * count and the root's expat parser is freed by whichever member goes last.
 */
typedef struct XmlFamily {
    int live;               /* parser objects of the family not yet finalized */
    XML_Parser root;        /* the root's expat parser, freed when live reaches 0 */
} XmlFamily;

typedef struct XmlParser {
    Object hdr;
    XML_Parser itself;
    XmlFamily *family;
    Value handlers[H_COUNT];   /* callables or VNULL */
    Value intern;              /* dict of interned names, or VNULL for intern=None */
    Value parent;              /* the parser an external-entity parser came from */
    char *buffer;              /* buffered character data (buffer_text), malloc'd */
    int buffer_size, buffer_used;
    bool ordered_attributes;
    bool specified_attributes;
    bool ns_prefixes;
    bool in_callback;
} XmlParser;

/* Install (or remove) expat's callback for handler h. */
void xml_set_c_handler(XmlParser *p, int h, bool on);
/* A no-op character-data callback (replacing the real one while it runs). */
void xml_set_noop_chardata(XmlParser *p);
/* Deliver buffered character data to CharacterDataHandler: 0 or -1. */
int xml_flush_buffer(XmlParser *p);
/* After a handler raised: drop every handler, as CPython does. */
void xml_flag_error(XmlParser *p);
/* Names go through the parser's intern dict; None for NULL. */
Value xml_intern(XmlParser *p, const XML_Char *s);
/* The names handler h is called under (handler_names[h]). */
extern const char *const xml_handler_names[H_COUNT];

#endif
