package bench

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint/v3p1"
	"github.com/pinpoint-events/pinpoint-events/internal/corpus"
)

// The records below are the hostile ones of issue 10: as large as a Kinesis
// record (1 MiB) and built to make the decoder or the validator do work or
// take memory out of proportion to their size.

// hostBase is a valid event that the hostile records are built from: an app
// event (v3p1.AppEvent), whose attributes member is a map of strings (in
// most other events it is a struct, whose members are checked one by one).
func hostBase(tb testing.TB) []byte {
	tb.Helper()
	for _, data := range corpus.Events(corpus.Options{N: 200, Seed: 1}) {
		if ev, err := anyevent.Decode(data); err == nil && fmt.Sprintf("%T", ev) == "*v3p1.AppEvent" && ev.Validate() == nil && bytes.HasPrefix(data, []byte("{")) {
			return data
		}
	}
	tb.Fatal("no valid event in the corpus")
	return nil
}

// withUnknownMembers is base with n unknown members "x0":0, "x1":1, ... at
// its top level.
func withUnknownMembers(base []byte, n int) []byte {
	b := []byte{'{'}
	for i := range n {
		b = append(b, `"x`...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, `":`...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, ',')
	}
	return append(b, base[1:]...)
}

// withAttributes is base with its attributes member (a map of strings)
// replaced by value, written last so that it wins over the first.
func withAttributes(base []byte, value string) []byte {
	b := bytes.TrimSuffix(bytes.TrimSpace(base), []byte("}"))
	return append(append(append(b, `,"attributes":`...), value...), '}')
}

// zeros is a JSON array of zeros of about size bytes.
func zeros(size int) string {
	return "[" + strings.Repeat("0,", size/2) + "0]"
}

const recordSize = 1 << 20 // the largest Kinesis record

// allocatedBy returns the bytes f allocates.
func allocatedBy(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// Validating a member of the wrong kind costs memory in proportion to what
// is reported, not to the member: a 1 MiB array where attributes, an
// object, belongs took 224 MB while it was parsed whole to say "must be an
// object", and as the value of an attribute, which must be a string, 390 MB.
func TestWrongKindMemberMemory(t *testing.T) {
	base := hostBase(t)
	for _, tc := range []struct{ name, attributes, violation string }{
		{"member", zeros(recordSize), "/attributes: must be an object, not an array"},
		{"nested", `{"a":` + zeros(recordSize) + `}`, "/attributes/a: must be a string, not an array"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			data := withAttributes(base, tc.attributes)
			ev, err := anyevent.Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			var verr error
			allocated := allocatedBy(func() { verr = ev.Validate() })
			if !strings.Contains(fmt.Sprint(verr), tc.violation) {
				t.Errorf("Validate: %v, want %s", verr, tc.violation)
			}
			if limit := uint64(4 * len(data)); allocated > limit {
				t.Errorf("validating a record of %d bytes allocated %d bytes, more than %d", len(data), allocated, limit)
			}
		})
	}
}

// BenchmarkUnknownMembers decodes an event with n unknown members: the time
// per member (ns/member) stays the same from a thousand members to a
// hundred thousand (a record of about 1.6 MB).
func BenchmarkUnknownMembers(b *testing.B) {
	base := hostBase(b)
	for _, n := range []int{1e3, 1e4, 1e5} {
		data := withUnknownMembers(base, n)
		b.Run(fmt.Sprintf("n=%.0e", float64(n)), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				if _, err := anyevent.Decode(data); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/member")
		})
	}
}

// BenchmarkWrongKindMember decodes and validates a 1 MiB record whose
// attributes are an array of zeros (member), or an object whose one value,
// which must be a string, is that array (nested). alloc/byte is the bytes
// allocated per byte of the record (B/op over the record's size), an upper
// bound of the heap it takes.
func BenchmarkWrongKindMember(b *testing.B) {
	base := hostBase(b)
	for _, tc := range []struct{ name, attributes string }{
		{"member", zeros(recordSize)},
		{"nested", `{"a":` + zeros(recordSize) + `}`},
	} {
		data := withAttributes(base, tc.attributes)
		b.Run(tc.name, func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			for b.Loop() {
				ev, err := anyevent.Decode(data)
				if err != nil {
					b.Fatal(err)
				}
				if ev.Validate() == nil {
					b.Fatal("valid")
				}
			}
			runtime.ReadMemStats(&after)
			b.ReportMetric(float64(after.TotalAlloc-before.TotalAlloc)/float64(b.N)/float64(len(data)), "alloc/byte")
		})
	}
}

// An event with 200,000 unknown members (a 3.2 MB record), which took 37 s
// to decode while each member was looked for among those kept before it,
// decodes, validates and encodes with every member kept in order.
func TestManyUnknownMembers(t *testing.T) {
	const n = 200_000
	data := withUnknownMembers(hostBase(t), n)
	ev, err := anyevent.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	if err := ev.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
	out, err := ev.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	// The unknown members come after the known ones, in input order.
	at := bytes.Index(out, []byte(`"x0":0,`))
	if at < 0 {
		t.Fatal("the first unknown member is missing")
	}
	want := withUnknownMembers([]byte("{}"), n) // {"x0":0,…,"x199999":199999,}
	want = append(want[1:len(want)-2], '}')
	if got := out[at:]; !bytes.Equal(got, want) {
		t.Errorf("the unknown members are not kept in order: %.80s…", got)
	}
}

// A member that breaks a const is shown in the message by its first 64
// bytes, and only those are written: a 1 MiB array as the event_type of an
// event decoded into its Go type (no dispatcher to refuse it) took a Value
// per element to show "[0,0,0,…".
func TestConstViolationMemory(t *testing.T) {
	base := hostBase(t)
	data := append(bytes.TrimSuffix(bytes.TrimSpace(base), []byte("}")), `,"event_type":`+zeros(recordSize)+`}`...)
	var ev v3p1.AppMonetizationEvent
	// The event_type of the base event breaks the const too: decoding
	// reports that, and decodes all the same.
	var broken *anyevent.ConstError
	if err := ev.UnmarshalJSON(data); err != nil && !errors.As(err, &broken) {
		t.Fatal(err)
	}
	var verr error
	allocated := allocatedBy(func() { verr = ev.Validate() })
	if want := `/event_type: [0,0,0,`; !strings.Contains(fmt.Sprint(verr), want) {
		t.Errorf("Validate: %.300s, want %s…", fmt.Sprint(verr), want)
	}
	if limit := uint64(4 * len(data)); allocated > limit {
		t.Errorf("validating a record of %d bytes allocated %d bytes, more than %d", len(data), allocated, limit)
	}
}

// A record without event_version is matched against the layouts of other
// producers and of old Pinpoint (the dispatcher's recognize): a megabyte
// array in it must not be built value by value just to be rejected.
func TestRecordWithoutVersionMemory(t *testing.T) {
	data := []byte(`{"event_type":"_email.send","attributes":` + zeros(recordSize) + `}`)
	var err error
	allocated := allocatedBy(func() { _, err = anyevent.Decode(data) })
	var missing *anyevent.MissingVersionError
	if !errors.As(err, &missing) {
		t.Errorf("Decode: %v, want a *anyevent.MissingVersionError", err)
	}
	if limit := uint64(4 * len(data)); allocated > limit {
		t.Errorf("decoding a record of %d bytes allocated %d bytes, more than %d", len(data), allocated, limit)
	}
}
