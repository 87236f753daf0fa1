// Command corpusgen writes a corpus of Amazon Pinpoint events as NDJSON, for
// benchmarks:
//
//	corpusgen -n 100000 -seed 1 -invalid 0 -o bench/corpus.ndjson
//
// The same flags write the same bytes. -o - writes to standard output;
// otherwise the file's folder is created when missing.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/pinpoint-events/pinpoint-events/internal/corpus"
)

func main() {
	n := flag.Int("n", 100000, "number of events")
	seed := flag.Uint64("seed", 1, "seed: the same seed gives the same bytes")
	invalid := flag.Float64("invalid", 0, "share of events made invalid against their schema, 0 to 1")
	unknown := flag.Float64("unknown", corpus.DefaultUnknownShare, "share of events that carry an unknown member, 0 to 1")
	out := flag.String("o", "-", "output file, - for standard output")
	flag.Parse()
	if flag.NArg() > 0 || *n < 0 || *invalid < 0 || *invalid > 1 || *unknown > 1 {
		flag.Usage()
		os.Exit(2)
	}
	data := corpus.Generate(corpus.Options{N: *n, Seed: *seed, InvalidShare: *invalid, UnknownShare: *unknown})
	if err := write(*out, data); err != nil {
		fmt.Fprintln(os.Stderr, "corpusgen:", err)
		os.Exit(1)
	}
}

// write writes data to the file at path, or to standard output for "-".
func write(path string, data []byte) error {
	if path == "-" {
		_, err := os.Stdout.Write(data)
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}
