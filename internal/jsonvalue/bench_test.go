package jsonvalue_test

import (
	"strings"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/internal/jsonvalue"
)

// BenchmarkParseLazy measures the check of a whole document and the parse
// of its top level, which is what a raw validator that rejects a large
// member for its kind pays.
func BenchmarkParseLazy(b *testing.B) {
	docs := []struct{ name, doc string }{
		{"numbers", `{"a":[` + strings.Repeat(`12345,`, 100_000) + `0],"b":"c"}`},
		{"objects", `{"a":[` + strings.Repeat(`{"id":"4f1c2a9e","n":1.5,"tags":["x","y"],"ok":true},`, 10_000) + `null]}`},
		{"strings", `{"a":[` + strings.Repeat(`"caf\u00e9 \"quoted\" text",`, 20_000) + `""]}`},
	}
	for _, d := range docs {
		data := []byte(d.doc)
		b.Run(d.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				v, err := jsonvalue.ParseLazy(data)
				if err != nil {
					b.Fatal(err)
				}
				v.Fields()
			}
		})
	}
}

// BenchmarkParse measures building the whole tree.
func BenchmarkParse(b *testing.B) {
	data := []byte(`{"a":[` + strings.Repeat(`{"id":"4f1c2a9e","n":1.5,"tags":["x","y"],"ok":true,"s":"caf\u00e9"},`, 1_000) + `null]}`)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := jsonvalue.Parse(data); err != nil {
			b.Fatal(err)
		}
	}
}
