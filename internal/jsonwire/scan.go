package jsonwire

import (
	"encoding/binary"
	"math/bits"
)

// MaxDepth is the deepest nesting of arrays and objects the Decoder
// accepts; one level more is a SyntaxError. It equals encoding/json's
// limit, so the two agree on which inputs are valid.
const MaxDepth = 10000

// Word-at-a-time (SWAR) constants: every byte 0x01, every byte 0x80.
const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// stopMask flags the bytes of the little-endian word x that end a run of
// plain string content: '"', '\\' and control characters. Only the lowest
// flagged byte is reliable (borrows may flag bytes above a true match),
// which is all a scan for the first such byte needs.
func stopMask(x uint64) uint64 {
	q := x ^ (lowBits * '"')
	b := x ^ (lowBits * '\\')
	return (((x - lowBits*0x20) &^ x) | ((q - lowBits) &^ q) | ((b - lowBits) &^ b)) & highBits
}

// plainStopMask is stopMask that also flags non-ASCII bytes. Those bytes
// already flag themselves, so the three tests need not mask off bytes with
// the high bit set, which saves three instructions on the hottest loop of
// the decoder. As with stopMask, only the lowest flagged byte is reliable:
// a borrow comes only from a byte that is itself flagged. A zero result
// is exact: no flagged byte, no borrow.
func plainStopMask(x uint64) uint64 {
	q := x ^ (lowBits * '"')
	b := x ^ (lowBits * '\\')
	return ((x - lowBits*0x20) | (q - lowBits) | (b - lowBits) | x) & highBits
}

// stringStop is stopMask for a single byte.
var stringStop = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'] = true
	t['\\'] = true
	return t
}()

// isHex reports the hexadecimal digits allowed in a \u escape.
var isHex = func() (t [256]bool) {
	for _, c := range "0123456789abcdefABCDEF" {
		t[c] = true
	}
	return t
}()

// skipSpace returns the offset of the first byte at or after i that is not
// JSON whitespace.
func skipSpace(data []byte, i int) int {
	// Compact JSON has no whitespace: decide that in one comparison, and
	// keep the loop out of line.
	if i < len(data) && data[i] > ' ' {
		return i
	}
	return skipSpaceLoop(data, i)
}

