// Package validation is the runtime of generated validators: the violations
// they report, the instance paths those carry, and the few checks that are
// too long to repeat in generated code (formats, embedded JSON, messages).
package validation

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"sync"

	pinpointevents "github.com/pinpoint-events/pinpoint-events"
	"github.com/pinpoint-events/pinpoint-events/internal/jsonvalue"
)

// The types validators report are declared in the root package, which users
// import; the aliases keep the generated validators' names short.
type (
	Violation       = pinpointevents.Violation
	ValidationError = pinpointevents.ValidationError
	Options         = pinpointevents.ValidateOptions
)

// EscapeToken escapes one JSON pointer reference token (RFC 6901).
func EscapeToken(s string) string {
	if !strings.ContainsAny(s, "~/") {
		return s
	}
	return strings.NewReplacer("~", "~0", "/", "~1").Replace(s)
}

// Collector gathers the violations of one validation run. It also keeps the
// path of the value being checked: validators Push a member name or an index
// before checking a part of a value and Pop after, and a violation is
// recorded at the current path. (A stack in the collector, rather than path
// values passed along, keeps the validators free of allocations.)
type Collector struct {
	Options
	list  []Violation
	path  []step
	stack [16]step // the path's first steps, without an allocation
}

// step is one token of a path: a member name, or an array index (index >= 0).
type step struct {
	name  string
	index int
}

// Push enters the member name of the current value.
func (c *Collector) Push(name string) {
	if c.path == nil {
		c.path = c.stack[:0]
	}
	c.path = append(c.path, step{name: name, index: -1})
}

// PushIndex enters element i of the current array.
func (c *Collector) PushIndex(i int) {
	if c.path == nil {
		c.path = c.stack[:0]
	}
	c.path = append(c.path, step{index: i})
}

// Pop leaves the member or element entered last.
func (c *Collector) Pop() { c.path = c.path[:len(c.path)-1] }

// Pointer returns the RFC 6901 JSON pointer of the current path.
func (c *Collector) Pointer() string {
	var b strings.Builder
	for _, s := range c.path {
		b.WriteByte('/')
		if s.index >= 0 {
			b.WriteString(strconv.Itoa(s.index))
		} else {
			b.WriteString(EscapeToken(s.name))
		}
	}
	return b.String()
}

// Add records a violation of keyword at the current path.
func (c *Collector) Add(keyword, message string) {
	c.list = append(c.list, Violation{Pointer: c.Pointer(), Keyword: keyword, Message: message})
}

// Len is the number of violations recorded so far. With Truncate it lets a
// validator try a subschema (anyOf, oneOf, not, if) and take its violations
// back.
func (c *Collector) Len() int { return len(c.list) }

// Truncate drops the violations recorded after the first n.
func (c *Collector) Truncate(n int) { c.list = c.list[:n] }

// Violations returns the violations recorded, sorted.
func (c *Collector) Violations() []Violation {
	sort.SliceStable(c.list, func(i, j int) bool {
		a, b := c.list[i], c.list[j]
		if a.Pointer != b.Pointer {
			return a.Pointer < b.Pointer
		}
		if a.Keyword != b.Keyword {
			return a.Keyword < b.Keyword
		}
		return a.Message < b.Message
	})
	return c.list
}

// Err returns a *ValidationError with the sorted violations, or nil. The
// error owns its violations: the collector can be released.
func (c *Collector) Err() error {
	if len(c.list) == 0 {
		return nil
	}
	return &ValidationError{Violations: append([]Violation(nil), c.Violations()...)}
}

var collectors = sync.Pool{New: func() any { return new(Collector) }}

// NewCollector returns an empty collector for a validation run, from a pool:
// Release it when done.
func NewCollector(opts Options) *Collector {
	c := collectors.Get().(*Collector)
	c.Options = opts
	return c
}

// Run validates with a pooled collector: validate records the violations,
// and Run returns them as an error (nil when there are none). Every generated
// ValidateWith is this one call.
func Run(opts Options, validate func(*Collector)) error {
	c := NewCollector(opts)
	validate(c)
	err := c.Err()
	c.Release()
	return err
}

// Release empties c and returns it to the pool. c must not be used after.
func (c *Collector) Release() {
	c.list = c.list[:0]
	c.path = c.path[:0]
	collectors.Put(c)
}

// Required reports that the current object lacks the member name.
func (c *Collector) Required(name string) {
	c.Add("required", "missing required member "+strconv.Quote(name))
}

// Type reports a value of the wrong JSON type. want names the allowed types,
// e.g. "string" or "string or null".
func (c *Collector) Type(v *jsonvalue.Value, want string) {
	c.Add("type", fmt.Sprintf("must be %s, not %s", withArticle(want), withArticle(v.Kind.String())))
}

