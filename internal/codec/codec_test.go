package codec

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"testing"

	pinpointevents "github.com/pinpoint-events/pinpoint-events"
	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
)

// record is a struct decoded the way generated code decodes one.
type record struct {
	name  string
	count *int64
	rest  pinpointevents.Members
	fits  bool
}

func (r *record) read(d *Decoder) (bool, error) {
	if err := d.BeginObject(); err != nil {
		return false, err
	}
	for {
		name, more, err := d.NextMember()
		if err != nil || !more {
			return true, err
		}
		switch string(name) {
		case "name":
			r.fits, err = Required(d, &r.name, ReadString[string], &r.rest, "name")
		case "count":
			err = Optional(d, &r.count, nil, ReadInt64[int64], &r.rest, "count")
		default:
			err = Keep(d, &r.rest, name)
		}
		if err != nil {
			return false, err
		}
	}
}

func decodeRecord(t *testing.T, data string) *record {
	t.Helper()
	r := &record{}
	if err := Decode([]byte(data), pinpointevents.DecodeOptions{}, func(d *Decoder) error { _, err := r.read(d); return err }); err != nil {
		t.Fatalf("%s: %v", data, err)
	}
	return r
}

func TestMembersThatDoNotFitAreKept(t *testing.T) {
	r := decodeRecord(t, `{"name": 5, "count": 1.5, "other": [1, {"a" : true}]}`)
	if r.fits || r.name != "" || r.count != nil {
		t.Errorf("unfit values reached fields: %+v", r)
	}
	want := pinpointevents.Members{{Name: "name", Value: []byte(`5`)}, {Name: "count", Value: []byte(`1.5`)}, {Name: "other", Value: []byte(`[1,{"a":true}]`)}}
	if len(r.rest) != len(want) {
		t.Fatalf("rest = %q", r.rest)
	}
	for i := range want {
		if r.rest[i].Name != want[i].Name || string(r.rest[i].Value) != string(want[i].Value) {
			t.Errorf("rest[%d] = %s: %s, want %s: %s", i, r.rest[i].Name, r.rest[i].Value, want[i].Name, want[i].Value)
		}
	}
}

// JSON duplicates: the last member wins, as with encoding/json, whether it
// fits its field or not.
func TestDuplicatesLastWins(t *testing.T) {
	r := decodeRecord(t, `{"name": 5, "name": "x", "count": 2, "count": "two", "u": 1, "u": 2}`)
	if !r.fits || r.name != "x" || r.rest.Has("name") {
		t.Errorf("name: %+v", r)
	}
	if r.count != nil {
		t.Errorf("count kept the first value: %d", *r.count)
	}
	if v, _ := r.rest.Get("count"); string(v) != `"two"` {
		t.Errorf("count raw = %s", v)
	}
	if v, _ := r.rest.Get("u"); string(v) != `2` || len(r.rest) != 2 {
		t.Errorf("rest = %q", r.rest)
	}
}

func TestDecodeErrors(t *testing.T) {
	read := func(d *Decoder) error { _, err := (&record{}).read(d); return err }
	var notObject *pinpointevents.NotAnObjectError
	if err := Decode([]byte(` [1] `), pinpointevents.DecodeOptions{}, read); !errors.As(err, &notObject) || notObject.Kind != "array" {
		t.Errorf("array: %v", err)
	}
	var syntax *jsonwire.SyntaxError
	if err := Decode([]byte(`{"name": "x",}`), pinpointevents.DecodeOptions{}, read); !errors.As(err, &syntax) || syntax.Offset != 13 {
		t.Errorf("trailing comma: %v", err)
	}
	if err := Decode([]byte(`{"name": "x"} {}`), pinpointevents.DecodeOptions{}, read); !errors.As(err, &syntax) {
		t.Errorf("two values: %v", err)
	}
}

