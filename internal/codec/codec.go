// Package codec holds the pieces of generated decoders and encoders that do
// not depend on a schema: reading a member into a field or keeping it raw
// when its value does not fit, slices, maps, nullable values, and the raw
// members a struct keeps.
//
// A reader func(dst *T, d *Decoder) (fits bool, err error) decodes one value
// into dst. fits is false, with err nil, when the value is well-formed JSON
// that the Go type cannot hold (a string for an int64, 1.5 for an int64, 1e400
// for a float64); the caller then keeps the value raw. err is a syntax error,
// after which decoding stops.
//
// The helpers of generated raw-value validators are in internal/rawcheck:
// a program that only decodes and encodes does not need them, and the two
// sets share no state.
package codec

import (
	"errors"
	"slices"
	"sync"
	"unsafe"

	pinpointevents "github.com/pinpoint-events/pinpoint-events"
	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
)

// Decoder is the JSON decoder generated code reads with. Beyond the
// tokenizer it remembers the first value that broke a const, so that decode
// can report it after reading the whole event.
type Decoder struct {
	jsonwire.Decoder
	// Eager asks embedded JSON documents and lazily decoded members to be
	// decoded at once.
	Eager     bool
	constAt   int // offset of the first const mismatch, or -1
	constGot  string
	constWant string

	// Slabs the optional scalar fields of new values are carved from (see
	// ReuseString).
	strings  []string
	int64s   []int64
	float64s []float64

	// restIndexes index the names of the long Members lists being filled
	// (see setMember), by the address of the list. Decode clears it, so
	// that it holds no event of an earlier call alive in the pool.
	restIndexes map[*pinpointevents.Members]*restIndex
}

var decoders = sync.Pool{New: func() any { return &Decoder{} }}

// Decode decodes the JSON object in data with decode, the decode method of a
// generated struct. It returns a *pinpointevents.SyntaxError for malformed JSON, a
// *pinpointevents.NotAnObjectError when data holds another kind of value, and a
// *pinpointevents.ConstError when a member breaks a const (the value is decoded
// in full all the same).
func Decode(data []byte, opts pinpointevents.DecodeOptions, decode func(*Decoder) error) error {
	d := decoders.Get().(*Decoder)
	defer func() {
		d.restIndexes = nil
		decoders.Put(d)
	}()
	d.Reset(data)
	d.restIndexes = nil
	d.constAt = -1
	d.Eager = opts.Eager
	if k := d.Peek(); k != jsonwire.KindObject {
		if k == jsonwire.KindInvalid {
			return d.Skip() // reports what is wrong where
		}
		if err := d.Skip(); err != nil {
			return err
		}
		if err := d.End(); err != nil {
			return err
		}
		return &pinpointevents.NotAnObjectError{Kind: k.String()}
	}
	if err := decode(d); err != nil {
		return err
	}
	if err := d.End(); err != nil {
		return err
	}
	if d.constAt >= 0 {
		return &pinpointevents.ConstError{Pointer: PointerAt(data, d.constAt), Got: d.constGot, Want: d.constWant}
	}
	return nil
}

// ConstMismatch records that the value that started at offset broke a
// const. got and want are shown as JSON.
func (d *Decoder) ConstMismatch(offset int, got, want string) {
	if d.constAt < 0 {
		d.constAt, d.constGot, d.constWant = offset, got, want
	}
}

// Required decodes a member into a field of a required property and reports
// whether it fit. A value that does not fit is kept raw in rest, and the
// field is zeroed; a value that fits replaces a raw one kept earlier under
// the same name (JSON duplicates: the last one wins, as with encoding/json).
func Required[T any](d *Decoder, dst *T, read func(*T, *Decoder) (bool, error), rest *pinpointevents.Members, name string) (bool, error) {
	m := d.Mark()
	fits, err := read(dst, d)
	if err != nil {
		return false, err
	}
	if fits {
		if len(*rest) > 0 {
			d.deleteMember(rest, name)
		}
		return true, nil
	}
	var zero T
	*dst = zero
	d.Rewind(m)
	return false, keep(d, rest, name)
}

// Optional is Required for an optional property, held by pointer: nil when
// the member is absent or kept raw. old is the field's pointer in the value
// decoded before, whose memory is reused.
func Optional[T any](d *Decoder, dst **T, old *T, read func(*T, *Decoder) (bool, error), rest *pinpointevents.Members, name string) error {
	v := Reuse(old)
	fits, err := Required(d, v, read, rest, name)
	if fits {
		*dst = v
	} else {
		*dst = nil
	}
	return err
}

