package codec

import (
	"strconv"

	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
)

// The functions below append one member of a generated struct, so that an
// encoder's line per field is a single call. key is the member's name as
// JSON with the ',' before it and the ':' after it (CloseObject turns the
// first ',' into the '{'). A required field is written when present is true
// (its member was read, or the value was set); an optional one when its
// pointer is not nil.

// AppendString appends a string member.
func AppendString[S ~string](b []byte, key string, v S, present bool) []byte {
	if !present {
		return b
	}
	return jsonwire.AppendString(append(b, key...), string(v))
}

// AppendStringPtr appends a string member of an optional property.
func AppendStringPtr[S ~string](b []byte, key string, v *S) []byte {
	if v == nil {
		return b
	}
	return jsonwire.AppendString(append(b, key...), string(*v))
}

// AppendInt64 appends an integer member.
func AppendInt64[I ~int64](b []byte, key string, v I, present bool) []byte {
	if !present {
		return b
	}
	return strconv.AppendInt(append(b, key...), int64(v), 10)
}

// AppendInt64Ptr appends an integer member of an optional property.
func AppendInt64Ptr[I ~int64](b []byte, key string, v *I) []byte {
	if v == nil {
		return b
	}
	return strconv.AppendInt(append(b, key...), int64(*v), 10)
}

// AppendBool appends a true or false member.
func AppendBool(b []byte, key string, v bool, present bool) []byte {
	if !present {
		return b
	}
	return strconv.AppendBool(append(b, key...), v)
}

// AppendBoolPtr appends a true or false member of an optional property.
func AppendBoolPtr(b []byte, key string, v *bool) []byte {
	if v == nil {
		return b
	}
	return strconv.AppendBool(append(b, key...), *v)
}

// AppendFloat64 appends a number member; a float JSON cannot hold is
// written as null and kept for w.Err.
func (w *Writer) AppendFloat64(b []byte, key string, v float64, present bool) []byte {
	if !present {
		return b
	}
	return w.Float64(append(b, key...), v)
}

// AppendFloat64Ptr appends a number member of an optional property.
func (w *Writer) AppendFloat64Ptr(b []byte, key string, v *float64) []byte {
	if v == nil {
		return b
	}
	return w.Float64(append(b, key...), *v)
}
