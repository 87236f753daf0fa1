package jsonvalue

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
)

// MaxDepth is the deepest nesting of arrays and objects that Parse accepts.
// It is the limit encoding/json enforces, so that both accept the same
// documents, and it bounds the recursion of every function that walks a
// Value.
const MaxDepth = 10000

// SyntaxError describes why Parse or ParseNumber rejected its input.
type SyntaxError struct {
	Offset int64  // offset of the offending byte; the input length if the input ended too early
	Msg    string // what is wrong, in the words encoding/json uses
}

// Error returns "invalid JSON at byte offset N: " followed by Msg.
func (e *SyntaxError) Error() string {
	return "invalid JSON at byte offset " + strconv.FormatInt(e.Offset, 10) + ": " + e.Msg
}

// syntaxError reports the byte s[i] as unexpected in the given context, or
// the end of the input if i == len(s).
func syntaxError(s string, i int, context string) error {
	if i >= len(s) {
		return &SyntaxError{Offset: int64(i), Msg: "unexpected end of JSON input"}
	}
	c := s[i]
	what := fmt.Sprintf("byte 0x%02x", c)
	if c < utf8.RuneSelf {
		what = "character " + strconv.QuoteRune(rune(c))
	}
	return &SyntaxError{Offset: int64(i), Msg: "invalid " + what + " " + context}
}

// Parse parses a JSON document: exactly one value, optionally surrounded by
// whitespace. It accepts the same documents as encoding/json (json.Valid),
// nested at most MaxDepth deep, and unescapes strings as encoding/json does,
// replacing each byte of invalid UTF-8 and each unpaired surrogate escape
// with U+FFFD. Errors are of type *SyntaxError.
//
// The strings in the result share memory with one copy of data.
func Parse(data []byte) (Value, error) {
	// Working on a string lets member names, unescaped strings and number
	// literals be substrings of one copy of the input instead of separate
	// allocations.
	p := parser{s: string(data)}
	p.skipSpace()
	v, err := p.value(0)
	if err != nil {
		return Value{}, err
	}
	p.skipSpace()
	if p.i < len(p.s) {
		return Value{}, syntaxError(p.s, p.i, "after top-level value")
	}
	return v, nil
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
	p := parser{s: doc.text, scan: true, doc: doc}
	p.skipSpace()
	start := p.i
	if _, err := p.value(0); err != nil {
		return Value{}, err
	}
	end := p.i
	p.skipSpace()
	if p.i < len(p.s) {
		return Value{}, syntaxError(p.s, p.i, "after top-level value")
	}
	return doc.value(start, end), nil
}

// document is the text of a ParseLazy, with the offsets where its large
// arrays and objects end. Parsing a level finds the end of each array or
// object in it there, instead of scanning it again, so that parsing every
// level of a deeply nested document costs time linear in its size; scanning
// a small one again costs little, and it can be nested in no more than
// indexMin/2 levels of small ones.
type document struct {
	text string
	ends []span // by start; every array and object of indexMin bytes or more
}

// indexMin is the size from which an array or object is in document.ends.
const indexMin = 64

type span struct{ start, end int }

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
	p := parser{s: d.text[:end], i: start}
	v, err := p.value(0)
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
	i, found := slices.BinarySearchFunc(d.ends, start, func(s span, start int) int { return cmp.Compare(s.start, start) })
	if !found {
		return 0, false
	}
	return d.ends[i].end, true
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
	p := parser{s: t.doc.text[:t.end], i: t.start, lazy: true, doc: t.doc}
	v, err := p.value(0)
	if err != nil {
		return Value{Kind: Null} // see document.value
	}
	return v
}

// levelParser returns a parser at the first element or member of the
// array or object, which reads its contents one at a time (nextElement,
// nextMember) with the arrays and objects in them left unparsed.
func (t *lazyText) levelParser() parser {
	p := parser{s: t.doc.text[:t.end], i: t.start + 1, lazy: true, doc: t.doc}
	p.skipSpace()
	return p
}

// nextElement reads the next element of a checked array, from its first
// when first is set; more is false at its end.
func (p *parser) nextElement(first bool) (item Value, more bool) {
	if !p.openNext(first, ']') {
		return Value{}, false
	}
	item, err := p.element(1)
	return item, err == nil
}

