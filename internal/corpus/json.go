package corpus

import (
	"bytes"
	"strconv"
	"unicode/utf8"
)

// obj is a JSON object whose members keep the order they were added in, as
// Pinpoint writes them (event_type first).
type obj []member

// member is one name/value pair of an obj.
type member struct {
	key string
	val any
}

// The values an obj holds: nil, string, bool, int, int64, float64, num,
// doc, obj, []string and []any.
type (
	// num is a JSON number written exactly as given, such as 1.0.
	num string
	// doc is a JSON document written inside a string, as Pinpoint writes
	// client_context.custom.endpoint and customer_context.
	doc obj
)

// index returns the position of the member named key, or -1.
func (o obj) index(key string) int {
	for i := range o {
		if o[i].key == key {
			return i
		}
	}
	return -1
}

// appendValue appends the compact JSON of v to b.
func appendValue(b []byte, v any) []byte {
	switch v := v.(type) {
	case nil:
		return append(b, "null"...)
	case string:
		return appendString(b, v)
	case bool:
		return strconv.AppendBool(b, v)
	case int:
		return strconv.AppendInt(b, int64(v), 10)
	case int64:
		return strconv.AppendInt(b, v, 10)
	case float64:
		return appendFloat(b, v)
	case num:
		return append(b, v...)
	case doc:
		return appendString(b, string(appendValue(nil, obj(v))))
	case obj:
		b = append(b, '{')
		for i, m := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, m.key)
			b = append(b, ':')
			b = appendValue(b, m.val)
		}
		return append(b, '}')
	case []string:
		b = append(b, '[')
		for i, s := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendString(b, s)
		}
		return append(b, ']')
	case []any:
		b = append(b, '[')
		for i, x := range v {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendValue(b, x)
		}
		return append(b, ']')
	}
	panic("corpus: no JSON form for a value of this type")
}

// appendFloat writes f as the shortest decimal that reads back as f, with
// ".0" on whole numbers, as the AWS samples show them (645.0).
func appendFloat(b []byte, f float64) []byte {
	start := len(b)
	b = strconv.AppendFloat(b, f, 'f', -1, 64)
	if bytes.IndexByte(b[start:], '.') < 0 {
		b = append(b, ".0"...)
	}
	return b
}

// appendString writes s as a JSON string. Only what JSON requires is
// escaped: quote, backslash and control characters; <, > and & stay as they
// are, as in Pinpoint's events.
func appendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c == '\n':
			b = append(b, '\\', 'n')
		case c == '\r':
			b = append(b, '\\', 'r')
		case c == '\t':
			b = append(b, '\\', 't')
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		case c < utf8.RuneSelf:
			b = append(b, c)
		default:
			// Every string here is valid UTF-8: copy the rune whole.
			_, n := utf8.DecodeRuneInString(s[i:])
			b = append(b, s[i:i+n]...)
			i += n - 1
		}
	}
	return append(b, '"')
}

// update finds the member at path (member names from o down) and replaces
// its value by f's; when f says not to keep it, the member is removed. It
// returns the new o and whether path was found.
func update(o obj, path []string, f func(any) (v any, keep bool)) (obj, bool) {
	i := o.index(path[0])
	if i < 0 {
		return o, false
	}
	if len(path) > 1 {
		child, ok := o[i].val.(obj)
		if !ok {
			return o, false
		}
		child, ok = update(child, path[1:], f)
		if ok {
			o[i].val = child
		}
		return o, ok
	}
	v, keep := f(o[i].val)
	if !keep {
		return append(o[:i:i], o[i+1:]...), true
	}
	o[i].val = v
	return o, true
}

// lookup returns the value at path, with false when there is none.
func lookup(o obj, path []string) (any, bool) {
	var v any = o
	for _, k := range path {
		cur, ok := v.(obj)
		if !ok {
			return nil, false
		}
		i := cur.index(k)
		if i < 0 {
			return nil, false
		}
		v = cur[i].val
	}
	return v, true
}
