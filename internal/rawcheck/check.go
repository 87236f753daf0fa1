// Package rawcheck holds the pieces of generated raw-value validators that
// do not depend on a schema: checking a member a struct kept raw (lazily, or
// by its first byte), the applicators (anyOf, oneOf, not, if/then/else),
// required and dependent members, enum and uniqueness tests, Go values turned
// into raw values for the checks generated code makes on typed fields, and
// ParseEvent and Validate, which validate an event without decoding it.
//
// It is apart from internal/codec because decoding does not need it: the
// decoders keep a value that does not fit raw, and only validation looks
// inside it.
package rawcheck

import (
	pinpointevents "github.com/pinpoint-events/pinpoint-events"
	"github.com/pinpoint-events/pinpoint-events/internal/jsonvalue"
	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
	"github.com/pinpoint-events/pinpoint-events/internal/validation"
)

// Check is a generated validator of raw JSON values: it records the
// violations of v in c, at c's current path.
type Check func(v *jsonvalue.Value, c *validation.Collector)

// Valid is the Check of a schema that accepts every value.
func Valid(*jsonvalue.Value, *validation.Collector) {}

// CheckMember validates a member a struct kept raw.
func CheckMember(m *pinpointevents.Member, c *validation.Collector, check Check) {
	c.Push(m.Name)
	defer c.Pop()
	// Lazily: the check parses what it looks at, so that a large member it
	// rejects at a glance costs next to nothing.
	v, err := jsonvalue.ParseLazy(m.Value)
	if err != nil {
		// Only a program that filled Rest by hand gets here.
		c.Add("type", "holds malformed JSON: "+err.Error())
		return
	}
	check(&v, c)
}

// Kinds is a set of JSON types, for CheckMemberOf.
type Kinds uint8

// The JSON types of a Kinds. IntegerKind is NumberKind: whether a number is
// an integer takes parsing it, which a number's literal costs little.
const (
	NullKind Kinds = 1 << iota
	BoolKind
	NumberKind
	StringKind
	ArrayKind
	ObjectKind
	IntegerKind = NumberKind
)

// kindsOf maps a jsonvalue.Kind to its bit.
var kindsOf = [...]Kinds{
	jsonvalue.Null:   NullKind,
	jsonvalue.Bool:   BoolKind,
	jsonvalue.Number: NumberKind,
	jsonvalue.String: StringKind,
	jsonvalue.Array:  ArrayKind,
	jsonvalue.Object: ObjectKind,
}

// CheckMemberOf is CheckMember for a check whose first step rejects every
// value with a kind outside accepted, with a type violation and nothing
// else. A member of such a kind is not parsed: the check gets a value of
// that kind with nothing in it, which it rejects in the same words. Parsing
// it would cost memory a hundred times its size for nothing (a Value per
// element: 224 MB for a 1 MB array where an object belongs).
func CheckMemberOf(m *pinpointevents.Member, c *validation.Collector, check Check, accepted Kinds) {
	if k, ok := rawKind(m.Value); ok && kindsOf[k]&accepted == 0 {
		c.Push(m.Name)
		defer c.Pop()
		check(&jsonvalue.Value{Kind: k}, c)
		return
	}
	CheckMember(m, c, check)
}

// rawKind returns the kind of the JSON value in data, when data is one
// well-formed value. It checks the syntax without building anything.
func rawKind(data []byte) (jsonvalue.Kind, bool) {
	var d jsonwire.Decoder
	d.Reset(data)
	k := d.Peek()
	if d.Skip() != nil || d.End() != nil {
		return 0, false
	}
	switch k {
	case jsonwire.KindNull:
		return jsonvalue.Null, true
	case jsonwire.KindBool:
		return jsonvalue.Bool, true
	case jsonwire.KindNumber:
		return jsonvalue.Number, true
	case jsonwire.KindString:
		return jsonvalue.String, true
	case jsonwire.KindArray:
		return jsonvalue.Array, true
	case jsonwire.KindObject:
		return jsonvalue.Object, true
	}
	return 0, false
}

// passes reports whether check finds nothing wrong with v, leaving c as it
// was.
func passes(check Check, v *jsonvalue.Value, c *validation.Collector) bool {
	n := c.Len()
	check(v, c)
	ok := c.Len() == n
	c.Truncate(n)
	return ok
}

