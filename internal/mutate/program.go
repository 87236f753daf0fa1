package mutate

import (
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pinpoint-events/pinpoint-events/internal/jsonvalue"
)

// Apply runs a mutation program on a JSON document and returns the result's
// bytes. A program is a list of (operation, target) byte pairs; the target
// picks a value of the document (in document order), the operation says what
// to do to it: drop it, duplicate its member, give it another type, an int64
// limit, a huge exponent, -0, the 1.0 form, escapes, invalid UTF-8, deep
// nesting, null, an unknown sibling. The output is written by hand, so it can
// hold what encoding/json cannot write: duplicate members, invalid UTF-8,
// needless escapes, numbers exactly as chosen. A fuzz target feeds it
// arbitrary programs; every output is well-formed JSON.
func Apply(doc []byte, program []byte) ([]byte, error) {
	v, err := jsonvalue.Parse(doc)
	if err != nil {
		return nil, err
	}
	root := fromValue(&v)
	for i := 0; i+1 < len(program); i += 2 {
		op, sel := program[i], int(program[i+1])
		nodes := root.walk(nil)
		target := nodes[sel%len(nodes)]
		apply(op, target, sel)
	}
	return root.appendJSON(nil), nil
}

// node is a JSON value that can hold what the output needs: member lists with
// duplicates, strings of arbitrary bytes, number literals as written.
type node struct {
	kind    jsonvalue.Kind
	str     string // string bytes (may be invalid UTF-8), or a number literal
	escape  bool   // write every non-ASCII-letter byte of the string as \u00XX
	b       bool
	items   []*node
	members []*member
	parent  *member // the member holding this value, when in an object
	owner   *node   // the object or array holding this value
}

type member struct {
	name  string
	value *node
}

func fromValue(v *jsonvalue.Value) *node {
	n := &node{kind: v.Kind, b: v.Bool}
	switch v.Kind {
	case jsonvalue.String:
		n.str = v.Str
	case jsonvalue.Number:
		n.str = v.Num.Literal()
	case jsonvalue.Array:
		for i := range v.Items {
			c := fromValue(&v.Items[i])
			c.owner = n
			n.items = append(n.items, c)
		}
	case jsonvalue.Object:
		for i := range v.Members {
			m := &member{name: v.Members[i].Name, value: fromValue(&v.Members[i].Value)}
			m.value.parent, m.value.owner = m, n
			n.members = append(n.members, m)
		}
	}
	return n
}

func (n *node) walk(out []*node) []*node {
	out = append(out, n)
	for _, c := range n.items {
		out = c.walk(out)
	}
	for _, m := range n.members {
		out = m.value.walk(out)
	}
	return out
}

// replace puts r where n stands.
func (n *node) replace(r *node) {
	r.parent, r.owner = n.parent, n.owner
	if n.parent != nil {
		n.parent.value = r
		return
	}
	if n.owner != nil {
		for i, c := range n.owner.items {
			if c == n {
				n.owner.items[i] = r
			}
		}
		return
	}
	*n = *r // the root: its children now belong to n
	for _, c := range n.items {
		c.owner = n
	}
	for _, m := range n.members {
		m.value.owner = n
	}
}

func (n *node) clone() *node {
	c := *n
	c.items, c.members = nil, nil
	for _, it := range n.items {
		ci := it.clone()
		ci.owner = &c
		c.items = append(c.items, ci)
	}
	for _, m := range n.members {
		cm := &member{name: m.name, value: m.value.clone()}
		cm.value.parent, cm.value.owner = cm, &c
		c.members = append(c.members, cm)
	}
	return &c
}

var (
	int64Limits   = []string{"9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809", "1e18", "1e19", "18446744073709551616"}
	hugeExponents = []string{"1e400", "1.5e109497998", "1e-400", "-1e9999999", "1e9999999", "12e-7"}
	zeros         = []string{"-0", "0.0", "-0.0", "0e10", "-0E-3"}
)

