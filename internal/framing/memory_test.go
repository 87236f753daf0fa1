package framing_test

import (
	"bytes"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/pinpoint-events/pinpoint-events/internal/corpus"
	"github.com/pinpoint-events/pinpoint-events/internal/framing"
)

// synthNDJSON produces size bytes of NDJSON on the fly, without holding
// them: cycles of 64 blocks of 64 events, then one oversized record of
// 1.5 MiB, so that both the plain path and the skipping of oversized records
// are exercised.
func synthNDJSON(size int64) io.Reader {
	block, fill := ndjson(64), bytes.Repeat([]byte("x"), 64<<10)
	var pieces [][]byte
	for range synthBlocks {
		pieces = append(pieces, block)
	}
	pieces = append(pieces, []byte(`{"big":"`))
	for range synthFills {
		pieces = append(pieces, fill)
	}
	pieces = append(pieces, []byte("\"}\n"))
	return corpus.Repeat(size, pieces...)
}

const (
	synthBlocks = 64 // blocks of events per cycle
	synthFills  = 24 // 64 KiB fills in the oversized record
)

// TestMemory streams 2 GB of NDJSON and checks that the heap stays small.
func TestMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 2 GB")
	}
	const size = 2 << 30
	const heapLimit = 16 << 20
	runtime.GC()
	var ms runtime.MemStats
	maxHeap := uint64(0)
	sample := func() {
		runtime.ReadMemStats(&ms)
		maxHeap = max(maxHeap, ms.HeapInuse)
		if ms.HeapInuse > heapLimit {
			t.Fatalf("HeapInuse = %d MiB", ms.HeapInuse>>20)
		}
	}
	sample()

	start := time.Now()
	r, err := framing.NewReader(synthNDJSON(size), framing.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var good, oversized int
	for r.Next() {
		rec := r.Record()
		switch {
		case rec.Err == nil:
			good++
		case strings.HasSuffix(rec.Err.Error(), "record exceeds 1048576 bytes"):
			oversized++
			if len(rec.Data) != framing.DefaultMaxRecordBytes {
				t.Fatalf("oversized record with %d bytes", len(rec.Data))
			}
			sample()
		case r.Offset() < size:
			t.Fatalf("%v", rec.Err) // only the last record may be cut
		}
		if rec.Number%(1<<16) == 0 {
			sample()
		}
	}
	sample()
	if r.Err() != nil || r.Offset() != size {
		t.Fatalf("Err() = %v at offset %d", r.Err(), r.Offset())
	}
	cycleBytes := int64(synthBlocks*len(ndjson(64)) + synthFills<<16 + len(`{"big":"`) + 3)
	if cycles := int(size / cycleBytes); oversized < cycles || good < cycles*synthBlocks*64 {
		t.Errorf("%d good and %d oversized records, want at least %d and %d", good, oversized, cycles*synthBlocks*64, cycles)
	}
	t.Logf("%d good and %d oversized records in %v; max HeapInuse %.1f MiB", good, oversized, time.Since(start), float64(maxHeap)/(1<<20))
}
