package jsonvalue

import (
	"cmp"
	"slices"
	"unsafe"

	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
)

// MaxDepth is the deepest nesting of arrays and objects that Parse accepts:
// the decoders' limit, which is also encoding/json's, so that all of them
// accept the same documents.
const MaxDepth = jsonwire.MaxDepth

// Parse parses a JSON document: exactly one value, optionally surrounded by
// whitespace. It accepts the same documents as encoding/json (json.Valid),
// nested at most MaxDepth deep, and unescapes strings as encoding/json does,
// replacing each byte of invalid UTF-8 and each unpaired surrogate escape
// with U+FFFD. Errors are of type *jsonwire.SyntaxError: the grammar is the
// decoders' own, read with their tokenizer.
//
// The strings in the result share memory with one copy of data.
func Parse(data []byte) (Value, error) {
	// Working on a string lets member names, unescaped strings and number
	// literals be substrings of one copy of the input instead of separate
	// allocations.
	p := newParser(string(data), 0, len(data))
	// The check comes first, in the decoders' skipping loop, so that Parse
	// and ParseLazy report the same error for the same input.
	check := p.d
	if err := check.Skip(); err != nil {
		return Value{}, err
	}
	if err := check.End(); err != nil {
		return Value{}, err
	}
	return p.value()
}

// ParseLazy is Parse for a value that may be large and need not be looked
// at whole: it checks all of data, as Parse does, but leaves each array and
// object unparsed until Elems or Fields asks for its contents, and then
// parses one level. A validator that rejects a member for its kind alone
// then never builds the member's contents: a megabyte array of zeros would
// take a Value per element, over a hundred times the size of the text.
//
// Items and Members of a Value from ParseLazy are nil until Elems or Fields
// (which take a pointer and keep what they parsed) has been called on it;
// every function of this package but those reads them as needed, without
// keeping them.
func ParseLazy(data []byte) (Value, error) {
	doc := &document{text: string(data)}
	p := newParser(doc.text, 0, len(data))
	p.d.Peek() // past the leading whitespace
	start := p.d.Offset()
	ends, err := p.d.SkipSpans(indexMin, nil)
	if err != nil {
		return Value{}, err
	}
	if err := p.d.End(); err != nil {
		return Value{}, err
	}
	doc.ends = ends
	return doc.value(start, p.d.Offset()), nil
}

// document is the text of a ParseLazy, with the offsets where its large
// arrays and objects end. Parsing a level finds the end of each array or
// object in it there, instead of scanning it again, so that parsing every
// level of a deeply nested document costs time linear in its size; scanning
// a small one again costs little, and it can be nested in no more than
// indexMin/2 levels of small ones.
type document struct {
	text string
	ends []jsonwire.Span // by start; every array and object of indexMin bytes or more
}

// indexMin is the size from which an array or object is in document.ends.
const indexMin = 64

// lazyText is the text of an array or object whose contents are not parsed
// yet: doc.text[start:end].
type lazyText struct {
	doc        *document
	start, end int
}

// value returns the value of d.text[start:end], a well-formed JSON value,
// with an array or object left unparsed.
func (d *document) value(start, end int) Value {
	switch d.text[start] {
	case '[':
		return Value{Kind: Array, unparsed: &lazyText{d, start, end}}
	case '{':
		return Value{Kind: Object, unparsed: &lazyText{d, start, end}}
	}
	p := newParser(d.text, start, end)
	v, err := p.value()
	if err != nil {
		// The text was checked: this cannot happen, and a null is as good
		// as anything if it did.
		return Value{Kind: Null}
	}
	return v
}

// end returns the end of the array or object that starts at start, when it
// is a large one.
func (d *document) end(start int) (int, bool) {
	i, found := slices.BinarySearchFunc(d.ends, start, func(s jsonwire.Span, start int) int { return cmp.Compare(s.Start, start) })
	if !found {
		return 0, false
	}
	return d.ends[i].End, true
}

// Elems returns the elements of an array, parsing them first if v came
// from ParseLazy and they were not yet.
func (v *Value) Elems() []Value {
	if v.unparsed != nil && v.Kind == Array {
		v.Items = v.unparsed.parseLevel().Items
		v.unparsed = nil
	}
	return v.Items
}

// Fields returns the members of an object, parsing them first if v came
// from ParseLazy and they were not yet.
func (v *Value) Fields() []Member {
	if v.unparsed != nil && v.Kind == Object {
		v.Members = v.unparsed.parseLevel().Members
		v.unparsed = nil
	}
	return v.Members
}

// parseLevel parses the array or object, leaving the arrays and objects
// inside it unparsed.
func (t *lazyText) parseLevel() Value {
	p := newParser(t.doc.text, t.start, t.end)
	p.lazy, p.doc = true, t.doc
	v, err := p.value()
	if err != nil {
		return Value{Kind: Null} // see document.value
	}
	return v
}

// levelParser returns a parser inside the array or object, before its
// first element or member, which reads its contents one at a time
// (nextElement, nextMember) with the arrays and objects in them left
// unparsed.
func (t *lazyText) levelParser() parser {
	p := newParser(t.doc.text, t.start, t.end)
	p.lazy, p.doc = true, t.doc
	if t.doc.text[t.start] == '[' {
		p.d.BeginArray()
	} else {
		p.d.BeginObject()
	}
	return p
}

// nextElement reads the next element of a checked array; more is false at
// its end.
func (p *parser) nextElement() (item Value, more bool) {
	if more, err := p.d.NextElement(); !more || err != nil {
		return Value{}, false
	}
	item, err := p.element()
	return item, err == nil
}

