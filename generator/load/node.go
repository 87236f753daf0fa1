package load

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// A node is one JSON value of a schema document, with the byte offset where it
// starts. Object members keep the order of the file: the Go field order of a
// generated struct is the property order the schema author wrote, which a
// map[string]any (all that santhosh-tekuri hands back) cannot give.
type node struct {
	kind   nodeKind
	str    string   // string value, or the literal of a number
	boolV  bool     // boolean value
	items  []*node  // array elements
	keys   []string // object member names, in file order
	vals   []*node  // object member values, parallel to keys
	offset int      // byte offset of the value in its file
	raw    json.RawMessage
}

type nodeKind uint8

const (
	nullNode nodeKind = iota + 1
	boolNode
	numberNode
	stringNode
	arrayNode
	objectNode
)

func (k nodeKind) String() string {
	switch k {
	case nullNode:
		return "null"
	case boolNode:
		return "boolean"
	case numberNode:
		return "number"
	case stringNode:
		return "string"
	case arrayNode:
		return "array"
	case objectNode:
		return "object"
	}
	return "invalid"
}

// member returns the value of an object member, or nil.
func (n *node) member(name string) *node {
	for i, k := range n.keys {
		if k == name {
			return n.vals[i]
		}
	}
	return nil
}

// parseNode parses one JSON document, keeping member order and offsets.
// Duplicate member names are an error: in a schema they are always a mistake.
func parseNode(data []byte) (*node, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	p := &nodeParser{data: data, dec: dec}
	n, err := p.value()
	if err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err == nil {
		return nil, fmt.Errorf("offset %d: more than one JSON value", dec.InputOffset())
	}
	return n, nil
}

type nodeParser struct {
	data []byte
	dec  *json.Decoder
}

// start returns the offset where the next value begins: the decoder's offset
// is the end of the previous token, so skip what separates tokens.
func (p *nodeParser) start() int {
	off := int(p.dec.InputOffset())
	for off < len(p.data) && strings.IndexByte(" \t\r\n:,", p.data[off]) >= 0 {
		off++
	}
	return off
}

func (p *nodeParser) value() (*node, error) {
	off := p.start()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, fmt.Errorf("offset %d: %w", off, err)
	}
	n := &node{offset: off}
	switch t := tok.(type) {
	case nil:
		n.kind = nullNode
	case bool:
		n.kind, n.boolV = boolNode, t
	case json.Number:
		n.kind, n.str = numberNode, string(t)
	case string:
		n.kind, n.str = stringNode, t
	case json.Delim:
		switch t {
		case '[':
			n.kind = arrayNode
			for p.dec.More() {
				item, err := p.value()
				if err != nil {
					return nil, err
				}
				n.items = append(n.items, item)
			}
		case '{':
			n.kind = objectNode
			for p.dec.More() {
				keyOff := p.start()
				tok, err := p.dec.Token()
				if err != nil {
					return nil, fmt.Errorf("offset %d: %w", keyOff, err)
				}
				key := tok.(string)
				if n.member(key) != nil {
					return nil, fmt.Errorf("offset %d: duplicate member %q", keyOff, key)
				}
				val, err := p.value()
				if err != nil {
					return nil, err
				}
				n.keys = append(n.keys, key)
				n.vals = append(n.vals, val)
			}
		}
		if _, err := p.dec.Token(); err != nil { // the closing delimiter
			return nil, fmt.Errorf("offset %d: %w", p.dec.InputOffset(), err)
		}
	}
	n.raw = json.RawMessage(bytes.TrimSpace(p.data[off:p.dec.InputOffset()]))
	return n, nil
}

// compactJSON returns the node as compact JSON text.
func (n *node) compactJSON() string {
	var b bytes.Buffer
	if err := json.Compact(&b, n.raw); err != nil {
		panic("load: compacting a parsed node: " + err.Error()) // the node was parsed from valid JSON
	}
	return b.String()
}

// toAny converts the node to the map/slice/json.Number form santhosh-tekuri
// compiles.
func (n *node) toAny() any {
	switch n.kind {
	case boolNode:
		return n.boolV
	case numberNode:
		return json.Number(n.str)
	case stringNode:
		return n.str
	case arrayNode:
		out := make([]any, len(n.items))
		for i, it := range n.items {
			out[i] = it.toAny()
		}
		return out
	case objectNode:
		out := make(map[string]any, len(n.keys))
		for i, k := range n.keys {
			out[k] = n.vals[i].toAny()
		}
		return out
	}
	return nil
}

// lineCol turns a byte offset into a 1-based line and column.
func lineCol(data []byte, off int) (line, col int) {
	if off > len(data) {
		off = len(data)
	}
	line = 1 + bytes.Count(data[:off], []byte{'\n'})
	col = off + 1
	if i := bytes.LastIndexByte(data[:off], '\n'); i >= 0 {
		col = off - i
	}
	return line, col
}

// escapePointerToken escapes one JSON pointer reference token (RFC 6901).
func escapePointerToken(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// unescapePointerToken reverses escapePointerToken.
func unescapePointerToken(s string) (string, error) {
	for i := 0; i < len(s); i++ {
		if s[i] == '~' && (i+1 == len(s) || (s[i+1] != '0' && s[i+1] != '1')) {
			return "", fmt.Errorf("invalid JSON pointer token %q", s)
		}
	}
	return strings.NewReplacer("~1", "/", "~0", "~").Replace(s), nil
}

// lookupPointer follows a JSON pointer (already percent-decoded) from n.
func lookupPointer(n *node, ptr string) (*node, error) {
	if ptr == "" {
		return n, nil
	}
	if ptr[0] != '/' {
		return nil, fmt.Errorf("JSON pointer %q does not start with /", ptr)
	}
	cur := n
	for _, raw := range strings.Split(ptr[1:], "/") {
		tok, err := unescapePointerToken(raw)
		if err != nil {
			return nil, err
		}
		switch cur.kind {
		case objectNode:
			next := cur.member(tok)
			if next == nil {
				return nil, fmt.Errorf("JSON pointer %q: no member %q", ptr, tok)
			}
			cur = next
		case arrayNode:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(cur.items) || (len(tok) > 1 && tok[0] == '0') {
				return nil, fmt.Errorf("JSON pointer %q: no element %q", ptr, tok)
			}
			cur = cur.items[i]
		default:
			return nil, fmt.Errorf("JSON pointer %q: cannot descend into a %s", ptr, cur.kind)
		}
	}
	return cur, nil
}