// AnyOf applies anyOf: v must pass at least one alternative.
func AnyOf(v *jsonvalue.Value, c *validation.Collector, alts ...Check) {
	for _, alt := range alts {
		if passes(alt, v, c) {
			return
		}
	}
	c.AnyOf(len(alts))
}

// OneOf applies oneOf: v must pass exactly one alternative.
func OneOf(v *jsonvalue.Value, c *validation.Collector, alts ...Check) {
	first := -1
	for i, alt := range alts {
		if !passes(alt, v, c) {
			continue
		}
		if first >= 0 {
			c.OneOf(len(alts), first, i)
			return
		}
		first = i
	}
	if first < 0 {
		c.OneOf(len(alts), -1, -1)
	}
}

// Not applies not: v must fail check.
func Not(v *jsonvalue.Value, c *validation.Collector, check Check) {
	if passes(check, v, c) {
		c.Not()
	}
}

// IfThenElse applies if, then and else; then and els may be nil.
func IfThenElse(v *jsonvalue.Value, c *validation.Collector, cond, then, els Check) {
	if passes(cond, v, c) {
		if then != nil {
			then(v, c)
		}
	} else if els != nil {
		els(v, c)
	}
}

// RequiredMembers applies required to an object.
func RequiredMembers(v *jsonvalue.Value, c *validation.Collector, names ...string) {
	v.Fields() // parsed once, not by every Lookup
	for _, name := range names {
		if _, ok := v.Lookup(name); !ok {
			c.Required(name)
		}
	}
}

// DependentRequired applies one member of dependentRequired to an object.
func DependentRequired(v *jsonvalue.Value, c *validation.Collector, present string, required ...string) {
	v.Fields() // parsed once, not by every Lookup
	if _, ok := v.Lookup(present); !ok {
		return
	}
	for _, name := range required {
		if _, ok := v.Lookup(name); !ok {
			c.DependentRequired(present, name)
		}
	}
}

// InEnum reports whether v equals one of values.
func InEnum(v *jsonvalue.Value, values []jsonvalue.Value) bool {
	for i := range values {
		if jsonvalue.Equal(*v, values[i]) {
			return true
		}
	}
	return false
}

// Duplicate returns two equal items (JSON equality: 1 equals 1.0), if any,
// in time linear in the size of the array.
func Duplicate(items []jsonvalue.Value) (i, j int, found bool) {
	seen := make(map[string]int, len(items))
	var key []byte
	for j := range items {
		key = items[j].AppendKey(key[:0])
		if i, ok := seen[string(key)]; ok {
			return i, j, true
		}
		seen[string(key)] = j
	}
	return 0, 0, false
}

// DuplicateOf is Duplicate for a slice of Go strings, numbers or bools,
// where Go equality is JSON equality.
func DuplicateOf[T comparable](items []T) (i, j int, found bool) {
	seen := make(map[T]int, len(items))
	for j, it := range items {
		if i, ok := seen[it]; ok {
			return i, j, true
		}
		seen[it] = j
	}
	return 0, 0, false
}

// Parsed turns the JSON a generated encoder wrote back into a raw value, for
// the few checks generated code makes on raw values only.
func Parsed(data []byte) jsonvalue.Value {
	v, err := jsonvalue.ParseLazy(data)
	if err != nil {
		return jsonvalue.Value{Kind: jsonvalue.Null}
	}
	return v
}

// StringValue is a Go string as a raw value.
func StringValue(s string) jsonvalue.Value { return jsonvalue.Value{Kind: jsonvalue.String, Str: s} }

// Int64Value is a Go integer as a raw value.
func Int64Value(i int64) jsonvalue.Value {
	return jsonvalue.Value{Kind: jsonvalue.Number, Num: jsonvalue.NumberFromInt64(i)}
}

// Float64Value is a Go float as a raw value.
func Float64Value(f float64) jsonvalue.Value {
	return jsonvalue.Value{Kind: jsonvalue.Number, Num: jsonvalue.NumberFromFloat64(f)}
}

