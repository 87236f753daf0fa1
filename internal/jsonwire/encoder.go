package jsonwire

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"strconv"
	"unicode/utf8"
)

// Encoder appends JSON to a byte slice. The caller writes the structure
// with Begin*/End*, Name and the value methods; the Encoder puts the commas
// between members and elements. Its output is valid JSON whenever the
// calls are balanced: a value it cannot write (NaN, ±Inf, invalid raw JSON)
// is written as null and recorded as the sticky error returned by Err.
type Encoder struct {
	buf   []byte
	comma bool // a value is complete: the next value or name is preceded by ','
	err   error
}

// NewEncoder returns an Encoder that appends to buf.
func NewEncoder(buf []byte) *Encoder {
	return &Encoder{buf: buf}
}

// Reset makes the Encoder append to buf, with no pending comma and no
// error, for reuse across events.
func (e *Encoder) Reset(buf []byte) {
	e.buf = buf
	e.comma = false
	e.err = nil
}

// Bytes returns the buffer with everything written so far.
func (e *Encoder) Bytes() []byte { return e.buf }

// Err returns the first error met while writing, or nil. It is a
// *UnsupportedValueError for NaN and ±Inf, or a *SyntaxError for invalid
// Raw input.
func (e *Encoder) Err() error { return e.err }

func (e *Encoder) fail(err error) {
	if e.err == nil {
		e.err = err
	}
	e.buf = append(e.buf, "null"...)
}

// separate writes the comma that precedes a value or a name, if one is due.
func (e *Encoder) separate() {
	if e.comma {
		e.buf = append(e.buf, ',')
	}
}

// BeginObject writes '{'. Members follow as Name and a value each.
func (e *Encoder) BeginObject() {
	e.separate()
	e.buf = append(e.buf, '{')
	e.comma = false
}

// EndObject writes '}'.
func (e *Encoder) EndObject() {
	e.buf = append(e.buf, '}')
	e.comma = true
}

// BeginArray writes '['. Elements follow as one value each.
func (e *Encoder) BeginArray() {
	e.separate()
	e.buf = append(e.buf, '[')
	e.comma = false
}

// EndArray writes ']'.
func (e *Encoder) EndArray() {
	e.buf = append(e.buf, ']')
	e.comma = true
}

// Name writes a member name and the ':' after it; one value must follow.
func (e *Encoder) Name(name string) {
	e.separate()
	e.buf = appendQuoted(e.buf, name)
	e.buf = append(e.buf, ':')
	e.comma = false
}

// Key writes a member name given already quoted and followed by ':', such
// as "\"event_type\":": generated encoders know their member names, so they
// quote them once, when they are generated.
func (e *Encoder) Key(quotedNameColon string) {
	e.separate()
	e.buf = append(e.buf, quotedNameColon...)
	e.comma = false
}

// String writes s as a JSON string, escaped as encoding/json does with
// SetEscapeHTML(false).
func (e *Encoder) String(s string) {
	e.separate()
	e.buf = appendQuoted(e.buf, s)
	e.comma = true
}

// Int64 writes v.
func (e *Encoder) Int64(v int64) {
	e.separate()
	e.buf = strconv.AppendInt(e.buf, v, 10)
	e.comma = true
}

// Float64 writes v as encoding/json does: the shortest decimal that
// identifies v, in 'f' format for 1e-6 <= |v| < 1e21 and in 'e' format
// (with a one-digit negative exponent not zero-padded) otherwise. NaN and
// ±Inf are written as null and set the sticky *UnsupportedValueError.
func (e *Encoder) Float64(v float64) {
	e.separate()
	e.comma = true
	b, ok := AppendFloat(e.buf, v)
	if !ok {
		e.fail(&UnsupportedValueError{Value: v})
		return
	}
	e.buf = b
}

// Bool writes true or false.
func (e *Encoder) Bool(b bool) {
	e.separate()
	if b {
		e.buf = append(e.buf, "true"...)
	} else {
		e.buf = append(e.buf, "false"...)
	}
	e.comma = true
}

// Null writes null.
func (e *Encoder) Null() {
	e.separate()
	e.buf = append(e.buf, "null"...)
	e.comma = true
}

// Raw writes value, which must be one complete JSON value (whitespace
// around it allowed), verbatim. Invalid JSON is written as null instead and
// sets the sticky error, so the output stays valid.
func (e *Encoder) Raw(value []byte) {
	e.separate()
	e.comma = true
	end, err := skipValue(value, 0, 0)
	if err == nil {
		if end = skipSpace(value, end); end < len(value) {
			err = errChar(end, value[end], "after top-level value")
		}
	}
	if err != nil {
		e.fail(err)
		return
	}
	e.buf = append(e.buf, value...)
}

// quoteSafe reports the ASCII bytes that appendQuoted copies unchanged.
var quoteSafe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// appendPlain appends s quoted when it needs no escaping (ASCII without
// '"', '\\' or control characters), copying it eight bytes at a time as it
// checks them, the last word overlapping the one before; a string shorter
// than a word goes byte by byte. Otherwise it reports false, and dst keeps
// its length.
func appendPlain(dst []byte, s string) ([]byte, bool) {
	n, at := len(s), len(dst)
	dst = slices.Grow(dst, n+2)
	out := dst[at : at+n+2]
	out[0] = '"'
	if n < 8 {
		for i := 0; i < n; i++ {
			c := s[i]
			if c >= utf8.RuneSelf || !quoteSafe[c] {
				return dst[:at], false
			}
			out[1+i] = c
		}
	} else {
		for i := 0; i+8 <= n; i += 8 {
			x := load64(s, i)
			if plainStopMask(x) != 0 {
				return dst[:at], false
			}
			binary.LittleEndian.PutUint64(out[1+i:], x)
		}
		if n%8 != 0 {
			x := load64(s, n-8)
			if plainStopMask(x) != 0 {
				return dst[:at], false
			}
			binary.LittleEndian.PutUint64(out[1+n-8:], x)
		}
	}
	out[n+1] = '"'
	return dst[:at+n+2], true
}

// load64 reads 8 bytes of s at i as a little-endian word.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// appendQuoted appends s as a JSON string exactly as encoding/json does
// without HTML escaping: '"', '\\' and control characters escaped (with the
// short forms \b \f \n \r \t), U+2028 and U+2029 escaped, and each invalid
// UTF-8 byte replaced by \ufffd.
func appendQuoted(dst []byte, s string) []byte {
	if out, ok := appendPlain(dst, s); ok {
		return out // the common case: nothing to escape
	}
	dst = append(dst, '"')
	start, i := 0, 0
	for i < len(s) {
		for ; i+8 <= len(s); i += 8 {
			x := load64(s, i)
			if m := plainStopMask(x); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				break
			}
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if quoteSafe[c] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
