package model

import (
	"strconv"
	"strings"

	"github.com/pinpoint-events/pinpoint-events/generator/load"
)

// Check is a schema lowered for validation: its keywords as plain data, the
// schemas it applies as Checks, and every Go name its validator needs. The
// printer reads only Checks; which function validates a value is decided
// here (Func), so that a chain of $refs is one direct call and equal
// validators are printed once.
//
// Its keywords mirror the order in which santhosh-tekuri/jsonschema v6
// applies them, because that order decides which violations an instance
// gets: type, const, enum and format each end the schema's checks when
// they fail; then $ref; then the keywords of the value's JSON type; then
// not, allOf, anyOf, oneOf and if/then/else.
type Check struct {
	// Source is where the schema is, file#pointer, for doc comments.
	Source string
	// File is the schema file's base name without .json: the validator goes
	// to <File>_validate.go.
	File string
	// Suffix names the Go code of the schema after its place:
	// common.json#/$defs/Application/properties/app_id is ApplicationAppID.
	Suffix string

	// Accepts is true when the schema checks nothing (true, or only
	// annotations): it has no validator.
	Accepts bool
	// False is the schema false.
	False bool
	// TypeOnly is true when type is the only keyword that checks anything.
	TypeOnly bool

	Types    []string
	Const    *Literal
	Enum     []Literal
	EnumText string // how the enum is shown in messages
	Format   string
	Ref      *Check

	MinProperties, MaxProperties *int
	Required                     []string
	DependentRequired            []Dependency
	Properties                   []PropertyCheck
	PatternProperties            []PatternCheck
	// Additional is additionalProperties (nil: absent). Closed: it is false.
	Additional    *Check
	Closed        bool
	propertiesVar string

	MinItems, MaxItems *int
	UniqueItems        bool
	Items              *Check
	PrefixItems        []*Check

	MinLength, MaxLength *int
	Pattern              *Pattern
	ContentEncoding      string
	ContentMediaType     string
	ContentSchema        *Check

	// Bounds are minimum, maximum, exclusiveMinimum, exclusiveMaximum and
	// multipleOf, in that order.
	Bounds []Bound

	Not               *Check
	AllOf             []*Check
	AnyOf, OneOf      []*Check
	If, Then, Else    *Check
	hasIf             bool
	ConstVar, EnumVar string // package variables of the parsed literals

	set      *Checks
	schema   *load.Schema
	resolved bool
	fn       *Check
	// Name is the validator's Go function: set on the checks Func returns.
	Name string
}

// Literal is a JSON literal of const or enum.
type Literal struct {
	JSON     string
	IsString bool
	String   string // the value of a string
}

// Dependency is one member of dependentRequired.
type Dependency struct {
	Property string
	Required []string
}

// PropertyCheck is one member of properties.
type PropertyCheck struct {
	Name     string
	Check    *Check
	Required bool // named by required
}

// PatternCheck is one member of patternProperties.
type PatternCheck struct {
	Pattern *Pattern
	Check   *Check
}

// Pattern is a regular expression and how the validator matches it: a
// compiled regexp (Var), or, for the simple form ^[class]{m,n}$ over ASCII
// (such as the account ID's ^[0-9]{12}$), a generated loop (Match) that
// does the same without the regexp engine.
type Pattern struct {
	Expr  string
	Var   string
	Match *SimpleMatch
}

// SimpleMatch is a loop that matches ^[Ranges]{Min,Max}$ (Max < 0: no bound)
// byte by byte.
type SimpleMatch struct {
	Func     string
	Ranges   [][2]rune
	Min, Max int
}

// Bound is one number keyword.
type Bound struct {
	Keyword string // minimum, maximum, exclusiveMinimum, exclusiveMaximum or multipleOf
	Literal string
	Var     string // the package variable of the parsed literal
	// Int is the literal when it is an integer an int64 holds (IsInt).
	Int   int64
	IsInt bool
}

// HasComposition reports whether c uses not, allOf, anyOf, oneOf or if.
func (c *Check) HasComposition() bool {
	return c.Not != nil || len(c.AllOf)+len(c.AnyOf)+len(c.OneOf) > 0 || c.hasIf
}

// HasIf reports whether c applies if/then/else.
func (c *Check) HasIf() bool { return c.hasIf }

