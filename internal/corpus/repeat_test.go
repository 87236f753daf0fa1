package corpus_test

import (
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/pinpoint-events/pinpoint-events/internal/corpus"
)

func TestRepeat(t *testing.T) {
	tests := []struct {
		size   int64
		pieces []string
		want   string
	}{
		{0, []string{"ab"}, ""},
		{1, []string{"ab"}, "a"},
		{5, []string{"ab"}, "ababa"},
		{7, []string{"ab", "", "cde"}, "abcdeab"},
		{10, []string{"abcde"}, "abcdeabcde"},
	}
	for _, tt := range tests {
		pieces := make([][]byte, len(tt.pieces))
		for i, p := range tt.pieces {
			pieces[i] = []byte(p)
		}
		// One byte at a time, then as much as fits: the same bytes.
		for _, r := range []io.Reader{iotest.OneByteReader(corpus.Repeat(tt.size, pieces...)), corpus.Repeat(tt.size, pieces...)} {
			got, err := io.ReadAll(r)
			if err != nil || string(got) != tt.want {
				t.Errorf("Repeat(%d, %q) read %q, %v; want %q", tt.size, tt.pieces, got, err, tt.want)
			}
		}
	}
	func() {
		defer func() {
			if recover() == nil {
				t.Error("Repeat of empty pieces: no panic")
			}
		}()
		corpus.Repeat(1, []byte{})
	}()
	if err := iotest.TestReader(corpus.Repeat(1000, []byte("xyz\n")), []byte(strings.Repeat("xyz\n", 250))); err != nil {
		t.Error(err)
	}
}
