package jsonwire_test

import (
	"bytes"
	"encoding/json"
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

func TestAppendString(t *testing.T) {
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
		want, err := marshalNoHTML(s)
		if err != nil {
			t.Fatal(err)
		}
		prefix := []byte("prefix ")
		if got := jsonwire.AppendString(prefix, s); !bytes.Equal(got, append(prefix, want...)) {
			t.Errorf("AppendString(%q) = %s, want %s", s, got, want)
		}
	}
}

func TestAppendFloat(t *testing.T) {
	tests := []float64{
		0, math.Copysign(0, -1), 1, -1, 0.1, 1.5, 100, 1e20, 1e21, 1e-6, 1e-7, 9.999e-7,
		123456789, 1.7976931348623157e308, 5e-324, -2.5e-10, 12345678912345678e5,
		math.Pi, 39.98, 1e100, -1e-100,
	}
	for _, v := range tests {
		want, err := json.Marshal(v)
		if err != nil {
			t.Fatal(err)
		}
		if got, ok := jsonwire.AppendFloat(nil, v); !ok || !bytes.Equal(got, want) {
			t.Errorf("AppendFloat(%v) = %s, %v; want %s", v, got, ok, want)
		}
	}
	for _, v := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		if got, ok := jsonwire.AppendFloat([]byte("x"), v); ok || string(got) != "x" {
			t.Errorf("AppendFloat(%v) = %q, %v; want nothing appended and false", v, got, ok)
		}
	}
}

// The members and elements are each appended after a ',', and the Close
// functions turn the first ',' into the bracket.
func TestClose(t *testing.T) {
	tests := []struct {
		name string
		b    []byte
		want string
	}{
		{"empty object", jsonwire.CloseObject([]byte("x"), 1), `x{}`},
		{"object", jsonwire.CloseObject([]byte(`x,"a":1,"b":[]`), 1), `x{"a":1,"b":[]}`},
		{"empty array", jsonwire.CloseArray([]byte("x"), 1), `x[]`},
		{"array", jsonwire.CloseArray([]byte(`x,1,"2"`), 1), `x[1,"2"]`},
	}
	for _, tt := range tests {
		if string(tt.b) != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, tt.b, tt.want)
		}
	}
}