// Keep keeps a member that has no field: its name and its value as compact
// JSON. A later member of the same name replaces it.
func Keep(d *Decoder, rest *pinpointevents.Members, name []byte) error {
	return keep(d, rest, d.Intern(name))
}

func keep(d *Decoder, rest *pinpointevents.Members, name string) error {
	raw, err := d.CompactCopy()
	if err != nil {
		return err
	}
	d.setMember(rest, name, raw)
	return nil
}

// restIndexMin is the length from which a Members list being decoded has its
// names indexed. Below it, a scan of the list costs less than a map, and
// most events keep no member raw at all.
const restIndexMin = 16

// restIndex is the position of every name of a Members list, as of when
// the list had n members.
type restIndex struct {
	names map[string]int
	n     int
}

// setMember is rest.Set without its scan of the whole list: that scan, once
// per member, made an object of n unknown members cost n²/2 comparisons (a
// 1 MiB record of 110,000 members took seconds). A long list gets an index
// of its names instead, which keeps the result of Set, a later duplicate
// replacing the value at the position of the first.
func (d *Decoder) setMember(rest *pinpointevents.Members, name string, value []byte) {
	ms := *rest
	if len(ms) < restIndexMin {
		d.forgetIndex(rest)
		*rest = ms.Set(name, value)
		return
	}
	ix := d.indexOf(rest)
	if i, ok := ix.names[name]; ok {
		ms[i].Value = value
		return
	}
	ix.names[name] = len(ms)
	*rest = append(ms, pinpointevents.Member{Name: name, Value: value})
	ix.n = len(*rest)
}

// deleteMember is rest.Delete, using the index of a long list.
func (d *Decoder) deleteMember(rest *pinpointevents.Members, name string) {
	ms := *rest
	if len(ms) < restIndexMin {
		d.forgetIndex(rest)
		*rest = ms.Delete(name)
		return
	}
	ix := d.indexOf(rest)
	i, ok := ix.names[name]
	if !ok {
		return
	}
	// The members behind i move up by one. Only a member that fits its
	// field gets here, so this costs at most the number of the struct's
	// fields times the length of the list.
	delete(ix.names, name)
	for _, m := range ms[i+1:] {
		ix.names[m.Name]--
	}
	*rest = slices.Delete(ms, i, i+1)
	ix.n = len(*rest)
}

// indexOf returns the index of rest, built anew unless the one kept was
// brought up to date by the last change to the list.
//
// An index is never stale: a list is only ever filled from empty (the
// generated decoder truncates it first) by setMember, which drops the index
// of a list shorter than restIndexMin, so a list decoded a second time at
// the same address (a duplicate member of a struct field) loses the index
// of its first decoding before it is long enough to use one. The length
// check is a second line of defence against a list changed by other means.
func (d *Decoder) indexOf(rest *pinpointevents.Members) *restIndex {
	ix := d.restIndexes[rest]
	if ix != nil && ix.n == len(*rest) {
		return ix
	}
	if d.restIndexes == nil {
		d.restIndexes = make(map[*pinpointevents.Members]*restIndex)
	}
	if ix == nil {
		ix = &restIndex{}
		d.restIndexes[rest] = ix
	}
	ix.names = make(map[string]int, 2*len(*rest))
	for i, m := range *rest {
		ix.names[m.Name] = i
	}
	ix.n = len(*rest)
	return ix
}

// forgetIndex drops the index of rest, if it has one.
func (d *Decoder) forgetIndex(rest *pinpointevents.Members) {
	if len(d.restIndexes) > 0 {
		delete(d.restIndexes, rest)
	}
}

// ReadString reads a string into any string type.
func ReadString[S ~string](dst *S, d *Decoder) (bool, error) {
	if d.Peek() != jsonwire.KindString {
		return false, nil
	}
	s, err := d.String()
	*dst = S(s)
	return err == nil, err
}

// ReadInt64 reads an integer into any int64 type. Numbers that are not
// integers, or do not fit an int64, do not fit.
func ReadInt64[I ~int64](dst *I, d *Decoder) (bool, error) {
	if d.Peek() != jsonwire.KindNumber {
		return false, nil
	}
	v, exact, err := d.Int64()
	*dst = I(v)
	return exact && err == nil, err
}

// ReadFloat64 reads a number whose value a float64 holds exactly (its
// shortest form gives back the same decimal).
func ReadFloat64(dst *float64, d *Decoder) (bool, error) {
	if d.Peek() != jsonwire.KindNumber {
		return false, nil
	}
	v, exact, err := d.Float64()
	*dst = v
	return exact && err == nil, err
}

// ReadBool reads true or false.
func ReadBool(dst *bool, d *Decoder) (bool, error) {
	if d.Peek() != jsonwire.KindBool {
		return false, nil
	}
	v, err := d.Bool()
	*dst = v
	return err == nil, err
}