// nextMember is nextElement for the members of a checked object.
func (p *parser) nextMember() (name string, value Value, more bool) {
	b, more, err := p.d.NextMember()
	if !more || err != nil {
		return "", Value{}, false
	}
	name = p.str(b)
	value, err = p.element()
	return name, value, err == nil
}

// parser builds Values from what a jsonwire.Decoder reads; its recursion is
// bounded by MaxDepth, which the Decoder enforces.
type parser struct {
	text string // the whole document; d reads a part of it
	base int    // the offset in text where what d reads starts
	d    jsonwire.Decoder
	// lazy leaves the arrays and objects inside the one parsed unparsed,
	// to parse when asked (Elems, Fields).
	lazy bool
	// doc is the document of ParseLazy, with the ends of its large arrays
	// and objects, which a lazy parse looks up.
	doc *document
}

// newParser returns a parser of text[start:end].
func newParser(text string, start, end int) parser {
	p := parser{text: text, base: start}
	part := text[start:end]
	p.d.Reset(unsafe.Slice(unsafe.StringData(part), len(part))) // only read
	return p
}

// offset returns the offset in text of the next unread byte.
func (p *parser) offset() int { return p.base + p.d.Offset() }

// str returns b, which the Decoder returned, as a string: a substring of
// text when b is a part of it (a string or name that unescaping left as it
// was, a number literal), which costs no allocation, and a copy otherwise
// (b is then in the Decoder's scratch buffer).
func (p *parser) str(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	off := uintptr(unsafe.Pointer(unsafe.SliceData(b))) - uintptr(unsafe.Pointer(unsafe.StringData(p.text)))
	if off < uintptr(len(p.text)) {
		return p.text[off : int(off)+len(b)]
	}
	return string(b)
}

// value parses the value at the Decoder's position.
func (p *parser) value() (Value, error) {
	d := &p.d
	k := d.Peek()
	switch {
	case k == jsonwire.KindObject:
		return p.object()
	case k == jsonwire.KindArray:
		return p.array()
	case k == jsonwire.KindString:
		b, err := d.StringBytes()
		if err != nil {
			return Value{}, err
		}
		return Value{Kind: String, Str: p.str(b)}, nil
	case k == jsonwire.KindNumber:
		lit, err := d.Number()
		if err != nil {
			return Value{}, err
		}
		return Value{Kind: Number, Num: decimalFromLiteral(p.str(lit))}, nil
	case k == jsonwire.KindBool:
		b, err := d.Bool()
		return Value{Kind: Bool, Bool: b}, err
	case k == jsonwire.KindNull:
		return Value{Kind: Null}, d.Null()
	}
	// The end of the input or a byte that cannot start a value: Skip
	// reports which.
	return Value{}, d.Skip()
}

// array parses the array at the Decoder's position.
func (p *parser) array() (Value, error) {
	if err := p.d.BeginArray(); err != nil {
		return Value{}, err
	}
	v := Value{Kind: Array}
	for {
		more, err := p.d.NextElement()
		if err != nil {
			return Value{}, err
		}
		if !more {
			break
		}
		item, err := p.element()
		if err != nil {
			return Value{}, err
		}
		v.Items = append(v.Items, item)
	}
	return v, nil
}

// object parses the object at the Decoder's position.
func (p *parser) object() (Value, error) {
	if err := p.d.BeginObject(); err != nil {
		return Value{}, err
	}
	v := Value{Kind: Object}
	var index map[string]int // member name -> position in v.Members, once there are many
	for {
		b, more, err := p.d.NextMember()
		if err != nil {
			return Value{}, err
		}
		if !more {
			break
		}
		name := p.str(b) // before the Decoder reuses its scratch buffer
		member, err := p.element()
		if err != nil {
			return Value{}, err
		}
		if k, dup := p.find(v.Members, index, name); dup {
			v.Members[k].Value = member // see Value.Members
			continue
		}
		v.Members = append(v.Members, Member{Name: name, Value: member})
		index = p.indexed(v.Members, index)
	}
	return v, nil
}

// linearMax is the number of members up to which looking a name up among
// them costs less than a map: most objects of an event have a few.
const linearMax = 16

// find returns the position of the member called name, looking in index
// once there is one.
func (p *parser) find(members []Member, index map[string]int, name string) (int, bool) {
	if index != nil {
		k, ok := index[name]
		return k, ok
	}
	for k := range members {
		if members[k].Name == name {
			return k, true
		}
	}
	return 0, false
}

// indexed returns index with the last of members added, made when members
// outgrow linearMax, so that objects with many members stay linear to
// parse.
func (p *parser) indexed(members []Member, index map[string]int) map[string]int {
	switch {
	case index != nil:
		index[members[len(members)-1].Name] = len(members) - 1
	case len(members) > linearMax:
		index = make(map[string]int, 2*len(members))
		for k, m := range members {
			index[m.Name] = k
		}
	}
	return index
}

// element parses an element of an array or the value of a member: as
// value does, but an array or object is only skipped, and kept as text,
// when p.lazy is set.
func (p *parser) element() (Value, error) {
	if !p.lazy {
		return p.value()
	}
	if k := p.d.Peek(); k != jsonwire.KindArray && k != jsonwire.KindObject {
		return p.value()
	}
	start := p.offset()
	if end, ok := p.doc.end(start); ok {
		p.d.SkipTo(end - p.base)
		return p.doc.value(start, end), nil
	}
	// A small array or object (the text was checked when it was first
	// parsed): skipping it again costs little.
	if err := p.d.Skip(); err != nil {
		return Value{}, err
	}
	return p.doc.value(start, p.offset()), nil
}
