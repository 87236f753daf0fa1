package jsonwire

import (
	"encoding/binary"
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"
)

func TestStopMask(t *testing.T) {
	interesting := []byte{0x00, 0x01, 0x1f, 0x20, 0x21, '"', '\\', '#', '[', ']', 0x7f, 0x80, 0xa0, 0xff}
	rng := rand.New(rand.NewPCG(1, 2))
	var word [8]byte
	for range 200_000 {
		for k := range word {
			if rng.IntN(2) == 0 {
				word[k] = interesting[rng.IntN(len(interesting))]
			} else {
				word[k] = byte(rng.Uint32())
			}
		}
		x := binary.LittleEndian.Uint64(word[:])
		wantStop, wantPlain := 8, 8
		for k := 7; k >= 0; k-- {
			if stringStop[word[k]] {
				wantStop = k
			}
			if stringStop[word[k]] || word[k] >= 0x80 {
				wantPlain = k
			}
		}
		if got := bits.TrailingZeros64(stopMask(x)) >> 3; got != wantStop {
			t.Fatalf("stopMask(% x): first stop %d, want %d", word, got, wantStop)
		}
		if got := bits.TrailingZeros64(plainStopMask(x)) >> 3; got != wantPlain {
			t.Fatalf("plainStopMask(% x): first stop %d, want %d", word, got, wantPlain)
		}
	}
}

func TestAppendPlain(t *testing.T) {
	interesting := []byte{0x00, 0x1f, 0x20, '"', '\\', 'a', 0x7f, 0x80, 0xe2, 0xff}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 100_000 {
		b := make([]byte, rng.IntN(40))
		for k := range b {
			if rng.IntN(8) == 0 {
				b[k] = interesting[rng.IntN(len(interesting))]
			} else {
				b[k] = 'a' + byte(rng.IntN(26))
			}
		}
		plain := true
		for _, c := range b {
			plain = plain && c < 0x80 && !stringStop[c]
		}
		prefix := []byte("x:")
		got, ok := appendPlain(prefix[:2:2], string(b))
		switch {
		case ok != plain:
			t.Fatalf("appendPlain(%q) ok = %v, want %v", b, ok, plain)
		case ok && string(got) != `x:"`+string(b)+`"`:
			t.Fatalf("appendPlain(%q) = %q", b, got)
		case !ok && string(got) != "x:":
			t.Fatalf("appendPlain(%q) failed but left %q", b, got)
		}
	}
}

func TestParseDecimal(t *testing.T) {
	tests := []struct {
		lit  string
		want decimal
	}{
		{"0", decimal{}},
		{"-0.000e5", decimal{neg: true}},
		{"1", decimal{mant: 1, n: 1, point: 1}},
		{"100", decimal{mant: 1, n: 1, point: 3}},
		{"-120.50", decimal{mant: 1205, n: 4, point: 3, neg: true}},
		{"0.00123", decimal{mant: 123, n: 3, point: -2}},
		{"1.5e-7", decimal{mant: 15, n: 2, point: -6}},
		{"1e+21", decimal{mant: 1, n: 1, point: 22}},
		{"12345678901234567890123", decimal{mant: 1234567890123456789, n: 19, point: 23, trunc: true}},
		{"1000000000000000000000.000", decimal{mant: 1, n: 1, point: 22}},
	}
	for _, tt := range tests {
		if got := parseDecimal([]byte(tt.lit)); got != tt.want {
			t.Errorf("parseDecimal(%s) = %+v, want %+v", tt.lit, got, tt.want)
		}
	}
	// Huge exponents saturate instead of overflowing.
	for _, lit := range []string{"1e999999999999999999999999", "-1e-999999999999999999999999"} {
		d := parseDecimal([]byte(lit))
		if d.point > 0 != (lit[0] == '1') || d.point < 1<<40 && d.point > -(1<<40) {
			t.Errorf("parseDecimal(%s) = %+v, want a saturated point", lit, d)
		}
	}
}

// TestArena checks the arena's contract: strings are appended to the
// current chunk across Reset, a full chunk is replaced rather than
// rewritten, and bytes under returned strings never change.
func TestArena(t *testing.T) {
	d := NewDecoder([]byte(`"abc"`))
	if s, err := d.String(); s != "abc" || err != nil {
		t.Fatal(s, err)
	}
	if len(d.chunk) != 3 || cap(d.chunk) != chunkSize {
		t.Fatalf("chunk len %d cap %d after one string", len(d.chunk), cap(d.chunk))
	}
	first := &d.chunk[:1][0]

	d.Reset([]byte(`"de\nf"`))
	if s, err := d.String(); s != "de\nf" || err != nil {
		t.Fatal(s, err)
	}
	if len(d.chunk) != 7 || &d.chunk[:1][0] != first {
		t.Fatalf("Reset rewound or replaced the chunk: len %d", len(d.chunk))
	}

	// Fill the chunk to just below full, then overflow it.
	filler := `"` + strings.Repeat("x", chunkSize-8) + `"`
	d.Reset([]byte(filler))
	if _, err := d.String(); err != nil {
		t.Fatal(err)
	}
	if len(d.chunk) != chunkSize-1 {
		t.Fatalf("chunk len %d, want %d", len(d.chunk), chunkSize-1)
	}
	d.Reset([]byte(`"gh"`))
	s, err := d.String()
	if s != "gh" || err != nil || len(d.chunk) != 2 || &d.chunk[:1][0] == first {
		t.Fatalf("overflowing string %q, %v: chunk len %d, want a new chunk", s, err, len(d.chunk))
	}

	// A long string that does not fit gets an array of its own, and the
	// chunk keeps its free end for the strings after it.
	big := strings.Repeat("y", 2*chunkSize)
	d.Reset([]byte(`"` + big + `"`))
	if s, err := d.String(); s != big || err != nil {
		t.Fatal(len(s), err)
	}
	if len(d.chunk) != 2 || cap(d.chunk) != chunkSize {
		t.Fatalf("big string: chunk len %d cap %d, want the chunk untouched", len(d.chunk), cap(d.chunk))
	}

	// So does an escaped one whose length only shows once it is read: the
	// first escape comes early, the string outgrows the chunk's free end.
	d.Reset([]byte(`"\u00e9` + big + `"`))
	if s, err := d.String(); s != "é"+big || err != nil {
		t.Fatal(len(s), err)
	}
	if len(d.chunk) != 2 || cap(d.chunk) != chunkSize {
		t.Fatalf("big escaped string: chunk len %d cap %d, want the chunk untouched", len(d.chunk), cap(d.chunk))
	}
	d.Reset([]byte(`"\tij"`))
	if s, err := d.String(); s != "\tij" || err != nil || len(d.chunk) != 5 {
		t.Fatalf("string after a big one: %q, %v, chunk len %d, want 5", s, err, len(d.chunk))
	}
}