// Checks lowers schemas to Checks, once each, and names their validators.
type Checks struct {
	bySchema map[*load.Schema]*Check
	// funcs and vars are the Go names in use.
	funcs, vars map[string]bool
	// typeOnly are the validators of schemas that only have type, one per
	// list of types; byKey those of the other schemas, by their content.
	typeOnly, byKey map[string]*Check
	queue           []*Check
	// typed are the names of the typed checks, and typedRef the typed
	// check each calls for its $ref, by typedKey (typed.go).
	typed, typedRef map[string]string
	// sealed is set once every validator is named (validators.go).
	sealed bool
}

// NewChecks returns an empty set of checks for one package.
func NewChecks() *Checks {
	return &Checks{bySchema: map[*load.Schema]*Check{}, funcs: map[string]bool{}, vars: map[string]bool{},
		typeOnly: map[string]*Check{}, byKey: map[string]*Check{}, typed: map[string]string{}, typedRef: map[string]string{}}
}

// Of returns the Check of s.
func (cs *Checks) Of(s *load.Schema) *Check {
	if s == nil {
		return nil
	}
	if c, ok := cs.bySchema[s]; ok {
		return c
	}
	c := &Check{set: cs, schema: s, Source: s.Loc.File + "#" + s.Loc.Pointer,
		File: fileBase(s), Suffix: schemaSuffix(s)}
	cs.bySchema[s] = c // before the schemas it applies: they may lead back
	cs.lower(c, s)
	return c
}

// Func returns the check whose validator a value is checked against for
// c, with its Name; nil when c accepts every value. A schema that only
// refers to another ($ref, or an allOf of one schema, beside annotations)
// has no validator of its own; schemas that only have type share one
// validator per list of types; structurally equal schemas share one.
func (c *Check) Func() *Check {
	if c == nil {
		return nil
	}
	if c.resolved {
		return c.fn
	}
	if c.set.sealed {
		panic("model: the validator of " + c.Source + " was not named before printing")
	}
	c.resolved = true
	cs := c.set
	t := cs.Of(forwardTarget(c.schema))
	switch {
	case t.Accepts:
		c.fn = nil
	case t != c:
		c.fn = t.Func()
	case t.TypeOnly:
		key := strings.Join(t.Types, " or ")
		if shared, ok := cs.typeOnly[key]; ok {
			c.fn = shared
			break
		}
		var b strings.Builder
		for i, ty := range t.Types {
			if i > 0 {
				b.WriteString("Or")
			}
			b.WriteString(GoName(ty))
		}
		c.Name = UniqueName(cs.funcs, "rawType"+b.String())
		cs.typeOnly[key] = c
		cs.queue = append(cs.queue, c)
		c.fn = c
	default:
		c.fn = c // a validator that leads back to c calls c
		if key, ok := c.key(); ok {
			if shared, ok := cs.byKey[key]; ok {
				c.fn = shared
				break
			}
			cs.byKey[key] = c
		}
		c.Name = UniqueName(cs.funcs, "raw"+c.Suffix)
		cs.queue = append(cs.queue, c)
	}
	return c.fn
}

// FuncName is the name of c's validator, "" when it accepts every value.
func (c *Check) FuncName() string {
	if f := c.Func(); f != nil {
		return f.Name
	}
	return ""
}

// UniqueName returns base, or base followed by the first number that makes
// it unused, and marks it used.
func UniqueName(used map[string]bool, base string) string {
	n := base
	for i := 2; used[n]; i++ {
		n = base + strconv.Itoa(i)
	}
	used[n] = true
	return n
}

// GuardKinds returns the rawcheck kind constants (StringKind, ...) of the
// values the validator of c accepts at its first step, when that step
// rejects every other kind with a type violation and returns: the validator
// of a schema with type, or of one that is only a $ref to such a schema.
// Checking a value of another kind then depends on the kind alone, so that
// rawcheck.CheckMemberOf need not parse the value.
func (c *Check) GuardKinds() []string {
	return guardKinds(c.schema)
}

