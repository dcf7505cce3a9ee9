# Thin wrapper over CMake. `make run` and `make test` are all a new user needs; `make check` is
# what CI runs (the suite, then again under ASan and UBSan).
BUILD     ?= build
ASAN_BUILD ?= build-asan
JOBS      ?= $(shell nproc)
CMAKE_FLAGS ?=
# What the build and `make test` need; `make fuzz` adds clang and its libFuzzer runtime. The
# Terraform format check uses the machine's own terraform binary (no Go toolchain to install).
DEB_PACKAGES := cmake g++ make pkg-config nlohmann-json3-dev libyaml-cpp-dev libcli11-dev libfmt-dev \
                libgtest-dev libgmock-dev libbenchmark-dev libcurl4-openssl-dev libssl-dev python3 \
                awscli ccache libicu-dev
FUZZ_PACKAGES := clang libclang-rt-14-dev

.PHONY: all build deps fuzz-deps run test check test-asan npm fuzz bench clean
all: build

# Installs the Debian packages that are missing (only as root; otherwise says what to install).
# On a fresh VM, unattended-upgrades often holds the dpkg lock for minutes: .ci/apt-install waits
# for it (up to 10 minutes) instead of failing at once.
define install_missing
	@missing=$$(for p in $(1); do dpkg -s $$p >/dev/null 2>&1 || echo $$p; done; \
	  command -v npm >/dev/null || echo nodejs npm); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "installing:" $$missing; \
	    .ci/apt-install $$missing; \
	  else \
	    echo "missing Debian packages (run as root, or: sudo apt-get install $$missing)"; exit 1; \
	  fi; \
	fi
endef

deps:
	$(call install_missing,$(DEB_PACKAGES))

fuzz-deps: deps
	$(call install_missing,$(FUZZ_PACKAGES))

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) $(CMAKE_FLAGS)

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

run: build
	@rm -rf out
	./$(BUILD)/ddbsynth synth examples/config.json --target cloudformation --out out

# The real tools the conformance tests compare against, pinned by tests/package-lock.json.
npm: tests/node_modules/.package-lock.json
tests/node_modules/.package-lock.json: tests/package.json tests/package-lock.json
	cd tests && npm ci --no-audit --no-fund

# The whole suite once. CI (.ci/run) also runs test-asan; `make check` runs both.
test: build npm
	cd $(BUILD) && ctest --output-on-failure -j $(JOBS)

check: test test-asan

# The whole suite again, built with AddressSanitizer and UndefinedBehaviorSanitizer.
test-asan: deps npm
	cmake -S . -B $(ASAN_BUILD) -DDDBSYNTH_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug $(CMAKE_FLAGS)
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	cd $(ASAN_BUILD) && ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  ctest --output-on-failure -j $(JOBS)

# Where the time goes per table (Google Benchmark), then whole runs of 1 to 10,000 tables through
# each target against real aws-cdk-lib synthesizing one table. Measures; asserts nothing.
bench: build npm
	./$(BUILD)/bench/ddbsynth_bench --benchmark_min_time=0.2
	python3 bench/run.py

# Fuzzes config reading, validation and every backend for FUZZ_SECONDS (clang + libFuzzer).
FUZZ_SECONDS ?= 60
fuzz: fuzz-deps
	fuzz/run.sh $(FUZZ_SECONDS)

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) build-fuzz out
