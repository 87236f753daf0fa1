package codec

import (
	"strconv"

	pinpointevents "github.com/pinpoint-events/pinpoint-events"
	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
)

// The functions below read one member into one field of a generated struct,
// so that a decoder's case per member is a single call. Each has a fast
// path for the value every event holds (a string for a string field, an
// integer for an integer field, an object for a struct field) taken while
// no member was kept raw yet: then there is no earlier duplicate to drop
// from rest, and no need to mark the input to rewind it. Any other value
// goes through RequiredField or OptionalField, which keep a value that
// does not fit raw in rest.
//
// A required field's presence is a bit of the struct's absent set: cleared
// when the value fits, set when it went to rest. An optional field is a
// pointer, nil when absent or raw; its new value reuses the memory the
// pointer held before, or comes from the decoder's slabs.

// RequiredString reads a member into a string field of a required property.
func RequiredString[S ~string](d *Decoder, dst *S, rest *pinpointevents.Members, name string, absent *uint64, bit uint64) error {
	if d.Peek() == jsonwire.KindString && len(*rest) == 0 {
		*absent &^= bit
		s, err := d.StringAfterPeek()
		*dst = S(s)
		return err
	}
	return RequiredField(d, dst, ReadString[S], rest, name, absent, bit)
}

// RequiredInt64 is RequiredString for an integer field.
func RequiredInt64[I ~int64](d *Decoder, dst *I, rest *pinpointevents.Members, name string, absent *uint64, bit uint64) error {
	if n, ok := d.fastInt64(len(*rest) == 0); ok {
		*absent &^= bit
		*dst = I(n)
		return nil
	}
	return RequiredField(d, dst, ReadInt64[I], rest, name, absent, bit)
}

// RequiredFloat64 is RequiredString for a number field.
func RequiredFloat64(d *Decoder, dst *float64, rest *pinpointevents.Members, name string, absent *uint64, bit uint64) error {
	if f, ok := d.fastFloat64(len(*rest) == 0); ok {
		*absent &^= bit
		*dst = f
		return nil
	}
	return RequiredField(d, dst, ReadFloat64, rest, name, absent, bit)
}

// RequiredObject is RequiredString for a struct field, read by read (the
// struct's read method, which accepts any object).
func RequiredObject[T any](d *Decoder, dst *T, read func(*T, *Decoder) (bool, error), rest *pinpointevents.Members, name string, absent *uint64, bit uint64) error {
	if d.Peek() == jsonwire.KindObject && len(*rest) == 0 {
		*absent &^= bit
		_, err := read(dst, d)
		return err
	}
	return RequiredField(d, dst, read, rest, name, absent, bit)
}

// RequiredField is Required that keeps the outcome in the absent set.
func RequiredField[T any](d *Decoder, dst *T, read func(*T, *Decoder) (bool, error), rest *pinpointevents.Members, name string, absent *uint64, bit uint64) error {
	fits, err := Required(d, dst, read, rest, name)
	*absent = setBit(*absent, bit, !fits)
	return err
}

// OptionalString reads a member into a string field of an optional
// property.
func OptionalString[S ~string](d *Decoder, dst **S, rest *pinpointevents.Members, name string) error {
	if d.Peek() == jsonwire.KindString && len(*rest) == 0 {
		p := reuseString(d, *dst)
		*dst = p
		s, err := d.StringAfterPeek()
		*p = S(s)
		return err
	}
	return OptionalField(d, dst, ReadString[S], rest, name)
}

// OptionalInt64 is OptionalString for an integer field.
func OptionalInt64[I ~int64](d *Decoder, dst **I, rest *pinpointevents.Members, name string) error {
	if n, ok := d.fastInt64(len(*rest) == 0); ok {
		p := reuseInt64(d, *dst)
		*dst = p
		*p = I(n)
		return nil
	}
	return OptionalField(d, dst, ReadInt64[I], rest, name)
}

// OptionalFloat64 is OptionalString for a number field.
func OptionalFloat64(d *Decoder, dst **float64, rest *pinpointevents.Members, name string) error {
	if f, ok := d.fastFloat64(len(*rest) == 0); ok {
		p := reuseFloat64(d, *dst)
		*dst = p
		*p = f
		return nil
	}
	return OptionalField(d, dst, ReadFloat64, rest, name)
}

// OptionalObject is OptionalString for a struct field.
func OptionalObject[T any](d *Decoder, dst **T, read func(*T, *Decoder) (bool, error), rest *pinpointevents.Members, name string) error {
	if d.Peek() == jsonwire.KindObject && len(*rest) == 0 {
		p := reuse(*dst)
		*dst = p
		_, err := read(p, d)
		return err
	}
	return OptionalField(d, dst, read, rest, name)
}

// Member reads a member into a field that is its own absent value (a
// slice, a map, a lazily decoded struct): a value that does not fit goes to
// rest and leaves the field zero.
func Member[T any](d *Decoder, dst *T, read func(*T, *Decoder) (bool, error), rest *pinpointevents.Members, name string) error {
	_, err := Required(d, dst, read, rest, name)
	return err
}

// Clear zeroes the field dst when absent is true: the decoder's last step,
// for the fields whose member the input lacked (decoding writes only the
// members present, into the memory the value already has).
func Clear[T any](dst *T, absent bool) {
	if absent {
		var zero T
		*dst = zero
	}
}

// DecodeObject is Decode for the read method of a generated struct: the
// body of every UnmarshalJSONWith.
func DecodeObject(data []byte, opts pinpointevents.DecodeOptions, read func(*Decoder) (bool, error)) error {
	return Decode(data, opts, func(d *Decoder) error {
		_, err := read(d)
		return err
	})
}

// RequiredConst is RequiredString for a string property with a const: a
// value that fits but differs is decoded all the same, and reported by
// Decode once the whole event is read.
func RequiredConst(d *Decoder, dst *string, want string, rest *pinpointevents.Members, name string, absent *uint64, bit uint64) error {
	at := d.Start()
	err := RequiredString(d, dst, rest, name, absent, bit)
	if err == nil && *absent&bit == 0 && *dst != want {
		d.ConstMismatch(at, strconv.Quote(*dst), strconv.Quote(want))
	}
	return err
}

// OptionalConst is RequiredConst for an optional property.
func OptionalConst(d *Decoder, dst **string, want string, rest *pinpointevents.Members, name string) error {
	at := d.Start()
	err := OptionalString(d, dst, rest, name)
	if err == nil && *dst != nil && **dst != want {
		d.ConstMismatch(at, strconv.Quote(**dst), strconv.Quote(want))
	}
	return err
}

// BeginStruct begins the object that comes next, for the read method of a
// generated struct. It reports false, having read nothing, when the next
// value is of another kind (the caller's caller keeps it raw), and false
// with the error when the input is malformed.
func (d *Decoder) BeginStruct() (bool, error) {
	if d.Peek() != jsonwire.KindObject {
		return false, nil
	}
	if err := d.BeginObject(); err != nil {
		return false, err
	}
	return true, nil
}
