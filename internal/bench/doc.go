// Package bench compares the generated decoders, validators and encoders
// with what a user would pick instead, on one corpus in one run: see
// BENCHMARKS.md at the module root, and `make bench`.
//
// The corpus is bench/corpus.ndjson when it exists (make bench writes
// 100,000 events there), else 20,000 events generated in memory
// (internal/corpus, seed 1). Each benchmark iteration handles one event,
// cycling through the corpus, so ns/op is ns/event and allocs/op is
// allocations per event; MB/s counts the event bytes.
package bench
