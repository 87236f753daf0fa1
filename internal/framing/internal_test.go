package framing

import (
	"bytes"
	"io"
	"math/rand"
	"strings"
	"testing"
	"testing/iotest"
)

// nastyInput mixes what makes a Reader hold memory: records far over the
// limit (inside strings, inside nesting, as garbage), cut lines in runs,
// deep nesting and long whitespace.
func nastyInput(seed int64) []byte {
	rng := rand.New(rand.NewSource(seed))
	var b bytes.Buffer
	for range 300 {
		switch rng.Intn(12) {
		case 0:
			b.WriteString(`{"s":"` + strings.Repeat("x", rng.Intn(300<<10)) + "\"}\n")
		case 1:
			n := rng.Intn(200 << 10)
			b.WriteString(`{"a":` + strings.Repeat("[", n) + strings.Repeat("]", n) + "}\n")
		case 2:
			b.WriteString(strings.Repeat("junk ", rng.Intn(50<<10)) + "\n")
		case 3:
			for range rng.Intn(3 * maxChain) {
				b.WriteString("{\"a\":\n")
			}
		case 4:
			b.WriteString(strings.Repeat(" \n", rng.Intn(100<<10)))
		case 6:
			// Arrays back to back, one cut short, and log lines that
			// only start like one.
			b.WriteString(`[{"a":1},` + strings.Repeat(" ", rng.Intn(100<<10)) + `{"b":"` + strings.Repeat("z", rng.Intn(100<<10)) + `"}][2,`)
		case 7:
			b.WriteString("[INFO] " + strings.Repeat("log ", rng.Intn(50<<10)) + "\n")
		case 8:
			b.WriteString("[" + strings.Repeat("\n", rng.Intn(100<<10)) + "]")
		case 5:
			// Lines starting with '{' inside a record nested past MaxDepth,
			// themselves nested deeply.
			b.WriteString(`{"a":` + strings.Repeat("[", MaxDepth+rng.Intn(100)) + "\n")
			for range rng.Intn(4) {
				b.WriteString(`{"b":` + strings.Repeat("[", rng.Intn(3*MaxDepth)) + "\n")
			}
		default:
			b.WriteString(`{"a":1,"b":"` + strings.Repeat("y", rng.Intn(2000)) + "\"}\n")
		}
	}
	return b.Bytes()
}

// TestMemoryBounds checks, after every record, that no buffer of the Reader
// has grown past its bound.
func TestMemoryBounds(t *testing.T) {
	const limit = 64 << 10
	for seed := range int64(4) {
		input := nastyInput(seed)
		format := Format(seed) // each layout once
		for _, src := range []io.Reader{bytes.NewReader(input), iotest.HalfReader(bytes.NewReader(input))} {
			r, err := NewReader(src, Options{Format: format, MaxRecordBytes: limit})
			if err != nil {
				t.Fatal(err)
			}
			n := 0
			for r.Next() {
				n++
				switch {
				case len(r.buf) > limit+readChunk:
					t.Fatalf("buffer of %d bytes", len(r.buf))
				case len(r.errBuf) > limit:
					t.Fatalf("error buffer of %d bytes", len(r.errBuf))
				case cap(r.chain) > maxChain:
					t.Fatalf("%d candidates", cap(r.chain))
				case cap(r.queue) > 2*maxChain:
					t.Fatalf("queue of %d records", cap(r.queue))
				case cap(r.stack) > 2*MaxDepth:
					t.Fatalf("stack of %d brackets", cap(r.stack))
				case len(r.Record().Data) > limit:
					t.Fatalf("record of %d bytes", len(r.Record().Data))
				case len(r.inputErr) > 1:
					t.Fatalf("%d input errors", len(r.inputErr))
				}
			}
			if r.Err() != nil || r.Offset() != int64(len(input)) || n == 0 {
				t.Fatalf("%d records, Err() = %v at offset %d of %d", n, r.Err(), r.Offset(), len(input))
			}
		}
	}
}

// TestChainLimit checks that a run of cut lines longer than the candidates
// followed splits as many lines as there are candidates, and keeps the
// rest in one record.
func TestChainLimit(t *testing.T) {
	const cut = "{\"a\":\n"
	input := strings.Repeat(cut, 3*maxChain) + "{\"b\":1}\n"
	r, err := NewReader(strings.NewReader(input), Options{})
	if err != nil {
		t.Fatal(err)
	}
	var recs []Record
	for r.Next() {
		recs = append(recs, r.Record())
	}
	if len(recs) != maxChain+1 {
		t.Fatalf("%d records, want %d", len(recs), maxChain+1)
	}
	for i, rec := range recs[:maxChain] {
		if string(rec.Data) != `{"a":` || rec.Offset != int64(i*len(cut)) || rec.Err == nil {
			t.Fatalf("record %d: %q at %d, %v", i+1, rec.Data, rec.Offset, rec.Err)
		}
	}
	last := recs[maxChain]
	if want := strings.TrimSpace(input[maxChain*len(cut):]); string(last.Data) != want || last.Err.(*RecordError).Msg != "end of input inside an object" {
		t.Fatalf("last record %q, %v", last.Data, last.Err)
	}
}

func TestLooksLikeArray(t *testing.T) {
	tests := []struct {
		ahead string
		want  bool
	}{
		{"", true}, {"  \n", true}, {"]", true}, {" {\"a\":1}]", true}, {"[1]]", true}, {`"INFO"]`, true},
		{"1,2]", true}, {" -2.5e3 ]", true}, {"12", true}, {"true, false]", true}, {"null]", true},
		{"tru", true}, {"fals", true}, {"n", true},
		{"INFO] export", false}, {"2024-05-01 12:00] x", false}, {"01]", false}, {"1 2]", false},
		{"nothing]", false}, {"true false]", false}, {"trux", false}, {"nul ", false}, {",1]", false}, {"-]", false},
	}
	for _, tt := range tests {
		if got := looksLikeArray([]byte(tt.ahead)); got != tt.want {
			t.Errorf("looksLikeArray(%q) = %v, want %v", tt.ahead, got, tt.want)
		}
	}
}
