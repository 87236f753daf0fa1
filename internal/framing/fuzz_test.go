package framing_test

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"testing"
	"testing/iotest"

	"github.com/pinpoint-events/pinpoint-events/internal/framing"
)

// fuzzOptions are the configurations every fuzz input is framed with; the
// tiny limits reach the oversized-record paths with tiny inputs.
var fuzzOptions = []framing.Options{
	{},
	{Format: framing.Sequence, MaxRecordBytes: 7},
	{Format: framing.Array, MaxRecordBytes: 5},
	{MaxRecordBytes: 1},
}

// FuzzReader checks, for arbitrary input, that the Reader terminates
// without panicking, numbers records 1, 2, 3..., gives strictly increasing
// offsets, returns Data that is the input at Offset, loses no byte but
// whitespace and array punctuation (outside oversized records), frames the
// same records whatever the read sizes, and frames a valid sequence of JSON
// objects exactly as json.Decoder does.
func FuzzReader(f *testing.F) {
	for _, tt := range framingTests {
		// Big seeds (the nesting limit) only slow the minimisation of
		// every input derived from them; the table tests cover them.
		if len(tt.input) <= 4096 {
			f.Add([]byte(tt.input))
		}
	}
	f.Add(ndjson(3))
	f.Add([]byte(pretty1 + pretty2 + "\n" + pretty1))
	f.Add([]byte("{\"a\":\n{\"b\":\n{}\n}\n,\"c\":[\n{}\n]}\n{\"d\":\n{\"e\":[}\n"))
	f.Add(gzipped([]byte("{\"a\":1}\n{\"b\":")))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, opts := range fuzzOptions {
			whole, ok := fuzzRead(t, data, opts, nil)
			if !ok {
				return // a corrupt gzip header
			}
			// One-byte reads of large inputs would make the fuzzer crawl.
			small := iotest.OneByteReader
			if len(data) > 4096 {
				small = iotest.HalfReader
			}
			chunked, _ := fuzzRead(t, data, opts, small)
			if !slices.Equal(whole, chunked) {
				t.Fatalf("%+v: whole reads give\n%v\nsmall reads give\n%v", opts, whole, chunked)
			}
		}

		objects, ok := jsonObjects(data)
		if !ok {
			return
		}
		got, _ := fuzzRead(t, data, framing.Options{}, nil)
		if len(got) != len(objects) {
			t.Fatalf("%d records, json.Decoder finds %d objects:\n%v", len(got), len(objects), got)
		}
		for i, g := range got {
			if g.msg != "" || g.data != string(objects[i]) {
				t.Fatalf("record %v, json.Decoder finds %q", g, objects[i])
			}
		}
	})
}

// fuzzRead frames data and checks the invariants that hold for any input.
// It reports false if NewReader fails, which only a gzip header can cause.
func fuzzRead(t *testing.T, data []byte, opts framing.Options, wrap func(io.Reader) io.Reader) ([]rec, bool) {
	t.Helper()
	var src io.Reader = bytes.NewReader(data)
	if wrap != nil {
		src = wrap(src)
	}
	r, err := framing.NewReader(src, opts)
	gz := len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b
	if err != nil {
		if !gz {
			t.Fatalf("NewReader: %v", err)
		}
		return nil, false
	}
	limit := opts.MaxRecordBytes
	if limit == 0 {
		limit = framing.DefaultMaxRecordBytes
	}
	var got []rec
	for r.Next() {
		x := r.Record()
		if !gz && len(got) > len(data) {
			t.Fatalf("%+v: more records than input bytes", opts)
		}
		g := rec{n: x.Number, off: x.Offset, data: string(x.Data)}
		if x.Err != nil {
			g.msg = x.Err.(*framing.RecordError).Msg
		}
		if g.n != int64(len(got)+1) {
			t.Fatalf("%+v: record %v after %d records", opts, g, len(got))
		}
		if len(got) > 0 && g.off <= got[len(got)-1].off {
			t.Fatalf("%+v: record %v after %v", opts, g, got[len(got)-1])
		}
		if len(g.data) > limit {
			t.Fatalf("%+v: record %v longer than %d", opts, g, limit)
		}
		got = append(got, g)
	}
	if err := r.Err(); err != nil && !gz {
		t.Fatalf("%+v: Err() = %v", opts, err)
	}
	if !gz {
		checkCoverage(t, data, opts, got, limit)
	}
	return got, true
}

// checkCoverage checks that each record's Data is the input at its Offset,
// that records do not overlap, and that the bytes outside them are
// whitespace, a byte order mark or array punctuation, except in the part of
// an oversized record that was skipped.
func checkCoverage(t *testing.T, data []byte, opts framing.Options, got []rec, limit int) {
	t.Helper()
	isArray := opts.Format == framing.Array
	if opts.Format == framing.Auto {
		rest := bytes.TrimLeft(bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")), " \t\r\n")
		isArray = len(rest) > 0 && rest[0] == '['
	}
	var pos int64
	skipped := false // the last record was cut at the limit
	for i, g := range got {
		if g.off < pos || g.off+int64(len(g.data)) > int64(len(data)) || string(data[g.off:g.off+int64(len(g.data))]) != g.data {
			t.Fatalf("%+v: record %v is not the input at its offset (previous record ends at %d)", opts, g, pos)
		}
		if !skipped {
			checkGap(t, data, opts, pos, g.off, isArray, i)
		}
		pos = g.off + int64(len(g.data))
		skipped = g.msg != "" && len(g.data) == limit
	}
	if !skipped {
		checkGap(t, data, opts, pos, int64(len(data)), isArray, len(got))
	}
}

func checkGap(t *testing.T, data []byte, opts framing.Options, from, to int64, isArray bool, next int) {
	t.Helper()
	for i := from; i < to; i++ {
		c := data[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\n':
		case i < 3 && bytes.HasPrefix(data, []byte("\xef\xbb\xbf")):
		case isArray && (c == '[' || c == ']' || c == ','):
		default:
			t.Fatalf("%+v: byte %d (%q) is in no record (before record %d)", opts, i, c, next+1)
		}
	}
}

// jsonObjects returns the values of data, trimmed, if json.Decoder reads
// data as a sequence of objects.
func jsonObjects(data []byte) ([][]byte, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var objects [][]byte
	for {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err == io.EOF {
			return objects, true
		}
		if err != nil {
			return nil, false
		}
		raw = bytes.TrimSpace(raw)
		if raw[0] != '{' {
			return nil, false
		}
		objects = append(objects, raw)
	}
}
