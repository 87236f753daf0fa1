package main

import (
	"os"
	"path/filepath"
	"testing"
)

func TestWriteCreatesTheFolder(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bench", "corpus.ndjson")
	if err := write(path, []byte("{}\n")); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(path)
	if err != nil || string(got) != "{}\n" {
		t.Fatalf("read back %q, %v", got, err)
	}
}
