package stream_test

import (
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/internal/corpus"
	"github.com/pinpoint-events/pinpoint-events/stream"
)

// summary is what a test compares of a record.
func summary(rec *stream.Record) string {
	switch {
	case rec.Err != nil:
		return fmt.Sprintf("%d@%d err %q", rec.Number, rec.Offset, rec.Raw)
	case rec.Invalid != nil:
		return fmt.Sprintf("%d@%d %s invalid %d", rec.Number, rec.Offset, rec.Event.Type(), len(rec.Invalid.Violations))
	}
	return fmt.Sprintf("%d@%d %s", rec.Number, rec.Offset, rec.Event.Type())
}

func readAll(t *testing.T, r io.Reader, opts stream.Options) []string {
	t.Helper()
	rd, err := stream.NewReader(r, opts)
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	var out []string
	for rd.Next() {
		out = append(out, summary(rd.Record()))
	}
	if err := rd.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// A corpus with broken records in the middle gives the same records, in
// order, whatever the number of workers; nothing is lost.
func TestWorkersKeepOrder(t *testing.T) {
	events := corpus.Events(corpus.Options{N: 3000, Seed: 7, InvalidShare: 0.05})
	var in bytes.Buffer
	for i, e := range events {
		if i%500 == 250 {
			in.WriteString(`{"event_type": "_campaign.send", "truncated` + "\n")
		}
		in.Write(e)
		in.WriteByte('\n')
	}
	opts := stream.Options{Validate: true}
	opts.Workers = 1
	want := readAll(t, bytes.NewReader(in.Bytes()), opts)
	if len(want) != len(events)+6 {
		t.Fatalf("%d records, want %d", len(want), len(events)+6)
	}
	bad, invalid := 0, 0
	for _, s := range want {
		if strings.Contains(s, " err ") {
			bad++
		}
		if strings.Contains(s, " invalid ") {
			invalid++
		}
	}
	if bad != 6 || invalid < 100 {
		t.Errorf("%d bad records (want 6), %d invalid events", bad, invalid)
	}
	for _, workers := range []int{2, 4, 16} {
		opts.Workers = workers
		got := readAll(t, iotest.HalfReader(bytes.NewReader(in.Bytes())), opts)
		if strings.Join(got, "\n") != strings.Join(want, "\n") {
			t.Errorf("%d workers: records differ from one worker's", workers)
		}
	}
}

func TestGzipAndArray(t *testing.T) {
	events := corpus.Events(corpus.Options{N: 50, Seed: 3})
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	for _, e := range events {
		w.Write(e) // concatenated, no delimiter, as Firehose writes
	}
	w.Close()
	got := readAll(t, &gz, stream.Options{})
	if len(got) != 50 {
		t.Errorf("gzip: %d records", len(got))
	}
	array := "[" + string(bytes.Join(events, []byte(",\n"))) + "]"
	if got := readAll(t, strings.NewReader(array), stream.Options{Workers: 2}); len(got) != 50 {
		t.Errorf("array: %d records", len(got))
	}
}

func TestRawAndErrors(t *testing.T) {
	sample, err := os.ReadFile("../testdata/samples/campaign_send_3.1.json")
	if err != nil {
		t.Fatal(err)
	}
	in := string(sample) + "\nnot json\n" + `{"event_version":"9.9","event_type":"x"}` + "\n"
	rd, err := stream.NewReader(strings.NewReader(in), stream.Options{Workers: 2})
	if err != nil {
		t.Fatal(err)
	}
	defer rd.Close()
	var recs []stream.Record
	for rd.Next() {
		rec := *rd.Record()
		rec.Raw = append([]byte(nil), rec.Raw...)
		recs = append(recs, rec)
	}
	if len(recs) != 3 {
		t.Fatalf("%d records", len(recs))
	}
	if !bytes.Equal(recs[0].Raw, bytes.TrimSpace(sample)) || recs[0].Event == nil {
		t.Errorf("record 1: %+v", recs[0])
	}
	var framing *stream.RecordError
	if !errors.As(recs[1].Err, &framing) || string(recs[1].Raw) != "not json" {
		t.Errorf("record 2: %v %q", recs[1].Err, recs[1].Raw)
	}
	var version *anyevent.UnknownVersionError
	if !errors.As(recs[2].Err, &version) || recs[2].Number != 3 {
		t.Errorf("record 3: %v", recs[2].Err)
	}
}

// Stopping early ends the goroutines and does not hang.
func TestCloseEarly(t *testing.T) {
	data := corpus.Generate(corpus.Options{N: 5000, Seed: 1})
	rd, err := stream.NewReader(bytes.NewReader(data), stream.Options{Workers: 3})
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 10 && rd.Next(); i++ {
	}
	if err := rd.Close(); err != nil {
		t.Fatal(err)
	}
}

func TestReadError(t *testing.T) {
	data := corpus.Generate(corpus.Options{N: 300, Seed: 1})
	broken := io.MultiReader(bytes.NewReader(data[:len(data)/2]), iotest.ErrReader(errors.New("disk on fire")))
	for _, workers := range []int{1, 2} {
		rd, err := stream.NewReader(broken, stream.Options{Workers: workers})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		for rd.Next() {
			n++
		}
		if rd.Err() == nil || !strings.Contains(rd.Err().Error(), "disk on fire") || n == 0 {
			t.Errorf("%d workers: %d records, err %v", workers, n, rd.Err())
		}
		rd.Close()
		broken = io.MultiReader(bytes.NewReader(data[:len(data)/2]), iotest.ErrReader(errors.New("disk on fire")))
	}
}

func TestFormatNames(t *testing.T) {
	names := stream.FormatNames()
	if want := []string{"auto", "ndjson", "concatenated", "array"}; strings.Join(names, ",") != strings.Join(want, ",") {
		t.Fatalf("FormatNames() = %q, want %q", names, want)
	}
	for _, name := range names {
		f, err := stream.ParseFormat(name)
		if err != nil || f.String() != name {
			t.Errorf("ParseFormat(%q) = %v, %v", name, f, err)
		}
		var g stream.Format
		if err := g.UnmarshalText([]byte(name)); err != nil || g != f {
			t.Errorf("UnmarshalText(%q) = %v, %v", name, g, err)
		}
		if text, err := f.MarshalText(); err != nil || string(text) != name {
			t.Errorf("%v.MarshalText() = %q, %v", f, text, err)
		}
	}
	if stream.Format(0) != stream.Auto || stream.Auto.String() != "auto" {
		t.Error("the zero Format is not auto")
	}
	for _, bad := range []string{"", "json", "NDJSON", "sequence"} {
		_, err := stream.ParseFormat(bad)
		if err == nil || !strings.Contains(err.Error(), "auto, ndjson, concatenated, array") {
			t.Errorf("ParseFormat(%q): error %v does not list the layouts", bad, err)
		}
	}
	if _, err := stream.NewReader(strings.NewReader("{}"), stream.Options{Format: 9}); err == nil {
		t.Error("NewReader with Format 9: no error")
	}
}

// TestLayouts reads the inputs of issue 10 in each layout, with one worker
// and with several: arrays one after another, a log line starting with '['
// before NDJSON, a cut line followed by a line starting with '"', and a
// truncated array, whose missing ']' is an input error and not a record.
func TestLayouts(t *testing.T) {
	events := corpus.Events(corpus.Options{N: 40, Seed: 11})
	ndjson := string(bytes.Join(events, []byte("\n"))) + "\n"
	array := func(evs [][]byte) string { return "[" + string(bytes.Join(evs, []byte(",\n"))) + "]" }
	tests := []struct {
		name      string
		input     string
		format    stream.Format
		good, bad int
		inputErrs []string
	}{
		{"auto/two arrays", array(events[:15]) + array(events[15:]), stream.Auto, 40, 0, nil},
		{"auto/array then NDJSON", array(events[:15]) + "\n" + string(bytes.Join(events[15:], []byte("\n"))), stream.Auto, 40, 0, nil},
		{"auto/log line before NDJSON", "[INFO] export of 40 events\n" + ndjson, stream.Auto, 40, 1, nil},
		{"auto/truncated array", array(events)[:len(array(events))-1], stream.Auto, 40, 0,
			[]string{fmt.Sprintf("input at byte offset %d: end of input inside the array: missing ']'", len(array(events))-1)}},
		{"array/two arrays", array(events[:15]) + "\n" + array(events[15:]), stream.Array, 40, 0, nil},
		{"array/truncated", array(events)[:len(array(events))-1], stream.Array, 40, 0,
			[]string{fmt.Sprintf("input at byte offset %d: end of input inside the array: missing ']'", len(array(events))-1)}},
		{"ndjson/cut line, then a line starting with '\"'", `{"event_version":"3.1","event_timestamp":17` + "\n\"x\"\n" + ndjson, stream.NDJSON, 40, 2, nil},
		{"concatenated/cut line, then a line starting with '\"'", `{"event_version":"3.1","event_timestamp":17` + "\n\"x\"\n" + ndjson, stream.Concatenated, 40, 1, nil},
		{"concatenated/array is one record", array(events[:3]), stream.Concatenated, 0, 1, nil},
	}
	for _, tt := range tests {
		for _, workers := range []int{1, 3} {
			rd, err := stream.NewReader(strings.NewReader(tt.input), stream.Options{Format: tt.format, Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			good, bad := 0, 0
			for rd.Next() {
				if rd.Record().Err != nil {
					bad++
				} else {
					good++
				}
			}
			rd.Close()
			var inputErrs []string
			for _, e := range rd.InputErrors() {
				inputErrs = append(inputErrs, e.Error())
			}
			if rd.Err() != nil || good != tt.good || bad != tt.bad || strings.Join(inputErrs, "\n") != strings.Join(tt.inputErrs, "\n") {
				t.Errorf("%s, %d workers: %d good and %d bad records, InputErrors %q, Err %v; want %d, %d, %q",
					tt.name, workers, good, bad, inputErrs, rd.Err(), tt.good, tt.bad, tt.inputErrs)
			}
		}
	}
}
