package jsonwire

// Kind is the kind of a JSON value, as told by its first byte.
type Kind uint8

// The kinds of JSON values. KindInvalid is reported at the end of the input
// and for a byte that cannot start a JSON value.
const (
	KindInvalid Kind = iota // end of input, or a byte that cannot start a value
	KindNull                // null
	KindBool                // true or false
	KindNumber              // starts with '-' or a digit
	KindString              // starts with '"'
	KindArray               // starts with '['
	KindObject              // starts with '{'
)

var kindNames = [...]string{
	KindInvalid: "invalid",
	KindNull:    "null",
	KindBool:    "boolean",
	KindNumber:  "number",
	KindString:  "string",
	KindArray:   "array",
	KindObject:  "object",
}

// String returns the lower-case name of the kind, as used in error messages.
func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// kindOf maps the first byte of a value to its kind. A '-' or a digit maps
// to KindNumber even when the rest of the number turns out malformed.
var kindOf = [256]Kind{
	'n': KindNull,
	't': KindBool, 'f': KindBool,
	'-': KindNumber,
	'0': KindNumber, '1': KindNumber, '2': KindNumber, '3': KindNumber, '4': KindNumber,
	'5': KindNumber, '6': KindNumber, '7': KindNumber, '8': KindNumber, '9': KindNumber,
	'"': KindString,
	'[': KindArray,
	'{': KindObject,
}