// FalseSchema reports a value where the schema allows none.
func (c *Collector) FalseSchema() {
	c.Add("false", "no value is allowed here")
}

// Const reports a value that differs from the one allowed. got and want
// are shown as written (Show).
func (c *Collector) Const(got, want string) {
	c.Add("const", got+" must be "+want)
}

// Enum reports a value that is not in the allowed list; values is the list as
// shown to people (EnumList).
func (c *Collector) Enum(got, values string) {
	c.Add("enum", got+" is not one of "+values)
}

// AdditionalProperty reports a member the schema does not allow.
func (c *Collector) AdditionalProperty(name string) {
	c.Add("additionalProperties", "member "+strconv.Quote(name)+" is not allowed")
}

// DependentRequired reports a member missing while another is present.
func (c *Collector) DependentRequired(present, missing string) {
	c.Add("dependentRequired", fmt.Sprintf("member %q is required when %q is present", missing, present))
}

// Count reports a length or size outside its bounds: keyword is one of
// minLength, maxLength, minItems, maxItems, minProperties, maxProperties.
func (c *Collector) Count(keyword string, got, limit int) {
	var what, bound string
	switch keyword {
	case "minLength", "maxLength":
		what = "characters"
	case "minItems", "maxItems":
		what = "items"
	default:
		what = "members"
	}
	if strings.HasPrefix(keyword, "min") {
		bound = "at least"
	} else {
		bound = "at most"
	}
	c.Add(keyword, fmt.Sprintf("has %d %s, want %s %d", got, what, bound, limit))
}

// Pattern reports a string that does not match a pattern.
func (c *Collector) Pattern(s, pattern string) {
	c.Add("pattern", Quote(s)+" does not match the pattern "+pattern)
}

// Bound reports a number outside a bound: keyword is minimum, maximum,
// exclusiveMinimum or exclusiveMaximum; got and limit are number literals.
func (c *Collector) Bound(keyword, got, limit string) {
	var rel string
	switch keyword {
	case "minimum":
		rel = "is less than the minimum"
	case "maximum":
		rel = "is greater than the maximum"
	case "exclusiveMinimum":
		rel = "must be greater than"
	default:
		rel = "must be less than"
	}
	c.Add(keyword, got+" "+rel+" "+limit)
}

// MultipleOf reports a number that is not a multiple of divisor.
func (c *Collector) MultipleOf(got, divisor string) {
	c.Add("multipleOf", got+" is not a multiple of "+divisor)
}

// UniqueItems reports two equal items of an array.
func (c *Collector) UniqueItems(i, j int) {
	c.Add("uniqueItems", fmt.Sprintf("items %d and %d are equal", i, j))
}

// Not reports a value that matches the schema of a not keyword.
func (c *Collector) Not() {
	c.Add("not", "must not match the schema given in not")
}

// AnyOf reports a value that matches none of the alternatives.
func (c *Collector) AnyOf(n int) {
	c.Add("anyOf", fmt.Sprintf("matches none of the %d alternatives of anyOf", n))
}

// OneOf reports a value that matches none of the alternatives (i < 0), or
// more than one: alternatives i and j.
func (c *Collector) OneOf(n, i, j int) {
	if i < 0 {
		c.Add("oneOf", fmt.Sprintf("matches none of the %d alternatives of oneOf", n))
		return
	}
	c.Add("oneOf", fmt.Sprintf("matches alternatives %d and %d of oneOf, want exactly one", i, j))
}

// withArticle turns a type list like "string or null" into "a string or null".
func withArticle(types string) string {
	switch types[0] {
	case 'a', 'e', 'i', 'o', 'u':
		return "an " + types
	}
	return "a " + types
}

// Quote shows a string value in a message, shortened when long.
func Quote(s string) string {
	const max = 64
	if r := []rune(s); len(r) > max {
		return strconv.Quote(string(r[:max])) + "…"
	}
	return strconv.Quote(s)
}

// Show renders a value for a message: strings quoted, the rest as compact
// JSON, shortened when long.
func Show(v *jsonvalue.Value) string {
	if v.Kind == jsonvalue.String {
		return Quote(v.Str)
	}
	// Only as much of a large value as is shown.
	b := v.AppendJSONPrefix(nil, 64)
	if len(b) > 64 {
		return string(b[:64]) + "…"
	}
	return string(b)
}

// ValueAt checks v with check, with c at the member name of the current
// object: the call a generated validate method makes for a field. Small
// enough to inline, so that check, a function or a method expression, is
// called directly.
func ValueAt[T any](c *Collector, name string, v T, check func(T, *Collector)) {
	c.Push(name)
	check(v, c)
	c.Pop()
}
