package jsonwire

// Decoder reads JSON values from an in-memory input, one primitive at a
// time, checking the syntax of everything it consumes. The zero Decoder
// reads an empty input; NewDecoder or Reset give it data. A Decoder is not
// safe for concurrent use.
type Decoder struct {
	data  []byte
	pos   int  // offset of the next unread byte
	depth int  // open arrays and objects
	first bool // a container was just opened: its first member or element, or its end, comes next

	chunk   []byte // string arena: bytes below len(chunk) belong to returned strings
	scratch []byte // unescaping buffer: member names, and strings before their copy to the arena
}

// Mark is a saved decoder position (offset and nesting depth), to come back
// to with Rewind, e.g. to read a value a second time with another method.
type Mark struct {
	pos   int
	depth int
	first bool
}

// NewDecoder returns a Decoder reading data. The Decoder does not modify
// data, and Number, Raw and member names may alias it.
func NewDecoder(data []byte) *Decoder {
	return &Decoder{data: data}
}

// Reset makes the Decoder read data from its start, as if new. Strings
// returned earlier stay valid: the string arena keeps filling its current
// chunk where it left off.
func (d *Decoder) Reset(data []byte) {
	d.data = data
	d.pos = 0
	d.depth = 0
	d.first = false
}

// Offset returns the offset of the next unread byte. After an error it is
// near the problem, but only SyntaxError.Offset is exact.
func (d *Decoder) Offset() int { return d.pos }

// Mark returns the current position, for Rewind.
func (d *Decoder) Mark() Mark {
	return Mark{pos: d.pos, depth: d.depth, first: d.first}
}

// Rewind returns to a position saved by Mark on the same input (since the
// last Reset). A Mark from another input does not make the Decoder panic,
// but what it reads afterwards is meaningless.
func (d *Decoder) Rewind(m Mark) {
	d.pos = min(max(m.pos, 0), len(d.data))
	d.depth = min(max(m.depth, 0), MaxDepth)
	d.first = m.first
}

// Peek skips whitespace and reports the kind of the next value, without
// consuming it. It reports KindInvalid at the end of the input and at a
// byte that cannot start a value (including ',', ']' and '}').
func (d *Decoder) Peek() Kind {
	d.pos = skipSpace(d.data, d.pos)
	if d.pos >= len(d.data) {
		return KindInvalid
	}
	return kindOf[d.data[d.pos]]
}

// expect skips whitespace and checks that a value of kind k comes next,
// returning the offset of its first byte.
func (d *Decoder) expect(k Kind) (int, error) {
	i := skipSpace(d.data, d.pos)
	d.pos = i
	if i >= len(d.data) {
		return i, errEOF(i)
	}
	c := d.data[i]
	if got := kindOf[c]; got != k {
		if got == KindInvalid {
			return i, errChar(i, c, "looking for beginning of value")
		}
		return i, &KindError{Offset: int64(i), Want: k, Got: got}
	}
	return i, nil
}

// BeginObject consumes the '{' that opens an object. The members are then
// read with NextMember. It returns a *KindError, consuming nothing, if the
// next value is not an object.
func (d *Decoder) BeginObject() error {
	return d.begin(KindObject)
}

// BeginArray consumes the '[' that opens an array. The elements are then
// read with NextElement. It returns a *KindError, consuming nothing, if the
// next value is not an array.
func (d *Decoder) BeginArray() error {
	return d.begin(KindArray)
}

func (d *Decoder) begin(k Kind) error {
	i, err := d.expect(k)
	if err != nil {
		return err
	}
	if d.depth >= MaxDepth {
		return errDepth(i)
	}
	d.depth++
	d.pos = i + 1
	d.first = true
	return nil
}

// end consumes the closing byte at i of the innermost container.
func (d *Decoder) end(i int) {
	d.pos = i + 1
	d.depth = max(d.depth-1, 0)
	d.first = false
}

// NextMember advances to the next member of the object opened by
// BeginObject. It consumes the ',' before the member, or the closing '}'
// and then reports more=false. With more=true it has consumed the member
// name and the ':', and the caller must read exactly one value next.
//
// name is the unescaped member name. It aliases the input, or a scratch
// buffer when unescaping changed it, and is only valid until the next call
// on the Decoder.
func (d *Decoder) NextMember() (name []byte, more bool, err error) {
	// Compact JSON, the form every event arrives in, puts a plain name
	// right after the '{' or ',' and the ':' right after the name: take
	// that in one scan, and leave the rest (whitespace, '}', escapes,
	// errors) to nextMember, which starts over from the same offset.
	data, i := d.data, d.pos
	if !d.first && i < len(data) && data[i] == ',' {
		i++
	}
	if (d.first || i > d.pos) && i < len(data) && data[i] == '"' {
		j := indexPlainEnd(data, i+1)
		if j+1 < len(data) && data[j] == '"' && data[j+1] == ':' {
			d.pos = j + 2
			d.first = false
			return data[i+1 : j], true, nil
		}
	}
	return d.nextMember()
}

