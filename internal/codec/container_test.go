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

func readStringLists(dst *[][]string, d *Decoder) (bool, error) {
	return ReadSlice(dst, d, readStrings)
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
		{`[["x"],[]]`, `[[x] []]`, lists},
		{`[["x",null]]`, `does not fit`, lists},
		{`[["x"],"y"]`, `does not fit`, lists},
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

func lists(data string) (string, error) {
	var s [][]string
	return decodeValue(&s, data, readStringLists)
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
	if c := Cleared(m); len(c) != 0 || fmt.Sprintf("%p", c) != fmt.Sprintf("%p", m) {
		t.Errorf("Cleared made another map or left members: %v", c)
	}
	if c := Cleared[int](nil); c == nil {
		t.Error("Cleared(nil) is nil")
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
		{`[["x",]]`, lists, 6},
		{`[["x"}`, lists, 5},
	} {
		_, err := c.read(c.in)
		var syntax *pinpointevents.SyntaxError
		if !errors.As(err, &syntax) || syntax.Offset != c.offset {
			t.Errorf("%s: %v, want a syntax error at %d", c.in, err, c.offset)
		}
	}
}