// nextMember is nextElement for the members of a checked object.
func (p *parser) nextMember(first bool) (name string, value Value, more bool) {
	if !p.openNext(first, '}') {
		return "", Value{}, false
	}
	name, err := p.str()
	if err != nil {
		return "", Value{}, false
	}
	p.skipSpace()
	p.i++ // :
	p.skipSpace()
	value, err = p.element(1)
	return name, value, err == nil
}

// openNext moves past the ',' before the next element or member (none
// before the first) and reports whether there is one, rather than the
// closing byte.
func (p *parser) openNext(first bool, closing byte) bool {
	p.skipSpace()
	if !first {
		if !p.next(',') {
			return false
		}
		p.i++
		p.skipSpace()
	}
	return p.i < len(p.s) && p.s[p.i] != closing
}

// parser is a recursive-descent parser; recursion is bounded by MaxDepth.
type parser struct {
	s string
	i int // offset of the next unread byte
	// scan checks the syntax without building values (ParseLazy).
	scan bool
	// lazy leaves the arrays and objects inside the one parsed unparsed,
	// to parse when asked (Elems, Fields).
	lazy bool
	// doc is the document of ParseLazy: a scan records the ends of the
	// large arrays and objects in it, a lazy parse looks them up.
	doc *document
}

func (p *parser) skipSpace() {
	for p.i < len(p.s) {
		switch p.s[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// next reports whether the next byte is c.
func (p *parser) next(c byte) bool {
	return p.i < len(p.s) && p.s[p.i] == c
}

// value parses the value at p.i, which is nested inside depth arrays and
// objects.
func (p *parser) value(depth int) (Value, error) {
	if p.i >= len(p.s) {
		return Value{}, syntaxError(p.s, p.i, "")
	}
	switch c := p.s[p.i]; {
	case c == '{':
		return p.object(depth + 1)
	case c == '[':
		return p.array(depth + 1)
	case c == '"':
		s, err := p.str()
		return Value{Kind: String, Str: s}, err
	case c == '-' || isDigit(c):
		start := p.i
		end, err := scanNumber(p.s, start)
		if err != nil {
			return Value{}, err
		}
		p.i = end
		if p.scan {
			return Value{Kind: Number}, nil
		}
		return Value{Kind: Number, Num: decimalFromLiteral(p.s[start:end])}, nil
	case c == 't':
		return p.literal("true", Value{Kind: Bool, Bool: true})
	case c == 'f':
		return p.literal("false", Value{Kind: Bool})
	case c == 'n':
		return p.literal("null", Value{Kind: Null})
	}
	return Value{}, syntaxError(p.s, p.i, "looking for beginning of value")
}

// literal parses the keyword word, whose value is v.
func (p *parser) literal(word string, v Value) (Value, error) {
	for k := range len(word) {
		if !p.next(word[k]) {
			return Value{}, syntaxError(p.s, p.i, "in literal "+word)
		}
		p.i++
	}
	return v, nil
}

// array parses the array at p.i, which is the depth-th level of nesting.
func (p *parser) array(depth int) (Value, error) {
	if depth > MaxDepth {
		return Value{}, &SyntaxError{Offset: int64(p.i), Msg: "exceeded max depth"}
	}
	at := p.recordStart(p.i)
	defer p.recordEnd(at)
	p.i++ // [
	v := Value{Kind: Array}
	p.skipSpace()
	if p.next(']') {
		p.i++
		return v, nil
	}
	for {
		item, err := p.element(depth)
		if err != nil {
			return Value{}, err
		}
		if !p.scan {
			v.Items = append(v.Items, item)
		}
		p.skipSpace()
		switch {
		case p.next(','):
			p.i++
			p.skipSpace()
		case p.next(']'):
			p.i++
			return v, nil
		default:
			return Value{}, syntaxError(p.s, p.i, "after array element")
		}
	}
}

// object parses the object at p.i, which is the depth-th level of nesting.
func (p *parser) object(depth int) (Value, error) {
	if depth > MaxDepth {
		return Value{}, &SyntaxError{Offset: int64(p.i), Msg: "exceeded max depth"}
	}
	at := p.recordStart(p.i)
	defer p.recordEnd(at)
	p.i++ // {
	v := Value{Kind: Object}
	p.skipSpace()
	if p.next('}') {
		p.i++
		return v, nil
	}
	var index map[string]int // member name -> position in v.Members
	if !p.scan {
		index = make(map[string]int)
	}
	for {
		if !p.next('"') {
			return Value{}, syntaxError(p.s, p.i, "looking for beginning of object key string")
		}
		name, err := p.str()
		if err != nil {
			return Value{}, err
		}
		p.skipSpace()
		if !p.next(':') {
			return Value{}, syntaxError(p.s, p.i, "after object key")
		}
		p.i++
		p.skipSpace()
		member, err := p.element(depth)
		if err != nil {
			return Value{}, err
		}
		if p.scan {
			// Nothing to keep.
		} else if k, dup := index[name]; dup {
			v.Members[k].Value = member // see Value.Members
		} else {
			index[name] = len(v.Members)
			v.Members = append(v.Members, Member{Name: name, Value: member})
		}
		p.skipSpace()
		switch {
		case p.next(','):
			p.i++
			p.skipSpace()
		case p.next('}'):
			p.i++
			return v, nil
		default:
			return Value{}, syntaxError(p.s, p.i, "after object key:value pair")
		}
	}
}

// element parses an element of an array or the value of a member, in a
// container at the given depth: as value does, but an array or object is
// only checked, and kept as text, when p.lazy is set.
func (p *parser) element(depth int) (Value, error) {
	if !p.lazy || p.i >= len(p.s) || (p.s[p.i] != '[' && p.s[p.i] != '{') {
		return p.value(depth)
	}
	start := p.i
	if end, ok := p.doc.end(start); ok {
		p.i = end
		return p.doc.value(start, end), nil
	}
	// A small array or object: the text was checked when it was first
	// parsed, so the faster scanner of the decoders serves to find its
	// end, with the parser's own scan as the fallback should it disagree.
	var d jsonwire.Decoder
	rest := p.s[start:]
	d.Reset(unsafe.Slice(unsafe.StringData(rest), len(rest))) // only read
	if d.Skip() == nil {
		p.i = start + d.Offset()
		return p.doc.value(start, p.i), nil
	}
	doc := p.doc
	p.scan, p.lazy, p.doc = true, false, nil // nothing to record
	_, err := p.value(depth)
	p.scan, p.lazy, p.doc = false, true, doc
	if err != nil {
		return Value{}, err
	}
	return p.doc.value(start, p.i), nil
}

// recordStart and recordEnd keep the span of an array or object that a
// scan for ParseLazy goes through, if it is large: recordStart returns the
// position of its span, recordEnd fills the span in or drops it. A small
// one is last when it ends, since what it holds is smaller still and was
// dropped before.
func (p *parser) recordStart(start int) int {
	if !p.scan || p.doc == nil {
		return -1
	}
	p.doc.ends = append(p.doc.ends, span{start: start})
	return len(p.doc.ends) - 1
}

func (p *parser) recordEnd(at int) {
	if at < 0 {
		return
	}
	if s := &p.doc.ends[at]; p.i-s.start >= indexMin {
		s.end = p.i
	} else {
		p.doc.ends = p.doc.ends[:at]
	}
}

// str parses the string literal at p.i and returns its unescaped value.
func (p *parser) str() (string, error) {
	start := p.i + 1 // behind the opening quote
	verbatim := true // whether the value is the literal's body unchanged
	for i := start; ; {
		if i >= len(p.s) {
			return "", syntaxError(p.s, i, "")
		}
		switch c := p.s[i]; {
		case c == '"':
			p.i = i + 1
			if verbatim || p.scan {
				return p.s[start:i], nil
			}
			return unescape(p.s[start:i]), nil
		case c == '\\':
			verbatim = false
			end, err := escapeEnd(p.s, i)
			if err != nil {
				return "", err
			}
			i = end
		case c < 0x20:
			return "", syntaxError(p.s, i, "in string literal")
		case c < utf8.RuneSelf:
			i++
		default:
			r, size := utf8.DecodeRuneInString(p.s[i:])
			if r == utf8.RuneError && size == 1 {
				verbatim = false // the byte becomes U+FFFD
			}
			i += size
		}
	}
}

// escapeEnd checks the escape sequence whose backslash is s[i] and returns
// the offset behind it.
func escapeEnd(s string, i int) (int, error) {
	i++
	if i < len(s) && s[i] != 'u' {
		if _, ok := unescapeByte(s[i]); !ok {
			return 0, syntaxError(s, i, "in string escape code")
		}
		return i + 1, nil
	}
	if i >= len(s) {
		return 0, syntaxError(s, i, "")
	}
	for j := i + 1; j < i+5; j++ {
		if j >= len(s) || !isHex(s[j]) {
			return 0, syntaxError(s, j, `in \u hexadecimal character escape`)
		}
	}
	return i + 5, nil
}

// unescapeByte returns the byte that the escape sequence \c stands for,
// for every c except 'u'.
func unescapeByte(c byte) (byte, bool) {
	switch c {
	case '"', '\\', '/':
		return c, true
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	}
	return 0, false
}

// unescape returns the value of a string literal whose body (the part
// between the quotes) str has checked, following encoding/json: invalid
// UTF-8 bytes and unpaired surrogate escapes become U+FFFD.
func unescape(body string) string {
	b := make([]byte, 0, len(body))
	for i := 0; i < len(body); {
		switch c := body[i]; {
		case c == '\\' && body[i+1] == 'u':
			r := hexRune(body[i+2 : i+6])
			i += 6
			if utf16.IsSurrogate(r) {
				// A surrogate only stands for a character as the first half
				// of a pair of escapes; anything else is replaced.
				r2 := rune(-1)
				if i+1 < len(body) && body[i] == '\\' && body[i+1] == 'u' {
					r2 = hexRune(body[i+2 : i+6])
				}
				r = utf16.DecodeRune(r, r2)
				if r != utf8.RuneError {
					i += 6 // the pair's second half
				}
			}
			b = utf8.AppendRune(b, r)
		case c == '\\':
			e, _ := unescapeByte(body[i+1])
			b = append(b, e)
			i += 2
		case c < utf8.RuneSelf:
			b = append(b, c)
			i++
		default:
			r, size := utf8.DecodeRuneInString(body[i:])
			b = utf8.AppendRune(b, r) // U+FFFD for an invalid byte
			i += size
		}
	}
	return string(b)
}

// hexRune returns the value of four hexadecimal digits.
func hexRune(s string) rune {
	r, _ := strconv.ParseUint(s, 16, 32)
	return rune(r)
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isHex(c byte) bool {
	return isDigit(c) || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// scanNumber returns the offset behind the JSON number literal that starts at
// s[i]. The grammar is RFC 8259's, which encoding/json implements:
//
//	-? (0 | [1-9][0-9]*) (\.[0-9]+)? ([eE][+-]?[0-9]+)?
//
// A literal followed by more digits, such as 01, ends after the 0; the caller
// rejects what follows.
func scanNumber(s string, i int) (int, error) {
	if i < len(s) && s[i] == '-' {
		i++
	}
	switch {
	case i < len(s) && s[i] == '0':
		i++
	case i < len(s) && isDigit(s[i]):
		i = skipDigits(s, i)
	default:
		return 0, syntaxError(s, i, "in numeric literal")
	}
	if i < len(s) && s[i] == '.' {
		i++
		if i >= len(s) || !isDigit(s[i]) {
			return 0, syntaxError(s, i, "after decimal point in numeric literal")
		}
		i = skipDigits(s, i)
	}
	if i < len(s) && (s[i] == 'e' || s[i] == 'E') {
		i++
		if i < len(s) && (s[i] == '+' || s[i] == '-') {
			i++
		}
		if i >= len(s) || !isDigit(s[i]) {
			return 0, syntaxError(s, i, "in exponent of numeric literal")
		}
		i = skipDigits(s, i)
	}
	return i, nil
}

func skipDigits(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}