func skipSpaceLoop(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// indexStringStop returns the offset of the first byte at or after i that
// stops a string scan ('"', '\\' or a control character), or len(data).
func indexStringStop(data []byte, i int) int {
	for ; i+8 <= len(data); i += 8 {
		if m := stopMask(binary.LittleEndian.Uint64(data[i:])); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for ; i < len(data) && !stringStop[data[i]]; i++ {
	}
	return i
}

// indexPlainEnd is indexStringStop that also stops at non-ASCII bytes, so
// that reaching a '"' proves the content needs neither unescaping nor
// UTF-8 repair.
func indexPlainEnd(data []byte, i int) int {
	for ; i+8 <= len(data); i += 8 {
		x := binary.LittleEndian.Uint64(data[i:])
		if m := plainStopMask(x); m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for ; i < len(data) && !stringStop[data[i]] && data[i] < 0x80; i++ {
	}
	return i
}

// skipString checks string content starting at i, just after the opening
// quote (or anywhere inside the content, outside an escape), and returns
// the offset just past the closing quote.
func skipString(data []byte, i int) (int, error) {
	for {
		i = indexStringStop(data, i)
		if i >= len(data) {
			return len(data), errEOF(len(data))
		}
		switch c := data[i]; c {
		case '"':
			return i + 1, nil
		case '\\':
			n, err := escapeLen(data, i)
			if err != nil {
				return i, err
			}
			i += n
		default:
			return i, errControl(i, c)
		}
	}
}

// escapeLen checks the escape sequence whose backslash is at data[i] and
// returns its length.
func escapeLen(data []byte, i int) (int, error) {
	if i+1 >= len(data) {
		return 0, errEOF(len(data))
	}
	switch data[i+1] {
	case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
		return 2, nil
	case 'u':
		for k := i + 2; k < i+6; k++ {
			if k >= len(data) {
				return 0, errEOF(len(data))
			}
			if !isHex[data[k]] {
				return 0, errEscape(i, data[i:k+1])
			}
		}
		return 6, nil
	}
	return 0, errEscape(i, data[i:i+2])
}

// CheckNumber checks that lit is one JSON number literal and nothing else:
// no whitespace around it, no trailing bytes. It is the grammar the Decoder
// reads numbers with, for numbers that come without a document around
// them, e.g. written in generated code.
func CheckNumber(lit []byte) error {
	if len(lit) == 0 {
		return errEOF(0)
	}
	if kindOf[lit[0]] != KindNumber {
		return errChar(0, lit[0], "looking for beginning of value")
	}
	end, err := skipNumber(lit, 0)
	if err != nil {
		return err
	}
	if end < len(lit) {
		return errChar(end, lit[end], "after number")
	}
	return nil
}

// skipNumber checks the number starting at data[i] ('-' or a digit) and
// returns the offset just past it. Like encoding/json it stops after a
// leading zero, so "01" is the number 0 followed by an unexpected '1'.
func skipNumber(data []byte, i int) (int, error) {
	if data[i] == '-' {
		i++
		if i >= len(data) {
			return i, errEOF(i)
		}
		if data[i]-'0' > 9 {
			return i, errChar(i, data[i], "in numeric literal")
		}
	}
	if data[i] == '0' {
		i++
	} else {
		for i++; i < len(data) && data[i]-'0' <= 9; i++ {
		}
	}
	if i < len(data) && data[i] == '.' {
		i++
		if i >= len(data) {
			return i, errEOF(i)
		}
		if data[i]-'0' > 9 {
			return i, errChar(i, data[i], "after decimal point in numeric literal")
		}
		for i++; i < len(data) && data[i]-'0' <= 9; i++ {
		}
	}
	if i < len(data) && data[i]|0x20 == 'e' {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) {
			return i, errEOF(i)
		}
		if data[i]-'0' > 9 {
			return i, errChar(i, data[i], "in exponent of numeric literal")
		}
		for i++; i < len(data) && data[i]-'0' <= 9; i++ {
		}
	}
	return i, nil
}

// skipLiteral checks that data[i:] starts with lit (true, false or null),
// whose first byte the caller has matched, and returns the offset past it.
func skipLiteral(data []byte, i int, lit string) (int, error) {
	for k := 1; k < len(lit); k++ {
		if i+k >= len(data) {
			return i + k, errEOF(i + k)
		}
		if c := data[i+k]; c != lit[k] {
			return i + k, errChar(i+k, c, "in literal "+lit+" (expecting "+quoteChar(lit[k])+")")
		}
	}
	return i + len(lit), nil
}

// skipMemberName checks `"name" :` starting at i, whitespace allowed
// around both, and returns the offset past the colon.
func skipMemberName(data []byte, i int) (int, error) {
	i = skipSpace(data, i)
	if i >= len(data) {
		return i, errEOF(i)
	}
	if data[i] != '"' {
		return i, errChar(i, data[i], "looking for beginning of object key string")
	}
	i, err := skipString(data, i+1)
	if err != nil {
		return i, err
	}
	i = skipSpace(data, i)
	if i >= len(data) {
		return i, errEOF(i)
	}
	if data[i] != ':' {
		return i, errChar(i, data[i], "after object key")
	}
	return i + 1, nil
}

// skipValue checks the value starting at or after i (leading whitespace is
// skipped) and returns the offset just past it. depth is the nesting depth
// of the enclosing containers, counted against MaxDepth.
//
// It is iterative: the only per-level state is one bit telling whether the
// container is an object, kept in a bit stack that lives on the Go stack
// for the first 256 levels.
func skipValue(data []byte, i, depth int) (int, error) {
	return skipValueSpans(data, i, depth, nil)
}

// Span is where an array or object lies in the input: data[Start:End].
type Span struct{ Start, End int }

// SkipSpans is Skip that also appends to spans, in the order they start,
// the arrays and objects in the value that are min bytes long or longer
// (min > 2), for a reader that comes back to parse them later and needs
// their ends without scanning them again.
func (d *Decoder) SkipSpans(min int, spans []Span) ([]Span, error) {
	rec := spanRecorder{min: max(min, 3), spans: spans}
	end, err := skipValueSpans(d.data, d.pos, d.depth, &rec)
	if err != nil {
		return spans, err
	}
	d.pos = end
	return rec.spans, nil
}

// spanRecorder keeps the large containers skipValueSpans goes through:
// each gets its place in spans when it opens and keeps it when it closes
// large, or gives it up, and those of what it held, which were smaller
// still and gave theirs up before.
type spanRecorder struct {
	min    int
	spans  []Span
	opened []int // for each open container, its place in spans
}

func (r *spanRecorder) open(start int) {
	r.opened = append(r.opened, len(r.spans))
	r.spans = append(r.spans, Span{Start: start})
}

func (r *spanRecorder) close(end int) {
	at := r.opened[len(r.opened)-1]
	r.opened = r.opened[:len(r.opened)-1]
	if s := &r.spans[at]; end-s.Start >= r.min {
		s.End = end
	} else {
		r.spans = r.spans[:at]
	}
}

// skipValueSpans is skipValue that records the large containers in rec,
// unless rec is nil.
func skipValueSpans(data []byte, i, depth int, rec *spanRecorder) (int, error) {
	var small [4]uint64
	objects := small[:] // bit n set: the n-th open container (from the outside) is an object
	open := 0           // containers opened by this call and not yet closed
	var err error
value:
	i = skipSpace(data, i)
	if i >= len(data) {
		return i, errEOF(i)
	}
	switch c := data[i]; c {
	case '"':
		if i, err = skipString(data, i+1); err != nil {
			return i, err
		}
	case '{', '[':
		if depth+open >= MaxDepth {
			return i, errDepth(i)
		}
		w, bit := open>>6, uint64(1)<<(open&63)
		if w == len(objects) {
			objects = append(objects, 0)
		}
		start := i
		i = skipSpace(data, i+1)
		if i >= len(data) {
			return i, errEOF(i)
		}
		if c == '[' {
			if data[i] == ']' {
				i++
				break
			}
			objects[w] &^= bit
			open++
			if rec != nil {
				rec.open(start)
			}
			goto value
		}
		if data[i] == '}' {
			i++
			break
		}
		objects[w] |= bit
		open++
		if rec != nil {
			rec.open(start)
		}
		if i, err = skipMemberName(data, i); err != nil {
			return i, err
		}
		goto value
	case 't':
		if i, err = skipLiteral(data, i, "true"); err != nil {
			return i, err
		}
	case 'f':
		if i, err = skipLiteral(data, i, "false"); err != nil {
			return i, err
		}
	case 'n':
		if i, err = skipLiteral(data, i, "null"); err != nil {
			return i, err
		}
	default:
		if c != '-' && c-'0' > 9 {
			return i, errChar(i, c, "looking for beginning of value")
		}
		if i, err = skipNumber(data, i); err != nil {
			return i, err
		}
	}
	// A value is complete: close containers until one continues.
	for open > 0 {
		i = skipSpace(data, i)
		if i >= len(data) {
			return i, errEOF(i)
		}
		top := open - 1
		inObject := objects[top>>6]&(1<<(top&63)) != 0
		switch c := data[i]; {
		case c == ',':
			if !inObject {
				i++
				goto value
			}
			if i, err = skipMemberName(data, i+1); err != nil {
				return i, err
			}
			goto value
		case c == '}' && inObject, c == ']' && !inObject:
			i++
			open--
			if rec != nil {
				rec.close(i)
			}
		case inObject:
			return i, errChar(i, c, "after object key:value pair")
		default:
			return i, errChar(i, c, "after array element")
		}
	}
	return i, nil
}
