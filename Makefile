# centinela — developer entry points. See docs/development.md.
#
#   make / make build   configure (Ninja, RelWithDebInfo) and build into build/
#   make demo           build, then scan examples/picturesocial (scripts/demo.sh)
#   make test           build, then run the test suite with ctest
#   make asan           clang ASan+UBSan build into build-asan/ and run the test suite there
#   make fuzz           clang libFuzzer build into build-fuzz/; run every fuzz target FUZZ_SECONDS each
#   make bench          Release build into build-bench/; benchmarks and whole-CLI timings (scripts/bench.sh)
#   make format         clang-format -i over src tests bench fuzz
#   make format-check   fail if any file is not clang-formatted
#   make tidy           clang-tidy over src/ using build/compile_commands.json
#   make clean          remove every build directory
#
# Every target (but clean) first installs whatever Debian package is missing (scripts/install-deps).

SHELL := /bin/bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := build
.DELETE_ON_ERROR:

JOBS ?= $(shell nproc)
# ctest parallelism (the tests themselves may use several threads).
TEST_JOBS ?= 2
BUILD_TYPE ?= RelWithDebInfo
CMAKE_FLAGS ?=
CXX_COMPILER ?= g++
CLANG_CXX ?= clang++-14
CLANG_TIDY ?= run-clang-tidy-14
CLANG_FORMAT ?= clang-format-14
FUZZ_SECONDS ?= 60

# Sanitizer runtime options for `make asan`: stop at the first error, with a stack trace, and fail the test.
ASAN_ENV := ASAN_OPTIONS=halt_on_error=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1 \
            UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1:report_error_type=1

FORMAT_DIRS := src tests bench fuzz

.PHONY: all build deps deps-bench deps-lint demo test asan fuzz bench format format-check tidy clean

all: build

deps:
	scripts/install-deps

deps-bench:
	scripts/install-deps --bench

deps-lint:
	scripts/install-deps --lint

build: deps
	scripts/cmake-configure build $(CXX_COMPILER) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)
	cmake --build build -j$(JOBS)

demo: build
	scripts/demo.sh

test: build
	ctest --test-dir build --output-on-failure -j$(TEST_JOBS)

asan: deps
	scripts/cmake-configure build-asan $(CLANG_CXX) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCENTINELA_SANITIZE=ON -DCENTINELA_FUZZ=OFF -DCENTINELA_TESTS=ON -DCENTINELA_BENCH=OFF $(CMAKE_FLAGS)
	cmake --build build-asan -j$(JOBS)
	$(ASAN_ENV) ctest --test-dir build-asan --output-on-failure -j$(TEST_JOBS)

fuzz: deps
	scripts/cmake-configure build-fuzz $(CLANG_CXX) -DCMAKE_BUILD_TYPE=RelWithDebInfo \
	  -DCENTINELA_FUZZ=ON -DCENTINELA_SANITIZE=OFF -DCENTINELA_TESTS=OFF -DCENTINELA_BENCH=OFF $(CMAKE_FLAGS)
	cmake --build build-fuzz -j$(JOBS) --target fuzz/all
	scripts/fuzz.sh build-fuzz $(FUZZ_SECONDS)

bench: deps-bench
	scripts/cmake-configure build-bench $(CXX_COMPILER) -DCMAKE_BUILD_TYPE=Release \
	  -DCENTINELA_SANITIZE=OFF -DCENTINELA_FUZZ=OFF -DCENTINELA_TESTS=OFF -DCENTINELA_BENCH=ON $(CMAKE_FLAGS)
	cmake --build build-bench -j$(JOBS) --target centinela bench_parse bench_scan bench_pss bench_phases
	scripts/bench.sh build-bench

format: deps-lint
	find $(FORMAT_DIRS) \( -name '*.cc' -o -name '*.h' \) -print0 | xargs -0 -r $(CLANG_FORMAT) -i

format-check: deps-lint
	find $(FORMAT_DIRS) \( -name '*.cc' -o -name '*.h' \) -print0 | \
	  xargs -0 -r $(CLANG_FORMAT) --dry-run -Werror

# The compile database comes from g++; -Wno-unknown-warning-option keeps clang from rejecting GCC-only flags.
tidy: deps-lint
	scripts/cmake-configure build $(CXX_COMPILER) -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) $(CMAKE_FLAGS)
	$(CLANG_TIDY) -p build -j $(JOBS) -quiet -extra-arg=-Wno-unknown-warning-option '$(CURDIR)/src/.*\.cc$$'

clean:
	rm -rf build build-asan build-fuzz build-bench
