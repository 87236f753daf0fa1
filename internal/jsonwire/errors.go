package jsonwire

import (
	"strconv"

	pinpointevents "github.com/pinpoint-events/pinpoint-events"
)

// SyntaxError reports malformed JSON: input that encoding/json would reject
// too, or nesting deeper than MaxDepth. It is declared in the root package,
// beside the other errors a decoder returns, so that users match it with
// errors.As on the type go doc shows.
type SyntaxError = pinpointevents.SyntaxError

// KindError reports that a Decoder method found a value of another kind
// than the one it reads, e.g. String at a number. The input may still be
// valid JSON: the decoder has not consumed the value, so the caller can Skip
// it or read it with another method.
type KindError struct {
	Offset int64 // 0-based byte offset of the value's first byte
	Want   Kind  // the kind the method reads
	Got    Kind  // the kind of the value found
}

// Error describes the mismatch, as
// "JSON value at byte offset 17 is a string, want number".
func (e *KindError) Error() string {
	return "JSON value at byte offset " + strconv.FormatInt(e.Offset, 10) +
		" is " + article(e.Got) + " " + e.Got.String() + ", want " + e.Want.String()
}

func article(k Kind) string {
	if k == KindArray || k == KindObject || k == KindInvalid {
		return "an"
	}
	return "a"
}

// UnsupportedValueError reports a float64 that JSON cannot represent (NaN
// or an infinity), like encoding/json's error of the same name.
type UnsupportedValueError struct {
	Value float64
}

// Error returns "json: unsupported value: NaN" (or +Inf, -Inf), the text
// encoding/json uses.
func (e *UnsupportedValueError) Error() string {
	return "json: unsupported value: " + strconv.FormatFloat(e.Value, 'g', -1, 64)
}

const (
	hexDigits      = "0123456789abcdef"
	upperHexDigits = "0123456789ABCDEF"
)

func errEOF(off int) error {
	return &SyntaxError{Offset: int64(off), Msg: "unexpected end of JSON input"}
}

// errChar reports the unexpected byte c at off, in encoding/json's words:
// "invalid character 'x' " followed by context.
func errChar(off int, c byte, context string) error {
	return &SyntaxError{Offset: int64(off), Msg: "invalid character " + quoteChar(c) + " " + context}
}

func errDepth(off int) error {
	return &SyntaxError{Offset: int64(off), Msg: "nesting depth exceeds " + strconv.Itoa(MaxDepth)}
}

// errControl reports a byte below 0x20 inside a string.
func errControl(off int, c byte) error {
	return &SyntaxError{Offset: int64(off), Msg: "control character U+00" + string([]byte{upperHexDigits[c>>4], upperHexDigits[c&0xF]}) + " in string"}
}

// errEscape reports the malformed escape sequence seq, which starts with
// the backslash at off and ends with the offending byte.
func errEscape(off int, seq []byte) error {
	msg := []byte(`invalid escape sequence "`)
	for _, c := range seq {
		switch {
		case c == '"':
			msg = append(msg, '\\', '"')
		case c >= 0x20 && c < 0x7f:
			msg = append(msg, c)
		default:
			msg = append(msg, '\\', 'x', hexDigits[c>>4], hexDigits[c&0xF])
		}
	}
	msg = append(msg, '"')
	return &SyntaxError{Offset: int64(off), Msg: string(msg)}
}

// quoteChar formats c as a quoted character literal, exactly as
// encoding/json does in its syntax errors.
func quoteChar(c byte) string {
	if c == '\'' {
		return `'\''`
	}
	if c == '"' {
		return `'"'`
	}
	s := strconv.Quote(string(rune(c)))
	return "'" + s[1:len(s)-1] + "'"
}
