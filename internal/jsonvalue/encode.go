package jsonvalue

import (
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// AppendJSON appends v to dst as compact JSON. Numbers keep the literal they
// were written with, members keep their order, and strings are escaped
// exactly as encoding/json escapes them with SetEscapeHTML(false).
func (v Value) AppendJSON(dst []byte) []byte {
	switch v.kind() {
	case Bool:
		return strconv.AppendBool(dst, v.Bool)
	case Number:
		return append(dst, v.Num.Literal()...)
	case String:
		return appendString(dst, v.Str)
	case Array:
		dst = append(dst, '[')
		for i, item := range v.Elems() {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = item.AppendJSON(dst)
		}
		return append(dst, ']')
	case Object:
		dst = append(dst, '{')
		for i, m := range v.Fields() {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendString(dst, m.Name)
			dst = append(dst, ':')
			dst = m.Value.AppendJSON(dst)
		}
		return append(dst, '}')
	}
	return append(dst, "null"...)
}

// appendString appends s as a JSON string literal, escaped as encoding/json
// escapes it with HTML escaping off, so that output can be compared with
// encoding/json's byte for byte.
func appendString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	start := 0 // s[start:i] is still to be copied unchanged
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		invalid := r == utf8.RuneError && size == 1
		if r >= 0x20 && r != '"' && r != '\\' && r != '\u2028' && r != '\u2029' && !invalid {
			i += size
			continue
		}
		dst = append(dst, s[start:i]...)
		switch {
		case r == '"' || r == '\\':
			dst = append(dst, '\\', byte(r))
		case r == '\b':
			dst = append(dst, `\b`...)
		case r == '\f':
			dst = append(dst, `\f`...)
		case r == '\n':
			dst = append(dst, `\n`...)
		case r == '\r':
			dst = append(dst, `\r`...)
		case r == '\t':
			dst = append(dst, `\t`...)
		case invalid:
			dst = append(dst, `\ufffd`...)
		default:
			// Other control characters, and U+2028 and U+2029, which
			// are valid JSON but end lines in JavaScript.
			dst = append(dst, '\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// AppendKey appends to dst a key for v such that two values have the same key
// exactly when Equal reports them equal. Comparing keys, or using them as map
// keys, finds duplicates among n values in linear time where comparing all
// pairs with Equal takes quadratic time; uniqueItems and enum over large
// instances need that. The key is opaque binary data, not JSON.
//
// Objects are expected to have distinct member names, as for Equal.
func (v Value) AppendKey(dst []byte) []byte {
	// Every encoding starts with a tag byte for the type and delimits
	// itself (numbers end with ';', strings carry their length, arrays and
	// objects end with a bracket that no encoding starts with), so a
	// sequence of keys determines the values it was made from.
	switch v.kind() {
	case Bool:
		if v.Bool {
			return append(dst, 't')
		}
		return append(dst, 'f')
	case Number:
		dst = append(dst, '#')
		dst = v.Num.appendCanonical(dst)
		return append(dst, ';')
	case String:
		return appendKeyString(dst, v.Str)
	case Array:
		dst = append(dst, '[')
		for _, item := range v.Elems() {
			dst = item.AppendKey(dst)
		}
		return append(dst, ']')
	case Object:
		// Member order does not matter to Equal, so it must not matter
		// here: members go in order of name.
		members := slices.Clone(v.Fields())
		slices.SortFunc(members, func(a, b Member) int { return strings.Compare(a.Name, b.Name) })
		dst = append(dst, '{')
		for _, m := range members {
			dst = appendKeyString(dst, m.Name)
			dst = m.Value.AppendKey(dst)
		}
		return append(dst, '}')
	}
	return append(dst, 'n')
}

// appendKeyString appends the key of the string s: a tag, its length and its
// bytes. Unlike a JSON literal this keeps distinct invalid UTF-8 strings
// distinct, as Equal does.
func appendKeyString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	dst = strconv.AppendInt(dst, int64(len(s)), 10)
	dst = append(dst, ':')
	return append(dst, s...)
}

// AppendJSONPrefix appends v as AppendJSON does, but stops soon after it has
// appended more than n bytes: what it appends is all of AppendJSON's output,
// or a prefix of it longer than n bytes. A message that shows the start of a
// value pays for no more of it, however large the value, and parses no more
// of a value from ParseLazy than it shows.
func (v Value) AppendJSONPrefix(dst []byte, n int) []byte {
	return prefixWriter{limit: len(dst) + n}.value(dst, v)
}

// prefixWriter writes the JSON of values until dst is longer than limit.
type prefixWriter struct{ limit int }

func (w prefixWriter) full(dst []byte) bool { return len(dst) > w.limit }

// close appends the closing bracket of an array or object, unless a value
// in it stopped the writing: nothing may follow the prefix.
func (w prefixWriter) close(dst []byte, bracket byte) []byte {
	if w.full(dst) {
		return dst
	}
	return append(dst, bracket)
}

func (w prefixWriter) value(dst []byte, v Value) []byte {
	switch v.kind() {
	case Array:
		if v.unparsed != nil {
			return w.lazyArray(dst, v.unparsed)
		}
		dst = append(dst, '[')
		for i, item := range v.Items {
			if w.full(dst) {
				return dst
			}
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = w.value(dst, item)
		}
		return w.close(dst, ']')
	case Object:
		if v.unparsed != nil {
			return w.lazyObject(dst, v.unparsed)
		}
		dst = append(dst, '{')
		for i, m := range v.Members {
			if w.full(dst) {
				return dst
			}
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendString(dst, m.Name)
			dst = append(dst, ':')
			dst = w.value(dst, m.Value)
		}
		return w.close(dst, '}')
	}
	return v.AppendJSON(dst)
}

// lazyArray writes an unparsed array element by element, parsing no more
// elements than it writes.
func (w prefixWriter) lazyArray(dst []byte, t *lazyText) []byte {
	p := t.levelParser()
	dst = append(dst, '[')
	for i := 0; ; i++ {
		if w.full(dst) {
			return dst
		}
		item, more := p.nextElement()
		if !more {
			return w.close(dst, ']')
		}
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = w.value(dst, item)
	}
}

// lazyObject writes an unparsed object member by member. A member whose
// name occurs again later takes the value of the last occurrence, at the
// position of the first (see Value.Members), which costs a look through the
// rest of the object for each member written.
func (w prefixWriter) lazyObject(dst []byte, t *lazyText) []byte {
	p := t.levelParser()
	dst = append(dst, '{')
	var written []string
	for i := 0; ; i++ {
		if w.full(dst) {
			return dst
		}
		name, value, more := p.nextMember()
		if !more {
			return w.close(dst, '}')
		}
		if slices.Contains(written, name) {
			continue
		}
		later := p // a copy: the look ahead leaves p where it is
		for {
			n, v, more := later.nextMember()
			if !more {
				break
			}
			if n == name {
				value = v
			}
		}
		if len(written) > 0 {
			dst = append(dst, ',')
		}
		written = append(written, name)
		dst = appendString(dst, name)
		dst = append(dst, ':')
		dst = w.value(dst, value)
	}
}
