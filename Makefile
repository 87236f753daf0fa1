# pinpoint-events: the two commands a new user needs are `make run` and `make test`.
GO ?= go

.PHONY: run test check generate vet conformance race fuzz-short bench

# Validate the sample events bundled in testdata/samples (AWS documentation
# samples, some of them in legacy layouts on purpose) and testdata/synthetic
# (events written for the types the documentation has no sample of). Exit
# status 1 from the CLI only means some sample is not a valid event, which is
# expected here.
run:
	@$(GO) build -o bin/pinpoint-events ./cmd/pinpoint-events
	@bin/pinpoint-events validate -v testdata/samples/*.json testdata/synthetic/*.json; test $$? -le 1

# Regenerate generated/ from schema/.
generate:
	$(GO) generate ./...

# Every schema against the 2020-12 metaschema (loading does that), every
# bundled sample against its schema with the reference validator, and
# generated/ fresh.
check:
	$(GO) run ./cmd/eventgen -check
	$(GO) run ./cmd/eventgen -samples testdata/samples
	$(GO) run ./cmd/eventgen -samples testdata/synthetic

STATICCHECK = honnef.co/go/tools/cmd/staticcheck@v0.8.2

# The benchmarks are a module of their own (internal/bench/go.mod, which
# replaces this module by ../..), so that the libraries they compare against
# (sonic, jx) stay out of this module's requirements and out of every
# consumer's `go list -m all`. `./...` stops at a nested module: vet, test and
# bench name it with -C.
BENCHMOD = internal/bench

# The JSON-Schema-Test-Suite (draft 2020-12) through the generated validators,
# when a copy is at $(JSTS). The tables are committed under docs/.
JSTS ?= ../shared/jsts/draft2020-12
conformance:
	@if [ -d $(JSTS) ]; then \
		$(GO) run ./cmd/eventgen conformance -markdown docs/conformance.md $(JSTS) && \
		{ $(GO) run ./cmd/eventgen conformance -optional -markdown docs/conformance-optional.md $(JSTS) > /dev/null 2>&1; true; }; \
	else echo "conformance: no test suite at $(JSTS); skipped"; fi

vet:
	$(GO) vet ./...
	$(GO) -C $(BENCHMOD) vet ./...
	$(GO) run $(STATICCHECK) ./...
	cd $(BENCHMOD) && $(GO) run $(STATICCHECK) ./...
	@unformatted=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$unformatted" ]; then echo "gofmt would change: $$unformatted"; exit 1; fi

# The packages that share values between goroutines (the parallel stream
# reader, members decoded on first access), under the race detector; -short
# leaves out the gigabyte-sized memory tests.
race:
	$(GO) test -race -short ./stream ./internal/codec ./generated/pinpoint/v3p1

# A short run of every fuzz target (FUZZTIME each) on top of its seed corpus.
FUZZTIME ?= 8s
fuzz-short:
	GO=$(GO) FUZZTIME=$(FUZZTIME) scripts/fuzz-short.sh

test: vet check conformance
	$(GO) test ./...
	$(GO) -C $(BENCHMOD) test ./...
	$(MAKE) --no-print-directory race
	$(MAKE) --no-print-directory fuzz-short

# Benchmarks on a 100,000-event corpus (internal/corpus, seed 1): every
# benchmark -count 6 with -benchmem on one core, then the stream on one core
# and on two, summarized with benchstat. The results go to bench/; BENCHMARKS.md quotes
# them.
BENCHSTAT = golang.org/x/perf/cmd/benchstat@v0.0.0-20260908200009-22c9c6c9d4da
BENCHCOUNT ?= 6
bench:
	$(GO) run ./internal/corpus/cmd/corpusgen -n 100000 -seed 1 -o bench/corpus.ndjson
	$(GO) -C $(BENCHMOD) test . -run '^$$' -bench . -skip Stream -benchmem -count $(BENCHCOUNT) -cpu 1 | tee bench/one-core.txt
	$(GO) -C $(BENCHMOD) test . -run '^$$' -bench Stream -benchmem -count $(BENCHCOUNT) -cpu 1,2 | tee bench/stream.txt
	$(GO) run $(BENCHSTAT) bench/one-core.txt bench/stream.txt | tee bench/benchstat.txt