// BoolValue is a Go bool as a raw value.
func BoolValue(b bool) jsonvalue.Value { return jsonvalue.Value{Kind: jsonvalue.Bool, Bool: b} }

// NullValue is JSON null as a raw value.
func NullValue() jsonvalue.Value { return jsonvalue.Value{Kind: jsonvalue.Null} }

// MustParse parses a JSON literal written in generated code.
func MustParse(literal string) jsonvalue.Value {
	v, err := jsonvalue.Parse([]byte(literal))
	if err != nil {
		panic("rawcheck: generated literal is not JSON: " + err.Error())
	}
	return v
}

// MustNumber parses a number literal written in generated code.
func MustNumber(literal string) jsonvalue.Decimal {
	n, err := jsonvalue.ParseNumber(literal)
	if err != nil {
		panic("rawcheck: generated number is not a number: " + err.Error())
	}
	return n
}

// Accepts reports whether check finds nothing wrong with v.
func Accepts(check Check, v *jsonvalue.Value) bool {
	var c validation.Collector
	check(v, &c)
	return c.Len() == 0
}

// Member is how a member of one name is checked: against Check (nil: it
// checks nothing). A member a generated struct kept raw is not parsed when
// its kind is outside Kinds (see CheckMemberOf; no Kinds: always parsed).
type Member struct {
	Name  string
	Check Check
	Kinds Kinds
	// Required is the required keyword's: a generated struct checks it by
	// its bit in the struct's absent set (see CheckAbsent).
	Required bool
}

// Properties checks the members of an object by name: a member named in
// Known against its check (properties), any other against Other
// (additionalProperties; Closed when it is false). Generated validators
// declare one table per object schema instead of a switch with a branch
// per member: the logic is the same for every object.
type Properties struct {
	Known  []Member
	Other  Member
	Closed bool
}

// CheckRest checks the members a generated struct kept raw: a member of a
// property whose value did not fit its field, and any other member.
func (p *Properties) CheckRest(rest pinpointevents.Members, c *validation.Collector) {
	// Small enough to inline: a struct whose members all fit their fields,
	// the usual case, costs no call.
	if len(rest) != 0 {
		p.checkRest(rest, c)
	}
}

func (p *Properties) checkRest(rest pinpointevents.Members, c *validation.Collector) {
	for i := range rest {
		m := &rest[i]
		switch rule := p.rule(m.Name); {
		case rule.Check != nil && rule.Kinds != 0:
			CheckMemberOf(m, c, rule.Check, rule.Kinds)
		case rule.Check != nil:
			CheckMember(m, c, rule.Check)
		case rule != &p.Other:
			// A property that checks nothing: still, Rest must hold JSON.
			CheckMember(m, c, Valid)
		case p.Closed:
			c.AdditionalProperty(m.Name)
		}
	}
}

// CheckFields checks the members of a raw object.
func (p *Properties) CheckFields(members []jsonvalue.Member, c *validation.Collector) {
	for i := range members {
		m := &members[i]
		switch rule := p.rule(m.Name); {
		case rule.Check != nil:
			c.Push(m.Name)
			rule.Check(&m.Value, c)
			c.Pop()
		case p.Closed && rule == &p.Other:
			c.AdditionalProperty(m.Name)
		}
	}
}

// rule returns the entry for the member name.
func (p *Properties) rule(name string) *Member {
	for i := range p.Known {
		if p.Known[i].Name == name {
			return &p.Known[i]
		}
	}
	return &p.Other
}

// CheckAbsent reports each required member a generated struct lacks. Its
// decoder sets bit k of absent when the k-th required member of Known was
// missing or held a value its field cannot (then the member is in Rest, and
// present).
func (p *Properties) CheckAbsent(absent uint64, rest pinpointevents.Members, c *validation.Collector) {
	// Small enough to inline, as CheckRest.
	if absent != 0 {
		p.checkAbsent(absent, rest, c)
	}
}

func (p *Properties) checkAbsent(absent uint64, rest pinpointevents.Members, c *validation.Collector) {
	bit := uint64(1)
	for i := range p.Known {
		m := &p.Known[i]
		if !m.Required {
			continue
		}
		if absent&bit != 0 && !rest.Has(m.Name) {
			c.Required(m.Name)
		}
		bit <<= 1
	}
}