func (d *Decoder) nextMember() (name []byte, more bool, err error) {
	data := d.data
	i := skipSpace(data, d.pos)
	d.pos = i
	if i >= len(data) {
		return nil, false, errEOF(i)
	}
	c := data[i]
	if c == '}' {
		d.end(i)
		return nil, false, nil
	}
	if !d.first {
		if c != ',' {
			return nil, false, errChar(i, c, "after object key:value pair")
		}
		i = skipSpace(data, i+1)
		if i >= len(data) {
			return nil, false, errEOF(i)
		}
		c = data[i]
	}
	if c != '"' {
		return nil, false, errChar(i, c, "looking for beginning of object key string")
	}
	name, i, err = d.readName(i + 1)
	if err != nil {
		return nil, false, err
	}
	i = skipSpace(data, i)
	if i >= len(data) {
		return nil, false, errEOF(i)
	}
	if data[i] != ':' {
		return nil, false, errChar(i, data[i], "after object key")
	}
	d.pos = i + 1
	d.first = false
	return name, true, nil
}

// NextElement advances to the next element of the array opened by
// BeginArray. It consumes the ',' before the element, or the closing ']'
// and then reports more=false. With more=true the caller must read exactly
// one value next.
func (d *Decoder) NextElement() (more bool, err error) {
	data := d.data
	i := skipSpace(data, d.pos)
	d.pos = i
	if i >= len(data) {
		return false, errEOF(i)
	}
	switch c := data[i]; {
	case c == ']':
		d.end(i)
		return false, nil
	case d.first:
		d.first = false
	case c == ',':
		d.pos = i + 1
	default:
		return false, errChar(i, c, "after array element")
	}
	return true, nil
}

// Number reads a number and returns its literal bytes, which alias the
// input. Use it to keep a number's exact text or to parse it another way.
func (d *Decoder) Number() ([]byte, error) {
	i, err := d.expect(KindNumber)
	if err != nil {
		return nil, err
	}
	end, err := skipNumber(d.data, i)
	if err != nil {
		return nil, err
	}
	d.pos = end
	return d.data[i:end], nil
}

// Bool reads true or false.
func (d *Decoder) Bool() (bool, error) {
	i, err := d.expect(KindBool)
	if err != nil {
		return false, err
	}
	lit := "false"
	if d.data[i] == 't' {
		lit = "true"
	}
	end, err := skipLiteral(d.data, i, lit)
	if err != nil {
		return false, err
	}
	d.pos = end
	return lit == "true", nil
}

// Null reads null.
func (d *Decoder) Null() error {
	i, err := d.expect(KindNull)
	if err != nil {
		return err
	}
	end, err := skipLiteral(d.data, i, "null")
	if err != nil {
		return err
	}
	d.pos = end
	return nil
}

// Skip consumes one value of any kind, checking its syntax fully. It needs
// no memory beyond a small stack buffer, whatever the nesting depth.
func (d *Decoder) Skip() error {
	end, err := skipValue(d.data, d.pos, d.depth)
	if err != nil {
		return err
	}
	d.pos = end
	return nil
}

// SkipTo consumes the value that starts at the current position (after
// whitespace) and ends at end, an offset an earlier pass over the same
// input found, without checking its bytes again: it makes reading a
// checked document level by level cost time linear in its size. An end
// outside the input or behind the current position is clamped.
func (d *Decoder) SkipTo(end int) {
	d.pos = min(max(end, d.pos), len(d.data))
}

// Raw is Skip that also returns the value's bytes, without surrounding
// whitespace. They alias the input.
func (d *Decoder) Raw() ([]byte, error) {
	start := skipSpace(d.data, d.pos)
	end, err := skipValue(d.data, start, d.depth)
	if err != nil {
		return nil, err
	}
	d.pos = end
	return d.data[start:end], nil
}

// AppendCompact is Skip that also appends the value to dst with
// insignificant whitespace removed and every other byte kept, exactly as
// json.Compact writes it. On error it returns dst unchanged.
func (d *Decoder) AppendCompact(dst []byte) ([]byte, error) {
	raw, err := d.Raw()
	if err != nil {
		return dst, err
	}
	start := 0
	for i := 0; i < len(raw); i++ {
		switch raw[i] {
		case ' ', '\t', '\n', '\r':
			dst = append(dst, raw[start:i]...)
			start = i + 1
		case '"':
			end, _ := skipString(raw, i+1) // raw has been checked
			i = end - 1
		}
	}
	return append(dst, raw[start:]...), nil
}

// End checks that only whitespace remains after the top-level value.
func (d *Decoder) End() error {
	i := skipSpace(d.data, d.pos)
	d.pos = i
	if i < len(d.data) {
		return errChar(i, d.data[i], "after top-level value")
	}
	return nil
}
