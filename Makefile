# Makefile - builds build/taipan (release), build/taipan-debug, build/taipan-asan, and runs the tests.
#
#   make            optimized build/taipan
#   make debug      -O0 -g build, assertions on
#   make asan       AddressSanitizer + UndefinedBehaviorSanitizer build
#   make test       release build, unit tests, tests/lang and tests/bad (installs deps first)
#   make test-asan  the same tests under the sanitizer build
#   make test-gcstress  the same tests collecting every allocation
#   make deps       install missing Debian packages (apt-get)
#   make exp        regenerate tests/lang/*.exp with /usr/bin/python3
#   make install    PREFIX (/usr/local) and DESTDIR as usual; make uninstall

CC ?= gcc
ifeq ($(origin CC),default)
CC := gcc
endif
STDLIB_DIR ?= /usr/lib/python3.11
WARN := -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers -Wno-sign-compare
BASEFLAGS := -std=gnu11 -D_GNU_SOURCE -fno-strict-aliasing -pthread $(WARN) \
	-DTAIPAN_STDLIB_DIR='"$(STDLIB_DIR)"' -DTAIPAN_LIB_DIR='"$(CURDIR)/lib"' -MMD -MP
LIBS := -lgmp -lz -lbz2 -llzma -lcrypto -lsqlite3 -lexpat -lreadline -lm -ldl -pthread

.DEFAULT_GOAL := all

