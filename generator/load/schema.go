// Package load reads JSON Schema (draft 2020-12) documents into a tree of
// Schema values the rest of the generator works on.
//
// Every document is first compiled by github.com/santhosh-tekuri/jsonschema/v6,
// which checks it against the 2020-12 metaschema and resolves every $ref; the
// tree built here then keeps what that compiler drops: the order of properties,
// the file, line and JSON pointer of every subschema, and the project's
// annotation keywords (see schema/README.md). A keyword the generator cannot
// turn into code is an error that names it and where it stands.
package load

import (
	"fmt"
	"strings"
)

// Location is where a schema stands: file, line and column, and the JSON
// pointer of the subschema inside its file.
type Location struct {
	File    string
	Line    int
	Column  int
	Pointer string
}

func (l Location) String() string {
	return fmt.Sprintf("%s:%d:%d (#%s)", l.File, l.Line, l.Column, l.Pointer)
}

// Schema is one (sub)schema with its keywords parsed. A nil pointer or slice
// means the keyword is absent.
type Schema struct {
	Loc Location
	// URI is the canonical absolute URI of the schema: its resource plus a
	// JSON pointer fragment. Two $refs to the same place get the same *Schema.
	URI string
	// Bool is set for the boolean schemas true and false.
	Bool *bool

	Title       string
	Description string

	Types                []string // as written
	Const                *Literal
	Enum                 []Literal
	Format               string
	Ref                  *Schema
	Properties           []*Property // in file order
	Required             []string
	AdditionalProperties *Schema
	PatternProperties    []*PatternProperty
	MinProperties        *int
	MaxProperties        *int
	DependentRequired    []*Dependency
	Items                *Schema
	PrefixItems          []*Schema
	MinItems             *int
	MaxItems             *int
	UniqueItems          bool
	MinLength            *int
	MaxLength            *int
	Pattern              *string
	Minimum              *string // number literals, compared exactly
	Maximum              *string
	ExclusiveMinimum     *string
	ExclusiveMaximum     *string
	MultipleOf           *string
	AllOf                []*Schema
	AnyOf                []*Schema
	OneOf                []*Schema
	Not                  *Schema
	If                   *Schema
	Then                 *Schema
	Else                 *Schema
	ContentMediaType     string
	ContentEncoding      string
	ContentSchema        *Schema

	// Defs are the $defs, in file order.
	Defs []*Def

	// The project's annotation keywords (schema/README.md).

	// KnownValues is the open value set of x-known-values: documented values
	// that get constants, while any other value stays valid.
	KnownValues []string
	// Timestamp is x-timestamp: "unix-ms" marks an integer holding
	// milliseconds since the Unix epoch.
	Timestamp string
	// NumericString is x-numeric-string: a string that carries a decimal
	// integer, which gets a typed accessor.
	NumericString bool
	// Lazy is x-lazy on an object schema: a property whose value it is
	// gets decoded on first access rather than with the event.
	Lazy bool
	// Interfaces is x-interfaces on the root of a file: Go interfaces that
	// events of several schemas implement.
	Interfaces []*Interface
	// Family is x-family on the root of a family file: the family name; the
	// root's oneOf lists the family's event schemas.
	Family string
	// FormatKind is x-format-kind on a $defs member of a producer's
	// formats.json: "legacy", "foreign" or "non-event".
	FormatKind string
	// Producer and Envelope are x-producer and x-envelope on a format: the
	// service that wrote a foreign record, and the envelope it arrives in
	// (empty for a bare record), for errors that programs can sort by.
	Producer, Envelope string
	// ProducerInfo holds the keywords of a producer file's root
	// (<producer>/producer.json), by keyword: x-dispatcher, and
	// x-type-member, x-version-member, x-time-member and x-arrival-member,
	// which name the members every event of the producer has.
	ProducerInfo map[string]string
}

// Literal is a JSON value written in a schema (const, enum).
type Literal struct {
	// JSON is the value as compact JSON text.
	JSON string
	// Kind is "null", "boolean", "number", "string", "array" or "object".
	Kind string
	// String holds the value of a string literal.
	String string
}

// Property is one member of properties.
type Property struct {
	Name   string
	Schema *Schema
}

// PatternProperty is one member of patternProperties.
type PatternProperty struct {
	Pattern string
	Schema  *Schema
}

// Dependency is one member of dependentRequired.
type Dependency struct {
	Property string
	Required []string
}

// Def is one member of $defs.
type Def struct {
	Name   string
	Schema *Schema
}

// IsFalse reports whether s is the boolean schema false.
func (s *Schema) IsFalse() bool { return s.Bool != nil && !*s.Bool }

// IsTrue reports whether s is the boolean schema true.
func (s *Schema) IsTrue() bool { return s.Bool != nil && *s.Bool }

// Property returns the property schema for name, or nil.
func (s *Schema) Property(name string) *Schema {
	for _, p := range s.Properties {
		if p.Name == name {
			return p.Schema
		}
	}
	return nil
}

// IsRequired reports whether name is listed in required.
func (s *Schema) IsRequired(name string) bool {
	for _, r := range s.Required {
		if r == name {
			return true
		}
	}
	return false
}

// HasType reports whether the type keyword lists t. An absent type keyword
// allows every type; it does not list any.
func (s *Schema) HasType(t string) bool {
	for _, have := range s.Types {
		if have == t {
			return true
		}
	}
	return false
}

// Name is the last token of the schema's JSON pointer: the $defs or
// property name that holds it.
func (s *Schema) Name() string {
	i := strings.LastIndexByte(s.Loc.Pointer, '/')
	tok, err := unescapePointerToken(s.Loc.Pointer[i+1:])
	if err != nil {
		return s.Loc.Pointer[i+1:]
	}
	return tok
}