func TestConstMismatchIsReportedAfterDecoding(t *testing.T) {
	var got string
	err := Decode([]byte(`{"a": {"v": "3.0"}, "b": "kept"}`), pinpointevents.DecodeOptions{}, func(d *Decoder) error {
		d.BeginObject()
		for {
			name, more, err := d.NextMember()
			if err != nil || !more {
				return err
			}
			if string(name) == "a" {
				d.BeginObject()
				d.NextMember()
				at := d.Start()
				v, _ := d.String()
				d.ConstMismatch(at, `"`+v+`"`, `"3.1"`)
				d.NextMember()
				continue
			}
			got, _ = d.String()
		}
	})
	var ce *pinpointevents.ConstError
	if !errors.As(err, &ce) || ce.Pointer != "/a/v" || ce.Got != `"3.0"` || got != "kept" {
		t.Errorf("err = %v, got = %q", err, got)
	}
}

func TestReadHead(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Head
	}{
		{`{"event_type":"_x","a":{"b":[1]},"event_version":"3.1","tail": broken`, Head{Version: "3.1", Type: "_x", HasVersion: true, HasType: true, VersionIsString: true, TypeIsString: true}},
		{`{"event_version":3.1}`, Head{Version: "3.1", HasVersion: true}},
		{`{}`, Head{}},
	} {
		got, err := ReadHead([]byte(tc.in), "event_version", "event_type")
		if err != nil || got != tc.want {
			t.Errorf("%s: %+v, %v", tc.in, got, err)
		}
	}
	if _, err := ReadHead([]byte(`"x"`), "event_version", "event_type"); err == nil {
		t.Error("a string has a head")
	}
}

func TestHeadErrorPrefersSyntax(t *testing.T) {
	other := errors.New("unknown version")
	if err := HeadError([]byte(`{"event_version":"9"}`), other); err != other {
		t.Errorf("well-formed: %v", err)
	}
	var syntax *jsonwire.SyntaxError
	if err := HeadError([]byte(`{"event_version":"9",}`), other); !errors.As(err, &syntax) {
		t.Errorf("malformed: %v", err)
	}
}

func TestPointerAt(t *testing.T) {
	data := []byte(`{"a": [1, {"b/c": "x"}], "d~": 2}`)
	for off, want := range map[int]string{0: "", 6: "/a", 10: "/a/1", 18: "/a/1/b~1c", 31: "/d~0"} {
		if got := PointerAt(data, off); got != want {
			t.Errorf("PointerAt(%d) = %q, want %q", off, got, want)
		}
	}
}

// The members a struct keeps raw come out as Members.Set and Members.Delete
// would leave them, one member at a time, on either side of the length
// from which the decoder indexes the names: the last duplicate wins at the
// position of the first, and a value that fits its field removes the raw
// one kept under its name.
func TestKeptMembersMatchSetAndDelete(t *testing.T) {
	for _, n := range []int{3, restIndexMin - 1, restIndexMin, restIndexMin + 1, 3 * restIndexMin, 1000} {
		// Unknown members u0..u(n-1), then a duplicate of each of a few,
		// and "name"/"count" alternating between fitting and not, before,
		// among and after them.
		var b strings.Builder
		var want pinpointevents.Members
		member := func(name, value string, fits bool) {
			if b.Len() > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "%q:%s", name, value)
			if fits {
				want = want.Delete(name)
			} else {
				want = want.Set(name, []byte(value))
			}
		}
		member("name", "1", false)
		member("count", `"c"`, false)
		for i := range n {
			member(fmt.Sprintf("u%d", i), strconv.Itoa(i), false)
			if i%7 == 3 {
				member("name", `"fits"`, true)
			}
			if i%7 == 5 {
				member("name", "[]", false)
			}
			if i%11 == 4 {
				member("count", "2", true)
				member("count", "2.5", false)
			}
		}
		for i := 0; i < n; i += 5 {
			member(fmt.Sprintf("u%d", i), fmt.Sprintf(`"again %d"`, i), false)
		}
		member("name", `"last"`, true)
		member("u1", "true", false)
		r := decodeRecord(t, "{"+b.String()+"}")
		if len(r.rest) != len(want) {
			t.Fatalf("n=%d: %d members kept, want %d", n, len(r.rest), len(want))
		}
		for i := range want {
			if r.rest[i].Name != want[i].Name || string(r.rest[i].Value) != string(want[i].Value) {
				t.Fatalf("n=%d: rest[%d] = %s: %s, want %s: %s", n, i, r.rest[i].Name, r.rest[i].Value, want[i].Name, want[i].Value)
			}
		}
		if r.name != "last" || !r.fits {
			t.Errorf("n=%d: name = %q", n, r.name)
		}
	}
}

