package codec

import (
	"errors"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/internal/eventtypes"
	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
)

// record is a struct decoded the way generated code decodes one.
type record struct {
	name  string
	count *int64
	rest  eventtypes.Members
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
	if err := Decode([]byte(data), eventtypes.DecodeOptions{}, func(d *Decoder) error { _, err := r.read(d); return err }); err != nil {
		t.Fatalf("%s: %v", data, err)
	}
	return r
}

func TestMembersThatDoNotFitAreKept(t *testing.T) {
	r := decodeRecord(t, `{"name": 5, "count": 1.5, "other": [1, {"a" : true}]}`)
	if r.fits || r.name != "" || r.count != nil {
		t.Errorf("unfit values reached fields: %+v", r)
	}
	want := eventtypes.Members{{Name: "name", Value: []byte(`5`)}, {Name: "count", Value: []byte(`1.5`)}, {Name: "other", Value: []byte(`[1,{"a":true}]`)}}
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
	var notObject *eventtypes.NotAnObjectError
	if err := Decode([]byte(` [1] `), eventtypes.DecodeOptions{}, read); !errors.As(err, &notObject) || notObject.Kind != "array" {
		t.Errorf("array: %v", err)
	}
	var syntax *jsonwire.SyntaxError
	if err := Decode([]byte(`{"name": "x",}`), eventtypes.DecodeOptions{}, read); !errors.As(err, &syntax) || syntax.Offset != 13 {
		t.Errorf("trailing comma: %v", err)
	}
	if err := Decode([]byte(`{"name": "x"} {}`), eventtypes.DecodeOptions{}, read); !errors.As(err, &syntax) {
		t.Errorf("two values: %v", err)
	}
}

func TestConstMismatchIsReportedAfterDecoding(t *testing.T) {
	var got string
	err := Decode([]byte(`{"a": {"v": "3.0"}, "b": "kept"}`), eventtypes.DecodeOptions{}, func(d *Decoder) error {
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
	var ce *eventtypes.ConstError
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
		got, err := ReadHead([]byte(tc.in))
		if err != nil || got != tc.want {
			t.Errorf("%s: %+v, %v", tc.in, got, err)
		}
	}
	if _, err := ReadHead([]byte(`"x"`)); err == nil {
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
