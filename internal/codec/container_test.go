package codec

import (
	"errors"
	"fmt"
	"testing"

	pinpointevents "github.com/pinpoint-events/pinpoint-events"
)

func readStrings(dst *[]string, d *Decoder) (bool, error) {
	return ReadSlice(dst, d, ReadString[string])
}

func readFloats(dst *map[string]float64, d *Decoder) (bool, error) {
	return ReadMap(dst, d, ReadFloat64)
}

func readStringLists(dst *map[string][]string, d *Decoder) (bool, error) {
	return ReadMap(dst, d, readStrings)
}

// decodeValue decodes data, one JSON value, into dst with read, and shows
// what read reported and what dst holds.
func decodeValue[T any](dst *T, data string, read func(*T, *Decoder) (bool, error)) (string, error) {
	var d Decoder
	d.Reset([]byte(data))
	fits, err := read(dst, &d)
	if err != nil {
		return "", err
	}
	if !fits {
		// As a caller would, keep the value raw: that finds what is
		// malformed after the point where read gave up.
		d.Reset([]byte(data))
		if err := d.Skip(); err != nil {
			return "", err
		}
		return "does not fit", d.End()
	}
	if err := d.End(); err != nil {
		return "", err
	}
	return fmt.Sprintf("%v", *dst), nil
}

func TestReadContainers(t *testing.T) {
	for _, c := range []struct {
		in, want string
		read     func(string) (string, error)
	}{
		{`["a","b"]`, `[a b]`, slice},
		{` [ ] `, `[]`, slice},
		{`null`, `does not fit`, slice},
		{`{"a":1}`, `does not fit`, slice},
		{`["a",1]`, `does not fit`, slice},
		{`{"b":1.5,"a":-2}`, `map[a:-2 b:1.5]`, floats},
		{`{}`, `map[]`, floats},
		{`[1]`, `does not fit`, floats},
		{`{"a":"x"}`, `does not fit`, floats},
		{`{"a":1,"a":2}`, `map[a:2]`, floats},
		{`{"a":["x"],"b":[]}`, `map[a:[x] b:[]]`, lists},
		{`{"a":["x",null]}`, `does not fit`, lists},
	} {
		got, err := c.read(c.in)
		if err != nil || got != c.want {
			t.Errorf("%s: %s, %v; want %s", c.in, got, err, c.want)
		}
	}
}

func slice(data string) (string, error) {
	var s []string
	got, err := decodeValue(&s, data, readStrings)
	if got == "[]" && s == nil {
		got = "nil"
	}
	return got, err
}

func floats(data string) (string, error) {
	var m map[string]float64
	return decodeValue(&m, data, readFloats)
}

func lists(data string) (string, error) {
	var m map[string][]string
	return decodeValue(&m, data, readStringLists)
}

func TestReadContainersReuse(t *testing.T) {
	s := make([]string, 0, 4)
	if _, err := decodeValue(&s, `["a","b","c"]`, readStrings); err != nil {
		t.Fatal(err)
	}
	first := &s[0]
	if got, err := decodeValue(&s, `["d"]`, readStrings); err != nil || got != "[d]" || &s[0] != first {
		t.Errorf("slice: %s, %v, same memory %v", got, err, &s[0] == first)
	}
	m := map[string]float64{"old": 1}
	before := fmt.Sprintf("%p", m)
	if got, err := decodeValue(&m, `{"new":2}`, readFloats); err != nil || got != "map[new:2]" || fmt.Sprintf("%p", m) != before {
		t.Errorf("map: %s, %v, same map %v", got, err, fmt.Sprintf("%p", m) == before)
	}
}

func TestReadContainersErrors(t *testing.T) {
	for _, c := range []struct {
		in     string
		read   func(string) (string, error)
		offset int64
	}{
		{`["a",]`, slice, 5},
		{`["a" "b"]`, slice, 5},
		{`["\q"]`, slice, 2},
		{`{"a":1,}`, floats, 7},
		{`{"a" 1}`, floats, 5},
		{`{"a":-}`, floats, 6},
		{`{"a":["x"}`, lists, 9},
	} {
		_, err := c.read(c.in)
		var syntax *pinpointevents.SyntaxError
		if !errors.As(err, &syntax) || syntax.Offset != c.offset {
			t.Errorf("%s: %v, want a syntax error at %d", c.in, err, c.offset)
		}
	}
}
