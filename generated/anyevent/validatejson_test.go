package anyevent_test

import (
	"testing"

	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/internal/corpus"
)

// BenchmarkValidateJSON measures the raw-value path: a record checked
// against its schema without being decoded into Go values, over a mix of
// every event type.
func BenchmarkValidateJSON(b *testing.B) {
	records := corpus.Events(corpus.Options{N: 2000, Seed: 1})
	var size int64
	for _, r := range records {
		size += int64(len(r))
	}
	b.SetBytes(size / int64(len(records)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if err := anyevent.ValidateJSON(records[i%len(records)], anyevent.ValidateOptions{}); err != nil {
			b.Fatal(err)
		}
	}
}
