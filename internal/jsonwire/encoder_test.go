package jsonwire_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
)

// marshalNoHTML is json.Marshal with SetEscapeHTML(false), without the
// trailing newline.
func marshalNoHTML(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}

func TestEncoderStructure(t *testing.T) {
	e := jsonwire.NewEncoder([]byte("prefix "))
	e.BeginObject()
	e.Name("a")
	e.Int64(-42)
	e.Name("b")
	e.BeginArray()
	e.Bool(true)
	e.Bool(false)
	e.Null()
	e.BeginObject()
	e.EndObject()
	e.BeginArray()
	e.EndArray()
	e.Raw([]byte(` {"x": [1, 2]} `))
	e.Float64(0.5)
	e.String("s")
	e.EndArray()
	e.Name("c")
	e.BeginObject()
	e.Name("d")
	e.Int64(math.MinInt64)
	e.EndObject()
	e.EndObject()
	want := `prefix {"a":-42,"b":[true,false,null,{},[], {"x": [1, 2]} ,0.5,"s"],"c":{"d":-9223372036854775808}}`
	if got := string(e.Bytes()); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if e.Err() != nil {
		t.Errorf("Err = %v", e.Err())
	}

	e.Reset(nil)
	e.BeginArray()
	e.Int64(1)
	e.Int64(2)
	e.EndArray()
	if got := string(e.Bytes()); got != `[1,2]` {
		t.Errorf("after Reset: %s", got)
	}
}

func TestEncoderString(t *testing.T) {
	tests := []string{
		"",
		"plain ASCII text that is longer than one eight-byte word",
		`quote " and backslash \ and slash /`,
		"\b\f\n\r\t\x00\x01\x1f\x7f",
		"<html> & 'apostrophes'",
		"café 😀 – ✓",
		"line\u2028separator\u2029paragraph",
		"\xff\xfe invalid \xc3\x28 \xed\xa0\x80 \xf0\x9f\x98",
		"\xef\xbf\xbd",
		"tail invalid \xe2\x82",
	}
	for _, s := range tests {
		e := jsonwire.NewEncoder(nil)
		e.String(s)
		want, err := marshalNoHTML(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := e.Bytes(); !bytes.Equal(got, want) {
			t.Errorf("String(%q) = %s, want %s", s, got, want)
		}
		e = jsonwire.NewEncoder(nil)
		e.BeginObject()
		e.Name(s)
		e.Int64(1)
		e.EndObject()
		wantObj, _ := marshalNoHTML(map[string]int{s: 1})
		if got := e.Bytes(); !bytes.Equal(got, wantObj) {
			t.Errorf("Name(%q) = %s, want %s", s, got, wantObj)
		}
	}
}

func TestEncoderFloat64(t *testing.T) {
	tests := []float64{
		0, math.Copysign(0, -1), 1, -1, 0.1, 1.5, 100, 1e20, 1e21, 1e-6, 1e-7, 9.999e-7,
		123456789, 1.7976931348623157e308, 5e-324, -2.5e-10, 12345678912345678e5,
		math.Pi, 39.98, 1e100, -1e-100,
	}
	for _, v := range tests {
		e := jsonwire.NewEncoder(nil)
		e.Float64(v)
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got := e.Bytes(); !bytes.Equal(got, want) {
			t.Errorf("Float64(%v) = %s, want %s", v, got, want)
		}
	}
}

func TestEncoderErrors(t *testing.T) {
	tests := []struct {
		name  string
		write func(e *jsonwire.Encoder)
		err   string
	}{
		{"NaN", func(e *jsonwire.Encoder) { e.Float64(math.NaN()) }, "json: unsupported value: NaN"},
		{"+Inf", func(e *jsonwire.Encoder) { e.Float64(math.Inf(1)) }, "json: unsupported value: +Inf"},
		{"-Inf", func(e *jsonwire.Encoder) { e.Float64(math.Inf(-1)) }, "json: unsupported value: -Inf"},
		{"raw trailing comma", func(e *jsonwire.Encoder) { e.Raw([]byte(`[1,]`)) }, "invalid JSON at byte offset 3: invalid character ']' looking for beginning of value"},
		{"raw two values", func(e *jsonwire.Encoder) { e.Raw([]byte(`1 2`)) }, "invalid JSON at byte offset 2: invalid character '2' after top-level value"},
		{"raw empty", func(e *jsonwire.Encoder) { e.Raw(nil) }, "invalid JSON at byte offset 0: unexpected end of JSON input"},
	}
	for _, tt := range tests {
		e := jsonwire.NewEncoder(nil)
		e.BeginArray()
		e.Int64(1)
		tt.write(e)
		e.Float64(math.NaN()) // a later error does not replace the first
		e.Int64(2)
		e.EndArray()
		if err := e.Err(); err == nil || err.Error() != tt.err {
			t.Errorf("%s: Err = %v, want %q", tt.name, err, tt.err)
		}
		if got := string(e.Bytes()); got != `[1,null,null,2]` {
			t.Errorf("%s: output %s, want [1,null,null,2]", tt.name, got)
		}
	}
	e := jsonwire.NewEncoder(nil)
	e.Float64(math.NaN())
	var uve *jsonwire.UnsupportedValueError
	if !errors.As(e.Err(), &uve) || !math.IsNaN(uve.Value) {
		t.Errorf("Err = %#v, want *UnsupportedValueError{NaN}", e.Err())
	}
	e.Reset(nil)
	if e.Err() != nil {
		t.Errorf("Err after Reset = %v", e.Err())
	}
}
