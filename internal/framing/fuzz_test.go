package framing_test

import (
	"bytes"
	"encoding/json"
	"io"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/pinpoint-events/pinpoint-events/internal/framing"
)

// fuzzOptions are the configurations every fuzz input is framed with; the
// tiny limits reach the oversized-record paths with tiny inputs.
var fuzzOptions = []framing.Options{
	{},
	{Format: framing.Concatenated, MaxRecordBytes: 7},
	{Format: framing.Array, MaxRecordBytes: 5},
	{MaxRecordBytes: 1},
	{Format: framing.NDJSON},
	{Format: framing.NDJSON, MaxRecordBytes: 6},
}

// FuzzReader checks, for arbitrary input, that the Reader terminates
// without panicking, numbers records 1, 2, 3..., gives strictly increasing
// offsets, returns Data that is the input at Offset, loses no byte but
// whitespace and array punctuation (outside oversized records), frames the
// same records and input errors whatever the read sizes, gives NDJSON at
// most one record per line, and frames valid JSON as encoding/json reads
// it: a sequence of objects and arrays (Auto: the arrays' elements), or
// NDJSON lines of one value each.
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
	f.Add([]byte("[{\"a\":1},\n{\"b\":[2]}]\n[3, \"x\"]{\"c\":null}\n{\"d\":true}"))
	f.Add([]byte("[INFO] export\n{\"a\":1}\n[1, true]\n[null x]\n[-1 ]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, opts := range fuzzOptions {
			whole, wholeInput, ok := fuzzRead(t, data, opts, nil)
			if !ok {
				return // a corrupt gzip header
			}
			if opts.Format == framing.NDJSON && !isGzip(data) {
				checkOnePerLine(t, data, whole)
			}
			// One-byte reads of large inputs would make the fuzzer crawl.
			small := iotest.OneByteReader
			if len(data) > 4096 {
				small = iotest.HalfReader
			}
			chunked, chunkedInput, _ := fuzzRead(t, data, opts, small)
			if !slices.Equal(whole, chunked) || !slices.Equal(wholeInput, chunkedInput) {
				t.Fatalf("%+v: whole reads give\n%v %q\nsmall reads give\n%v %q", opts, whole, wholeInput, chunked, chunkedInput)
			}
		}

		if values, ok := jsonContainers(data); ok {
			var elements [][]byte
			for _, v := range values {
				if v[0] == '{' {
					elements = append(elements, v)
					continue
				}
				var raws []json.RawMessage
				if err := json.Unmarshal(v, &raws); err != nil {
					t.Fatal(err)
				}
				for _, e := range raws {
					elements = append(elements, bytes.Trim(e, " \t\r\n"))
				}
			}
			checkValid(t, data, framing.Options{}, elements)
			checkValid(t, data, framing.Options{Format: framing.Concatenated}, values)
		}
		if lines, ok := jsonLines(data); ok {
			checkValid(t, data, framing.Options{Format: framing.NDJSON}, lines)
		}
	})
}

// checkValid checks that data framed with opts gives exactly the records
// want, all good.
func checkValid(t *testing.T, data []byte, opts framing.Options, want [][]byte) {
	t.Helper()
	got, inputErrs, _ := fuzzRead(t, data, opts, nil)
	if len(inputErrs) > 0 {
		t.Fatalf("%+v: InputErrors() = %q for valid JSON", opts, inputErrs)
	}
	if len(got) != len(want) {
		t.Fatalf("%+v: %d records, encoding/json finds %d values:\n%v", opts, len(got), len(want), got)
	}
	for i, g := range got {
		if g.msg != "" || g.data != string(want[i]) {
			t.Fatalf("%+v: record %v, encoding/json finds %q", opts, g, want[i])
		}
	}
}

// checkOnePerLine checks that NDJSON records do not span lines and that no
// two share one.
func checkOnePerLine(t *testing.T, data []byte, got []rec) {
	t.Helper()
	line := -1
	for _, g := range got {
		if strings.Contains(g.data, "\n") {
			t.Fatalf("NDJSON record %v spans lines", g)
		}
		l := bytes.Count(data[:g.off], []byte("\n"))
		if l == line {
			t.Fatalf("NDJSON record %v on the line of the record before", g)
		}
		line = l
	}
}

func isGzip(data []byte) bool { return len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b }

// fuzzRead frames data and checks the invariants that hold for any input.
// It returns the records and the Error strings of the input errors, and
// reports false if NewReader fails, which only a gzip header can cause.
func fuzzRead(t *testing.T, data []byte, opts framing.Options, wrap func(io.Reader) io.Reader) ([]rec, []string, bool) {
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
		return nil, nil, false
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
	// Only an array can be left open, and only the last one.
	var inputErrs []string
	for _, e := range r.InputErrors() {
		inputErrs = append(inputErrs, e.Error())
		if !gz && e.Offset != int64(len(data)) {
			t.Fatalf("%+v: input error %v before the end of the input", opts, e)
		}
	}
	if len(inputErrs) > 1 || len(inputErrs) == 1 && (opts.Format == framing.Concatenated || opts.Format == framing.NDJSON) {
		t.Fatalf("%+v: InputErrors() = %q", opts, inputErrs)
	}
	return got, inputErrs, true
}

// checkCoverage checks that each record's Data is the input at its Offset,
// that records do not overlap, and that the bytes outside them are
// whitespace, a byte order mark or array punctuation, except in the part of
// an oversized record that was skipped.
func checkCoverage(t *testing.T, data []byte, opts framing.Options, got []rec, limit int) {
	t.Helper()
	// Auto reads arrays anywhere in the input.
	isArray := opts.Format == framing.Array || opts.Format == framing.Auto
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

// jsonContainers returns the values of data, trimmed, if json.Decoder
// reads data as a sequence of objects and arrays. (Top-level numbers are
// left out: json.Decoder splits "1-2" into two, the Reader does not.)
func jsonContainers(data []byte) ([][]byte, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	var values [][]byte
	for {
		var raw json.RawMessage
		err := dec.Decode(&raw)
		if err == io.EOF {
			return values, true
		}
		if err != nil {
			return nil, false
		}
		raw = bytes.Trim(raw, " \t\r\n")
		if raw[0] != '{' && raw[0] != '[' {
			return nil, false
		}
		values = append(values, raw)
	}
}

// jsonLines returns the lines of data that are not blank, trimmed, if
// each of them is one JSON value.
func jsonLines(data []byte) ([][]byte, bool) {
	var lines [][]byte
	for _, l := range bytes.Split(data, []byte("\n")) {
		l = bytes.Trim(l, " \t\r")
		if len(l) == 0 {
			continue
		}
		if !json.Valid(l) {
			return nil, false
		}
		lines = append(lines, l)
	}
	return lines, true
}