// Emptied returns s with no elements but its memory, never nil: a decoded
// empty array is [] and not absent.
func Emptied[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s[:0]
}

// Extend adds an element to s for a decoder to fill, reusing the memory of
// the element that was there before when s has the capacity.
func Extend[T any](s []T) []T {
	if len(s) < cap(s) {
		return s[:len(s)+1]
	}
	var zero T
	return append(s, zero)
}

// Cleared returns m emptied, or a new map when m is nil.
func Cleared[V any](m map[string]V) map[string]V {
	if m == nil {
		return map[string]V{}
	}
	clear(m)
	return m
}

// ReadNullable reads null or a value that fits elem.
func ReadNullable[T any](dst *pinpointevents.Nullable[T], d *Decoder, elem func(*T, *Decoder) (bool, error)) (bool, error) {
	if d.Peek() == jsonwire.KindNull {
		*dst = pinpointevents.Nullable[T]{}
		return true, d.Null()
	}
	dst.Valid = true
	return elem(&dst.Value, d)
}

// Writer holds the first error of a generated encoder: a float that JSON
// cannot hold. The encoder writes null in its place and goes on.
type Writer struct {
	Err error
}

// Float64 appends f as encoding/json writes a float64.
func (w *Writer) Float64(b []byte, f float64) []byte {
	out, ok := jsonwire.AppendFloat(b, f)
	if !ok {
		if w.Err == nil {
			w.Err = &jsonwire.UnsupportedValueError{Value: f}
		}
		return append(b, "null"...)
	}
	return out
}

// AppendMembers appends the members a struct kept raw, each after a ','.
func AppendMembers(b []byte, ms pinpointevents.Members) []byte {
	for _, m := range ms {
		b = append(b, ',')
		b = jsonwire.AppendString(b, m.Name)
		b = append(b, ':')
		b = append(b, m.Value...)
	}
	return b
}

