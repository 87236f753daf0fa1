package jsonwire

import (
	"math"
	"strconv"
)

// The Append functions write JSON into a byte slice the caller holds, for
// generated encoders: they keep the slice in registers, where an encoder
// object would load and store it on every call. Members and elements are written
// each after a ',', and CloseObject or CloseArray turns the first ',' into
// the opening bracket: no state is needed to know whether a comma is due.

// AppendString appends s as a JSON string, escaped as encoding/json does
// with SetEscapeHTML(false).
func AppendString(dst []byte, s string) []byte { return appendQuoted(dst, s) }

// AppendFloat appends f as encoding/json writes a float64. ok is false for
// NaN and ±Inf, which JSON cannot hold; then nothing is appended.
func AppendFloat(dst []byte, f float64) (b []byte, ok bool) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return dst, false
	}
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		// Turn e-07 into e-7, as encoding/json does.
		if n := len(b); n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
			b[n-2] = b[n-1]
			b = b[:n-1]
		}
	}
	return b, true
}

// CloseObject finishes an object whose members were appended to b from
// start on, each after a ','.
func CloseObject(b []byte, start int) []byte { return closeWith(b, start, '{', '}') }

// CloseArray finishes an array whose elements were appended to b from start
// on, each after a ','.
func CloseArray(b []byte, start int) []byte { return closeWith(b, start, '[', ']') }

func closeWith(b []byte, start int, open, close byte) []byte {
	if len(b) == start {
		return append(b, open, close)
	}
	b[start] = open
	return append(b, close)
}
