# The front door. `make run` and `make test` are the README's two commands; both set up what is
# missing first (scripts/setup.sh), build once in build/, and reuse it.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?=

.PHONY: setup setup-test build run test bench fuzz sanitize format clean

setup:
	@scripts/setup.sh build

setup-test:
	@scripts/setup.sh test

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=Release $(CMAKE_FLAGS) >/dev/null

build: setup $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

run: build
	$(BUILD)/mend scan examples/notes

test: setup-test $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

format:
	git ls-files '*.cpp' '*.h' | xargs clang-format -i

clean:
	rm -rf $(BUILD)

# The VS Code extension as an installable .vsix (@vscode/vsce): $(BUILD)/mend.vsix.
.PHONY: package
package:
	@editor-clients/vscode/build.sh package $(BUILD)/mend.vsix