# BUILD=dir puts everything under another directory (parallel work trees).
BUILD ?= build
# The default tree builds the sources git tracks, so untracked work in
# progress elsewhere in the tree cannot break it; other BUILD trees (and
# checkouts without git) build every source file present.
ALL_SRCS := $(sort $(wildcard src/*/*.c)) src/main.c
ifeq ($(BUILD),build)
TRACKED := $(shell git ls-files 'src/*.c' 2>/dev/null)
endif
ifneq ($(strip $(TRACKED)),)
SRCS := $(filter $(TRACKED),$(ALL_SRCS))
else
SRCS := $(ALL_SRCS)
endif

REL_CFLAGS := $(BASEFLAGS) -I$(BUILD)/gen -O2 -g -DNDEBUG
DBG_CFLAGS := $(BASEFLAGS) -I$(BUILD)/gen -O0 -g3
ASAN_CFLAGS := $(BASEFLAGS) -I$(BUILD)/gen -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
	-fno-sanitize-recover=undefined

REL_OBJS := $(SRCS:%.c=$(BUILD)/rel/%.o)
DBG_OBJS := $(SRCS:%.c=$(BUILD)/dbg/%.o)
ASAN_OBJS := $(SRCS:%.c=$(BUILD)/asan/%.o)

# The bytecode fingerprint (docs/import.md): a hash of the sources that define
# what compiled code means, written into every cached .pyc so that code cached
# by another build is recompiled instead of run.
BYTECODE_SRCS := $(sort $(wildcard src/compiler/*.c src/compiler/*.h src/compiler/*.def)) \
	src/vm/opcodes.def src/vm/code.h src/vm/interp.c src/modules/marshal_code.c
$(BUILD)/gen/bytecode_id.h: $(BYTECODE_SRCS)
	@mkdir -p $(dir $@)
	@echo "#define TAIPAN_BYTECODE_ID 0x$$(cat $^ | sha1sum | cut -c1-16)ull" > $@.tmp && mv $@.tmp $@
$(BUILD)/rel/src/modules/marshal_code.o $(BUILD)/dbg/src/modules/marshal_code.o \
	$(BUILD)/asan/src/modules/marshal_code.o: $(BUILD)/gen/bytecode_id.h

.PHONY: install uninstall all debug asan test test-asan test-gcstress regrtest unit deps check-deps exp clean bench memsize check-compile
.SECONDARY:

all: check-deps $(BUILD)/taipan

check-deps:
	@tools/install-deps.sh --check

deps:
	@tools/install-deps.sh

$(BUILD)/taipan: $(REL_OBJS)
	$(CC) $(REL_CFLAGS) -o $@ $^ $(LIBS)
$(BUILD)/taipan-debug: $(DBG_OBJS)
	$(CC) $(DBG_CFLAGS) -o $@ $^ $(LIBS)
$(BUILD)/taipan-asan: $(ASAN_OBJS)
	$(CC) $(ASAN_CFLAGS) -o $@ $^ $(LIBS)

debug: check-deps $(BUILD)/taipan-debug
asan: check-deps $(BUILD)/taipan-asan

$(BUILD)/rel/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(REL_CFLAGS) -c -o $@ $<
$(BUILD)/dbg/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(DBG_CFLAGS) -c -o $@ $<
$(BUILD)/asan/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(ASAN_CFLAGS) -c -o $@ $<

# C unit tests: each tests/unit/test_*.c links with the runtime minus main.c.
UNIT_SRCS := $(wildcard tests/unit/test_*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/unit/%)
LIB_REL_OBJS := $(filter-out $(BUILD)/rel/src/main.o,$(REL_OBJS))
LIB_ASAN_OBJS := $(filter-out $(BUILD)/asan/src/main.o,$(ASAN_OBJS))
$(BUILD)/unit/%: tests/unit/%.c $(LIB_REL_OBJS)
	@mkdir -p $(BUILD)/unit
	$(CC) $(REL_CFLAGS) -o $@ $< $(LIB_REL_OBJS) $(LIBS)
$(BUILD)/unit-asan/%: tests/unit/%.c $(LIB_ASAN_OBJS)
	@mkdir -p $(BUILD)/unit-asan
	$(CC) $(ASAN_CFLAGS) -o $@ $< $(LIB_ASAN_OBJS) $(LIBS)

unit: $(UNIT_BINS)
	@tools/run-unit.sh $(UNIT_BINS)

# tools/test.sh builds what it needs and prints "N passed, N failed" last.
test: deps
	@tools/test.sh

test-asan: deps
	@tools/test.sh --asan

test-gcstress: deps
	@tools/test.sh --gcstress

# CPython's regression suite, every module (docs/compatibility.md); then tools/regrtest.sh --report.
regrtest: build/taipan
	@tools/regrtest.sh

exp:
	tools/gen-exp.sh

# --- bench (benchmark suite; docs/performance.md) ---
# make bench BENCH_ARGS="--quick" | "nbody richards=10" | "-r 5 --taipan-flags='-X jit=off'"
bench: $(BUILD)/taipan
	/usr/bin/python3 tools/bench.py --taipan $(BUILD)/taipan $(BENCH_ARGS)
# make memsize MEMSIZE_ARGS="inst dict" | "-n 200000 --no-pypy"
memsize: $(BUILD)/taipan
	/usr/bin/python3 tools/memsize.py --taipan $(BUILD)/taipan $(MEMSIZE_ARGS)
# --- end bench ---

# compile() and ast.parse over /usr/lib/python3.11, Taipan vs CPython (docs/parser.md).
check-compile: $(BUILD)/taipan
	tools/check_compile.sh

# make install PREFIX=/opt/taipan DESTDIR=/tmp/stage: PREFIX/bin/taipan,
# the taipan3.11 alias, Taipan's own lib/ in PREFIX/lib/taipan (found from
# the binary's real location, so it runs from any directory; docs/cli.md).
PREFIX ?= /usr/local
INSTALL_BIN = $(DESTDIR)$(PREFIX)/bin
INSTALL_LIB = $(DESTDIR)$(PREFIX)/lib/taipan
install: all
	install -d $(INSTALL_BIN) $(INSTALL_LIB)
	install -m 755 $(BUILD)/taipan $(INSTALL_BIN)/taipan
	ln -sf taipan $(INSTALL_BIN)/taipan3.11
	if [ -d lib ]; then cp -R lib/. $(INSTALL_LIB)/; fi

uninstall:
	rm -f $(INSTALL_BIN)/taipan $(INSTALL_BIN)/taipan3.11
	rm -rf $(INSTALL_LIB)

clean:
	rm -rf build

-include $(REL_OBJS:.o=.d) $(DBG_OBJS:.o=.d) $(ASAN_OBJS:.o=.d)