func apply(op byte, n *node, sel int) {
	switch op % 13 {
	case 0: // drop the member or element
		switch {
		case n.parent != nil:
			o := n.owner
			for i, m := range o.members {
				if m == n.parent {
					o.members = append(o.members[:i], o.members[i+1:]...)
					break
				}
			}
		case n.owner != nil:
			o := n.owner
			for i, c := range o.items {
				if c == n {
					o.items = append(o.items[:i], o.items[i+1:]...)
					break
				}
			}
		}
	case 1: // duplicate the member, the copy first or last, same or other value
		if n.parent == nil {
			return
		}
		o := n.owner
		dup := &member{name: n.parent.name, value: n.clone()}
		if sel%2 == 1 {
			dup.value = otherType(n, sel)
		}
		dup.value.parent, dup.value.owner = dup, o
		if sel%4 < 2 {
			o.members = append([]*member{dup}, o.members...)
		} else {
			o.members = append(o.members, dup)
		}
	case 2:
		n.replace(otherType(n, sel))
	case 3:
		n.replace(&node{kind: jsonvalue.Number, str: int64Limits[sel%len(int64Limits)]})
	case 4:
		n.replace(&node{kind: jsonvalue.Number, str: hugeExponents[sel%len(hugeExponents)]})
	case 5:
		n.replace(&node{kind: jsonvalue.Number, str: zeros[sel%len(zeros)]})
	case 6: // the same number written another way
		if n.kind == jsonvalue.Number && !strings.ContainsAny(n.str, ".eE") {
			if sel%2 == 0 {
				n.str += ".0"
			} else {
				n.str += "E0"
			}
		}
	case 7:
		if n.kind == jsonvalue.String {
			n.escape = true
		}
	case 8: // invalid UTF-8 inside a string
		if n.kind == jsonvalue.String {
			i := sel % (len(n.str) + 1)
			bad := []string{"\xff", "\xc3", "\xed\xa0\x80", "\xf4\x90\x80\x80"}[sel%4]
			n.str = n.str[:i] + bad + n.str[i:]
		}
	case 9: // deep nesting
		depth := 8 + sel*8
		deep := &node{kind: jsonvalue.Number, str: "1"}
		for i := 0; i < depth; i++ {
			if i%2 == 0 {
				deep = &node{kind: jsonvalue.Array, items: []*node{deep}}
			} else {
				m := &member{name: "d", value: deep}
				deep = &node{kind: jsonvalue.Object, members: []*member{m}}
			}
		}
		n.replace(deep)
	case 10:
		n.replace(&node{kind: jsonvalue.Null})
	case 11: // an unknown member next to the others
		if n.kind == jsonvalue.Object {
			m := &member{name: "x_unknown_" + strconv.Itoa(sel), value: otherType(&node{kind: jsonvalue.Null}, sel)}
			m.value.parent, m.value.owner = m, n
			n.members = append(n.members, m)
		}
	case 12: // empty container
		if sel%2 == 0 {
			n.replace(&node{kind: jsonvalue.Object})
		} else {
			n.replace(&node{kind: jsonvalue.Array})
		}
	}
}

// otherType returns a value of another JSON type than n's.
func otherType(n *node, sel int) *node {
	choices := []*node{
		{kind: jsonvalue.String, str: "7"},
		{kind: jsonvalue.Number, str: "7"},
		{kind: jsonvalue.Bool, b: sel%3 == 0},
		{kind: jsonvalue.Array, items: []*node{{kind: jsonvalue.String, str: "x"}}},
		{kind: jsonvalue.Object, members: []*member{{name: "k", value: &node{kind: jsonvalue.String, str: "v"}}}},
		{kind: jsonvalue.Null},
	}
	for i := 0; i < len(choices); i++ {
		c := choices[(sel+i)%len(choices)]
		if c.kind != n.kind {
			for _, it := range c.items {
				it.owner = c
			}
			for _, m := range c.members {
				m.value.parent, m.value.owner = m, c
			}
			return c
		}
	}
	return choices[0]
}

func (n *node) appendJSON(dst []byte) []byte {
	switch n.kind {
	case jsonvalue.Null:
		return append(dst, "null"...)
	case jsonvalue.Bool:
		return strconv.AppendBool(dst, n.b)
	case jsonvalue.Number:
		return append(dst, n.str...)
	case jsonvalue.String:
		return appendString(dst, n.str, n.escape)
	case jsonvalue.Array:
		dst = append(dst, '[')
		for i, c := range n.items {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = c.appendJSON(dst)
		}
		return append(dst, ']')
	}
	dst = append(dst, '{')
	for i, m := range n.members {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendString(dst, m.name, false)
		dst = append(dst, ':')
		dst = m.value.appendJSON(dst)
	}
	return append(dst, '}')
}

// appendString writes a JSON string. Bytes of invalid UTF-8 are written as
// they are (still well-formed JSON for encoding/json, which reads them as
// U+FFFD); with escape, every other character is written as \uXXXX.
func appendString(dst []byte, s string, escape bool) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[i])
		case r == '"' || r == '\\':
			dst = append(dst, '\\', byte(r))
		case r < 0x20 || (escape && r < 0x10000 && (r < 'a' || r > 'z')):
			dst = append(dst, '\\', 'u', hex[r>>12&0xf], hex[r>>8&0xf], hex[r>>4&0xf], hex[r&0xf])
		case escape && r >= 0x10000:
			r1, r2 := surrogates(r)
			for _, x := range []rune{r1, r2} {
				dst = append(dst, '\\', 'u', hex[x>>12&0xf], hex[x>>8&0xf], hex[x>>4&0xf], hex[x&0xf])
			}
		default:
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return append(dst, '"')
}

func surrogates(r rune) (rune, rune) {
	r -= 0x10000
	return 0xd800 + (r>>10)&0x3ff, 0xdc00 + r&0x3ff
}