// A struct field decoded twice (a duplicate member) fills its list again
// from empty at the same address: the index of the first list must not
// serve the second.
func TestKeptMembersOfARepeatedStruct(t *testing.T) {
	type outer struct{ inner record }
	first := make([]string, 0, 3*restIndexMin)
	for i := range 3 * restIndexMin {
		first = append(first, fmt.Sprintf(`"a%d":%d`, i, i))
	}
	second := make([]string, 0, 3*restIndexMin)
	for i := range 3 * restIndexMin {
		// The same length, other names, and a duplicate of one of them.
		second = append(second, fmt.Sprintf(`"b%d":%d`, i, i))
	}
	second = append(second, `"b0":"dup"`)
	data := `{"inner":{` + strings.Join(first, ",") + `},"inner":{` + strings.Join(second, ",") + `}}`
	var o outer
	err := Decode([]byte(data), pinpointevents.DecodeOptions{}, func(d *Decoder) error {
		if err := d.BeginObject(); err != nil {
			return err
		}
		for {
			_, more, err := d.NextMember()
			if err != nil || !more {
				return err
			}
			o.inner.rest = o.inner.rest[:0]
			if _, err := o.inner.read(d); err != nil {
				return err
			}
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(o.inner.rest) != 3*restIndexMin {
		t.Fatalf("%d members kept, want %d", len(o.inner.rest), 3*restIndexMin)
	}
	if v, _ := o.inner.rest.Get("b0"); string(v) != `"dup"` || o.inner.rest[0].Name != "b0" || o.inner.rest.Has("a0") {
		t.Errorf("rest = %q", o.inner.rest)
	}
}

// An object of 200,000 unknown members, which took minutes while each
// member was looked for in the whole list, decodes with every member in
// order; BenchmarkUnknownMembers shows the time per member stays flat.
func TestManyUnknownMembers(t *testing.T) {
	const n = 200_000
	data := unknownMembers(n)
	r := decodeRecord(t, string(data))
	if len(r.rest) != n {
		t.Fatalf("%d members kept, want %d", len(r.rest), n)
	}
	for i, m := range r.rest {
		if m.Name != "m"+strconv.Itoa(i) || string(m.Value) != strconv.Itoa(i) {
			t.Fatalf("rest[%d] = %s: %s", i, m.Name, m.Value)
		}
	}
}

// unknownMembers is an object of n members "m0":0, "m1":1, ...
func unknownMembers(n int) []byte {
	b := []byte{'{'}
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `"m`...)
		b = strconv.AppendInt(b, int64(i), 10)
		b = append(b, `":`...)
		b = strconv.AppendInt(b, int64(i), 10)
	}
	return append(b, '}')
}

func BenchmarkUnknownMembers(b *testing.B) {
	for _, n := range []int{1e3, 1e4, 1e5} {
		data := unknownMembers(n)
		b.Run(fmt.Sprintf("n=%.0e", float64(n)), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				r := &record{}
				if err := Decode(data, pinpointevents.DecodeOptions{}, func(d *Decoder) error { _, err := r.read(d); return err }); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/member")
		})
	}
}
