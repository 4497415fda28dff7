# The front door. `make run` and `make test` are the README's two commands; both set up what is
# missing first (scripts/setup.sh), build once in build/, and reuse it.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: setup setup-deb setup-test build run test bench fuzz sanitize format clean deb install

setup:
	@scripts/setup.sh build

setup-deb:
	@scripts/setup.sh deb

setup-test:
	@scripts/setup.sh test

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null

build: setup $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

# Only the binary it runs: the tests, benchmarks and fuzzers are built by `make test`.
run: setup $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) --target mend
	$(BUILD)/mend scan examples/notes

# Recognition on the hand-labelled corpus (tests/corpus/README.md): question recall, precision,
# answered accuracy and suggestion precision/recall/F1 for dev, holdout and both, every miss
# listed with its line. The ctest `corpus_recognition` fails below the goals.
.PHONY: eval
eval: build
	python3 tests/corpus/eval.py $(BUILD)/mend --verbose

test: setup-test $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

# The Debian package (cmake/package.cmake): $(BUILD)/mend_<version>_<arch>.deb, built from mend,
# its man page, completion and editor plugins only (not the tests); Depends from dpkg-shlibdeps.
deb: setup-deb $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) --target deb

# cmake --install without a package: PREFIX=/usr/local by default (make install PREFIX=$$HOME/.local).
PREFIX ?= /usr/local
install: setup $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS) --target mend mend_docs
	cmake --install $(BUILD) --prefix $(PREFIX)

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD)

# The VS Code extension as an installable .vsix (@vscode/vsce): $(BUILD)/mend.vsix.
.PHONY: package
package:
	@editor-clients/vscode/build.sh package $(BUILD)/mend.vsix

# Benchmarks (tests/bench/README.md): mend beside vscode-markdown-languageserver (installed from
# npm into build/bench/peer) and tree-sitter's floor, on generated vaults. Minutes, not seconds;
# never part of `make test`. BENCH_FLAGS="--runs 5 --sizes 1k" etc.
BENCH_FLAGS ?=
bench: setup $(BUILD)/CMakeCache.txt
	cmake -S . -B $(BUILD) -DMEND_BENCH=ON >/dev/null
	cmake --build $(BUILD) -j $(JOBS) --target mend mend_bench_floor mend_bench_keystroke
	python3 tests/bench/run_bench.py --build $(BUILD) $(BENCH_FLAGS)

# Reliability (issue 7). One clang build in build-asan/ serves both targets: ASan + UBSan (+ LSan)
# everywhere, libFuzzer coverage for the harnesses of tests/fuzz/. -O1 with line tables only:
# symbolised reports at a fraction of -O2 -g's build time (CI's budget).
ASAN_BUILD ?= build-asan
FUZZ_SECONDS ?= 300

$(ASAN_BUILD)/CMakeCache.txt:
	CC=clang CXX=clang++ cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Sanitize -DMEND_FUZZ=ON \
	  "-DCMAKE_C_FLAGS_SANITIZE=-O1 -gline-tables-only" "-DCMAKE_CXX_FLAGS_SANITIZE=-O1 -gline-tables-only" \
	  $(CMAKE_FLAGS) >/dev/null

# The whole test suite under the sanitizers; any report from any process fails it.
sanitize: setup-test $(ASAN_BUILD)/CMakeCache.txt
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	JOBS=$(JOBS) tests/reliability/sanitized_ctest.sh $(ASAN_BUILD)

# Each harness for FUZZ_SECONDS (make fuzz FUZZ_SECONDS=3600); findings in build-asan/fuzz-findings/.
fuzz: setup-test $(ASAN_BUILD)/CMakeCache.txt
	cmake --build $(ASAN_BUILD) -j $(JOBS) --target fuzzers
	tests/fuzz/run_fuzz.py $(ASAN_BUILD) $(FUZZ_SECONDS) --jobs $(JOBS)
