package stream_test

import (
	"bytes"
	"os"
	"runtime"
	"strconv"
	"testing"
	"time"

	"github.com/pinpoint-events/pinpoint-events/internal/corpus"
	"github.com/pinpoint-events/pinpoint-events/stream"
)

// brokenLine ends each block of events in TestMemory: a record that is
// not JSON.
const brokenLine = "{\"event_type\": broken\n"

// TestMemory decodes and validates a large input on every core and checks
// that the heap stays bounded while counting every good, invalid and broken
// record. The input is 1 GiB; PINPOINT_STREAM_TEST_BYTES sets another size
// (the closing note of issue 6 quotes a 10 GB run).
func TestMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("streams 1 GiB")
	}
	size := int64(1 << 30)
	if s := os.Getenv("PINPOINT_STREAM_TEST_BYTES"); s != "" {
		n, err := strconv.ParseInt(s, 10, 64)
		if err != nil || n <= 0 {
			t.Fatalf("PINPOINT_STREAM_TEST_BYTES=%q: want a positive number of bytes", s)
		}
		size = n
	}
	const heapLimit = 64 << 20

	events := corpus.Events(corpus.Options{N: 2000, Seed: 7, InvalidShare: 0.02, UnknownShare: -1})
	var block bytes.Buffer
	for _, ev := range events {
		block.Write(ev)
		block.WriteByte('\n')
	}
	block.WriteString(brokenLine)
	// One pass over the block gives the counts a whole number of blocks
	// must reach.
	perBlock := countBlock(t, block.Bytes())
	blocks := size / int64(block.Len())

	runtime.GC()
	var ms runtime.MemStats
	var maxHeap uint64
	sample := func() {
		runtime.ReadMemStats(&ms)
		maxHeap = max(maxHeap, ms.HeapInuse)
		if ms.HeapInuse > heapLimit {
			t.Fatalf("HeapInuse = %d MiB", ms.HeapInuse>>20)
		}
	}
	sample()

	start := time.Now()
	rd, err := stream.NewReader(corpus.Repeat(size, block.Bytes()), stream.Options{Validate: true})
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	var got counts
	var last int64
	for rd.Next() {
		rec := rd.Record()
		if rec.Number != last+1 {
			t.Fatalf("record %d after %d", rec.Number, last)
		}
		last = rec.Number
		if rec.Err != nil && rec.Offset+int64(len(rec.Raw)) == size {
			break // the input ends inside a record
		}
		got.add(rec)
		if rec.Number%(1<<16) == 0 {
			sample()
		}
	}
	sample()
	if err := rd.Err(); err != nil {
		t.Fatal(err)
	}
	if got.good < blocks*perBlock.good || got.invalid < blocks*perBlock.invalid || got.broken != blocks*perBlock.broken {
		t.Errorf("got %+v over %d blocks of %+v", got, blocks, perBlock)
	}
	if extra := got.good + got.invalid + got.broken - blocks*(perBlock.good+perBlock.invalid+perBlock.broken); extra > perBlock.good+perBlock.invalid+perBlock.broken {
		t.Errorf("%d records more than %d whole blocks hold", extra, blocks)
	}
	elapsed := time.Since(start)
	t.Logf("%d bytes: %d valid, %d invalid, %d broken records in %v (%.0f MB/s); max HeapInuse %.1f MiB",
		size, got.good, got.invalid, got.broken, elapsed.Round(time.Millisecond), float64(size)/elapsed.Seconds()/1e6, float64(maxHeap)/(1<<20))
}

type counts struct{ good, invalid, broken int64 }

func (c *counts) add(rec *stream.Record) {
	switch {
	case rec.Err != nil:
		c.broken++
	case rec.Invalid != nil:
		c.invalid++
	default:
		c.good++
	}
}

func countBlock(t *testing.T, block []byte) counts {
	t.Helper()
	rd, err := stream.NewReader(bytes.NewReader(block), stream.Options{Validate: true, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	var c counts
	for rd.Next() {
		c.add(rd.Record())
	}
	if c.broken != 1 || c.invalid == 0 || c.good == 0 {
		t.Fatalf("one block: %+v, want valid, invalid and exactly one broken record", c)
	}
	return c
}
