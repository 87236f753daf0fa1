// Package jsonvalue is the value model that generated JSON Schema (draft
// 2020-12) validation code runs over.
//
// JSON Schema compares numbers by mathematical value (1, 1.0 and 1e0 are the
// same number, 1e400 is an integer, and 19.99 is a multiple of 0.01), so
// numbers are kept as exact decimals (Decimal) instead of float64. No
// operation allocates memory or spends time in proportion to a number's
// exponent, so hostile literals such as 1e999999999999 are harmless.
//
// Parse accepts exactly the documents encoding/json accepts and unescapes
// strings exactly as it does, so a validator built on this package sees the
// same data the application decoding the document with encoding/json sees.
//
// This package is meant for the slow path (unusual values, the conformance
// runner); it favours clarity over speed but never does work that is
// quadratic in the size of its input.
package jsonvalue

import (
	"slices"
	"strconv"
	"unicode/utf8"
)

// Kind is the JSON type of a Value.
type Kind uint8

// The six JSON types. The zero Kind is not among them; see Value.
const (
	Null Kind = iota + 1
	Bool
	Number
	String
	Array
	Object
)

// String returns the JSON Schema name of the type: "null", "boolean",
// "number", "string", "array" or "object".
func (k Kind) String() string {
	switch k {
	case Null:
		return "null"
	case Bool:
		return "boolean"
	case Number:
		return "number"
	case String:
		return "string"
	case Array:
		return "array"
	case Object:
		return "object"
	}
	return "Kind(" + strconv.Itoa(int(k)) + ")"
}

// Value is a parsed JSON value. Only the field that belongs to Kind is
// meaningful.
//
// A Value whose Kind is not one of the six JSON types, such as the zero
// Value, is treated as null by every function in this package, so that no
// Value can make them fail.
//
// The arrays and objects of a Value from ParseLazy hold their contents
// unparsed, Items and Members nil, until Elems or Fields parses them.
type Value struct {
	Kind  Kind
	Bool  bool    // Kind == Bool
	Str   string  // Kind == String: the unescaped string
	Num   Decimal // Kind == Number
	Items []Value // Kind == Array

	// Members holds the members of an object (Kind == Object) in input
	// order, with distinct names. For a name that occurs more than once in
	// the input, the last value wins and sits at the position of the first
	// occurrence: that is what encoding/json stores in a map or struct, and
	// validating anything else would let a document pass validation with a
	// value the application never sees.
	Members []Member

	// unparsed is the JSON text of an array or object from ParseLazy whose
	// contents are not parsed yet (Items and Members are nil until then).
	unparsed *lazyText
}

// Member is a member of a JSON object.
type Member struct {
	Name  string
	Value Value
}

// kind returns v.Kind, with unknown kinds mapped to Null (see Value).
func (v Value) kind() Kind {
	if v.Kind < Null || v.Kind > Object {
		return Null
	}
	return v.Kind
}

// Lookup returns the value of the object member called name. It reports
// false if v is not an object or has no such member.
func (v Value) Lookup(name string) (Value, bool) {
	if v.kind() != Object {
		return Value{}, false
	}
	for _, m := range v.Fields() {
		if m.Name == name {
			return m.Value, true
		}
	}
	return Value{}, false
}

// IsInteger reports whether v is a number with an integral value, which is
// what JSON Schema's "integer" type means: 1.0 and 1e400 are integers, 1.5
// and 1e-400 are not.
func (v Value) IsInteger() bool {
	return v.kind() == Number && v.Num.IsInteger()
}

// TypeName returns the most specific JSON Schema type name of v: "integer"
// for numbers with an integral value, and the Kind's name otherwise.
func (v Value) TypeName() string {
	if v.IsInteger() {
		return "integer"
	}
	return v.kind().String()
}

// Equal reports whether a and b are equal in the sense of JSON Schema (used
// by const, enum and uniqueItems): they have the same type, and numbers are
// equal by value (1 == 1.0), strings byte for byte, arrays element by
// element, and objects have the same member names with equal values,
// regardless of order. true and 1 are not equal.
//
// Objects are expected to have distinct member names, as Parse and FromAny
// guarantee.
func Equal(a, b Value) bool {
	if a.kind() != b.kind() {
		return false
	}
	switch a.kind() {
	case Bool:
		return a.Bool == b.Bool
	case Number:
		return a.Num.Cmp(b.Num) == 0
	case String:
		return a.Str == b.Str
	case Array:
		return slices.EqualFunc(a.Elems(), b.Elems(), Equal)
	case Object:
		am, bm := a.Fields(), b.Fields()
		if len(am) != len(bm) {
			return false
		}
		// Looking names up in a map rather than with Lookup keeps the
		// comparison of large objects linear.
		byName := make(map[string]*Value, len(bm))
		for i := range bm {
			byName[bm[i].Name] = &bm[i].Value
		}
		for _, m := range am {
			bv, ok := byName[m.Name]
			if !ok || !Equal(m.Value, *bv) {
				return false
			}
		}
		return true
	}
	return true // null
}

// RuneCount returns the number of Unicode code points in s, which is the
// length that JSON Schema's minLength and maxLength constrain. Invalid UTF-8
// counts one per byte, as in utf8.RuneCountInString; strings from Parse are
// always valid UTF-8.
func RuneCount(s string) int {
	return utf8.RuneCountInString(s)
}