// SortedKeys appends the keys of m to buf and returns them in order: maps
// are written sorted, so that the output does not depend on map order. The
// caller's buf, an array on its stack, spares an allocation for small maps.
func SortedKeys[V any](buf []string, m map[string]V) []string {
	keys := buf[:0]
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// SetBit returns set with bit set (on) or cleared.
func SetBit(set, bit uint64, on bool) uint64 {
	if on {
		return set | bit
	}
	return set &^ bit
}

// Start returns the offset where the next value starts.
func (d *Decoder) Start() int {
	d.Peek()
	return d.Offset()
}

// Head is what a dispatcher reads of an event before decoding it.
type Head struct {
	// Version and Type hold the version and the event type: a string's value,
	// or the JSON text of a member of another type (then VersionIsString or
	// TypeIsString is false).
	Version, Type                 string
	HasVersion, HasType           bool
	VersionIsString, TypeIsString bool
}

// ReadHead reads the members named versionMember and typeMember
// (event_version and event_type for Pinpoint) from the top level of the
// JSON object in data. It stops as soon as it has both, so the rest of data
// is checked by the decoder that comes next; a dispatcher that finds the
// decoded event disagree with the head (a duplicate member: the last one
// counts, as with encoding/json) reads it again with ReadFullHead.
func ReadHead(data []byte, versionMember, typeMember string) (Head, error) {
	return readHead(data, versionMember, typeMember, false)
}

// ReadFullHead is ReadHead that reads the whole top level, so that a later
// duplicate of either member wins.
func ReadFullHead(data []byte, versionMember, typeMember string) (Head, error) {
	return readHead(data, versionMember, typeMember, true)
}

func readHead(data []byte, versionMember, typeMember string, full bool) (Head, error) {
	var h Head
	// A pooled decoder: its string arena serves the two strings of every
	// head, instead of a new arena per call.
	pd := decoders.Get().(*Decoder)
	defer decoders.Put(pd)
	d := &pd.Decoder
	d.Reset(data)
	if k := d.Peek(); k != jsonwire.KindObject {
		if err := d.Skip(); err != nil {
			return h, err
		}
		if err := d.End(); err != nil {
			return h, err
		}
		return h, &pinpointevents.NotAnObjectError{Kind: k.String()}
	}
	if err := d.BeginObject(); err != nil {
		return h, err
	}
	for full || !(h.HasVersion && h.HasType) {
		name, more, err := d.NextMember()
		if err != nil {
			return h, err
		}
		if !more {
			return h, d.End()
		}
		// Comparisons, not a switch on string(name): with cases that are
		// not constants, the switch would copy every member name.
		switch {
		case string(name) == versionMember:
			h.HasVersion = true
			h.Version, h.VersionIsString, err = headValue(d)
		case string(name) == typeMember:
			h.HasType = true
			h.Type, h.TypeIsString, err = headValue(d)
		default:
			err = d.Skip()
		}
		if err != nil {
			return h, err
		}
	}
	return h, nil
}

func headValue(d *jsonwire.Decoder) (string, bool, error) {
	if d.Peek() == jsonwire.KindString {
		s, err := d.String()
		return s, true, err
	}
	raw, err := d.Raw()
	return string(raw), false, err
}

// HeadError returns err, the reason a dispatcher cannot decode data (its
// event_version or event_type), unless data is malformed JSON: then the
// syntax error, which ReadHead may have stopped short of, comes first.
func HeadError(data []byte, err error) error {
	var d jsonwire.Decoder
	d.Reset(data)
	if syntax := d.Skip(); syntax != nil {
		return syntax
	}
	if syntax := d.End(); syntax != nil {
		return syntax
	}
	return err
}

// DecodeDocument decodes the JSON document a string holds (a
// contentMediaType application/json member) into dst with read. A document
// whose values do not fit the Go type is an error that says so; Validate
// says where.
func DecodeDocument[T any](text string, dst *T, read func(*T, *Decoder) (bool, error)) error {
	// The decoder only reads its input (strings are copied out), so the
	// text needs no copy of its own.
	data := unsafe.Slice(unsafe.StringData(text), len(text))
	return Decode(data, pinpointevents.DecodeOptions{}, func(d *Decoder) error {
		fits, err := read(dst, d)
		if err == nil && !fits {
			err = errDocumentDoesNotFit
		}
		return err
	})
}

var errDocumentDoesNotFit = errors.New("the embedded JSON document has values of other types than its schema allows")

// String reads a JSON string into any string type. The caller has checked
// with Peek that the next value is a string.
func String[S ~string](d *Decoder) (S, error) {
	s, err := d.StringAfterPeek()
	return S(s), err
}

// Reuse returns old, or a new value when old is nil: decoding into a used
// value writes into the memory its optional fields already point to.
func Reuse[T any](old *T) *T {
	if old == nil {
		return new(T)
	}
	return old
}

// slabLen is how many fields one slab allocation serves.
const slabLen = 64

// ReuseString is Reuse for an optional string field, whose new value is
// carved from a slab of the decoder: the fields of one event then sit next
// to each other in memory (which a later walk over many events, such as
// encoding them, feels), and a new value costs an allocation per slabLen
// fields rather than per field. Like the string arena, a slab is never
// handed out twice, so it lives as long as any field in it.
func ReuseString[S ~string](d *Decoder, old *S) *S {
	if old != nil {
		return old
	}
	if len(d.strings) == 0 {
		d.strings = make([]string, slabLen)
	}
	p := &d.strings[0]
	d.strings = d.strings[1:]
	// S's underlying type is string: the same memory layout.
	return (*S)(unsafe.Pointer(p))
}

// ReuseInt64 is ReuseString for an optional integer field.
func ReuseInt64[I ~int64](d *Decoder, old *I) *I {
	if old != nil {
		return old
	}
	if len(d.int64s) == 0 {
		d.int64s = make([]int64, slabLen)
	}
	p := &d.int64s[0]
	d.int64s = d.int64s[1:]
	return (*I)(unsafe.Pointer(p))
}

// ReuseFloat64 is ReuseString for an optional number field.
func ReuseFloat64(d *Decoder, old *float64) *float64 {
	if old != nil {
		return old
	}
	if len(d.float64s) == 0 {
		d.float64s = make([]float64, slabLen)
	}
	p := &d.float64s[0]
	d.float64s = d.float64s[1:]
	return p
}

// FastInt64 reads an integer that an int64 holds, when allowed is true; it
// reads nothing and reports false otherwise, or when the next value is not
// such an integer, leaving the caller's general path to deal with it.
func (d *Decoder) FastInt64(allowed bool) (int64, bool) {
	if !allowed || d.Peek() != jsonwire.KindNumber {
		return 0, false
	}
	m := d.Mark()
	n, exact, err := d.Int64()
	if err != nil || !exact {
		d.Rewind(m)
		return 0, false
	}
	return n, true
}

// FastFloat64 is FastInt64 for a number a float64 holds exactly.
func (d *Decoder) FastFloat64(allowed bool) (float64, bool) {
	if !allowed || d.Peek() != jsonwire.KindNumber {
		return 0, false
	}
	m := d.Mark()
	f, exact, err := d.Float64()
	if err != nil || !exact {
		d.Rewind(m)
		return 0, false
	}
	return f, true
}