func guardKinds(s *load.Schema) []string {
	for hops := 0; s != nil && hops < 64; hops++ {
		if s.IsFalse() || annotationOnly(s) {
			return nil
		}
		if len(s.Types) > 0 {
			var kinds []string
			seen := map[string]bool{}
			for _, t := range s.Types {
				name := map[string]string{"null": "NullKind", "boolean": "BoolKind", "integer": "IntegerKind", "number": "NumberKind",
					"string": "StringKind", "array": "ArrayKind", "object": "ObjectKind"}[t]
				if name == "" || seen[name] {
					continue
				}
				seen[name] = true
				kinds = append(kinds, name)
			}
			return kinds
		}
		refOnly := *s
		refOnly.Ref = nil
		if s.Ref == nil || !annotationOnly(&refOnly) {
			return nil
		}
		s = s.Ref
	}
	return nil
}

// NullNeedsNoCheck reports whether c only checks a type list that holds
// null: then null needs no check at run time.
func (c *Check) NullNeedsNoCheck() bool {
	t := c.set.Of(forwardTarget(c.schema))
	if !t.TypeOnly {
		return false
	}
	for _, ty := range t.Types {
		if ty == "null" {
			return true
		}
	}
	return false
}

// PropertiesTable names the rawcheck.Properties table that checks the
// members by name; "" when a loop matches them instead: with
// patternProperties, or when the validator can reach itself (a table that
// refers to a validator that refers back to the table is an initialization
// cycle in Go).
func (c *Check) PropertiesTable() string {
	if c.propertiesVar == "" || c.recursive() {
		return ""
	}
	return c.propertiesVar
}

// recursive reports whether the validator of c calls, directly or not,
// itself.
func (c *Check) recursive() bool {
	self := c.Func()
	seen := map[*Check]bool{}
	var reaches func(x *Check) bool
	reaches = func(x *Check) bool {
		f := x.Func()
		if f == nil || seen[f] {
			return false
		}
		if f == self {
			return true
		}
		seen[f] = true
		for _, sub := range f.subs() {
			if reaches(sub) {
				return true
			}
		}
		return false
	}
	for _, sub := range self.subs() {
		if reaches(sub) {
			return true
		}
	}
	return false
}

// subs are the checks c applies to the value or its parts.
func (c *Check) subs() []*Check {
	out := []*Check{c.Ref, c.Additional, c.Items, c.ContentSchema, c.Not, c.If, c.Then, c.Else}
	for _, p := range c.Properties {
		out = append(out, p.Check)
	}
	for _, p := range c.PatternProperties {
		out = append(out, p.Check)
	}
	out = append(out, c.PrefixItems...)
	out = append(out, c.AllOf...)
	out = append(out, c.AnyOf...)
	out = append(out, c.OneOf...)
	var subs []*Check
	for _, x := range out {
		if x != nil {
			subs = append(subs, x)
		}
	}
	return subs
}

// TypedTarget returns the check whose typed function checks a Go value of
// type goType (string, int64, float64 or bool) against c: c, or, when c has
// no keyword of its own that applies to such a value, the first along its
// $ref chain that has; nil when nothing applies. A typed function that
// would only call the next is not printed.
func (c *Check) TypedTarget(goType string) *Check {
	seen := map[*Check]bool{}
	for c != nil && !seen[c] {
		seen[c] = true
		if c.checksTyped(goType) {
			return c
		}
		c = c.Ref
	}
	return nil
}

// checksTyped reports whether a keyword of c itself applies to a Go value
// of type goType.
func (c *Check) checksTyped(goType string) bool {
	if c.False || c.Const != nil || c.Enum != nil || c.HasComposition() {
		return true
	}
	switch goType {
	case "string":
		return c.Format != "" || c.MinLength != nil || c.MaxLength != nil || c.Pattern != nil || c.ContentEncoding != "" || c.ContentMediaType != ""
	case "int64", "float64":
		for _, b := range c.Bounds {
			if goType == "float64" || !b.HoldsEveryInt64() {
				return true
			}
		}
	}
	return false
}

// HoldsEveryInt64 reports whether every int64 meets b: an integer minimum
// of -2⁶³, an integer maximum of 2⁶³-1, or an integer multipleOf that is
// not positive (which the schema's metaschema rejects anyway).
func (b Bound) HoldsEveryInt64() bool {
	if !b.IsInt {
		return false
	}
	switch b.Keyword {
	case "minimum":
		return b.Int == -1<<63
	case "maximum":
		return b.Int == 1<<63-1
	case "multipleOf":
		return b.Int <= 0
	}
	return false
}
