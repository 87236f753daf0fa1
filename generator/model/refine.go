package model

import (
	"github.com/pinpoint-events/pinpoint-events/generator/load"
)

// A refinement is a schema that is a $ref to an object schema plus sibling
// keywords that only narrow it: properties naming members the object
// already declares (at any depth), with const, enum and required. The ten
// email event types are such: one EmailEvent shape, each type fixing its
// event_type and the detail member its mail event must carry. Printing
// each as a copy of the whole shape would repeat the shape ten times; a
// refinement becomes a Go struct that embeds the type it refines instead,
// so that fields, methods and literals carry over, and only the narrowing
// checks are its own.

// Refinement is what a refinement type adds to the struct it embeds, at
// one level of nesting.
type Refinement struct {
	// Struct is the type whose value this level narrows: the embedded base
	// at the top, the type of a field further down.
	Struct *Type
	// Required are the optional fields of Struct the refinement requires.
	// Fields Struct already requires are left out: the base checks them.
	Required []*Field
	// Fields are the fields of Struct the refinement narrows, in the order
	// of the refinement's properties.
	Fields []*RefinedField
}

// RefinedField is one property of a refinement: a field of the struct it
// narrows and what it adds to the field's checks.
type RefinedField struct {
	Field *Field
	// Schema is the refinement's property schema: its const and enum are
	// the checks it adds to a scalar field.
	Schema *load.Schema
	Check  *Check // Schema lowered
	// Const is set when Schema has a const; the decoder checks the const
	// of a string field, as it does for a struct's own fields.
	Const *Literal
	// Enum is true when Schema has an enum; EnumText shows it in docs.
	Enum     bool
	EnumText string
	// Inner narrows the members of a struct-typed field, or is nil.
	Inner *Refinement
}

// IsRefinement reports whether s refines the object schema its $ref leads
// to: a $ref with properties or required beside it.
func IsRefinement(s *load.Schema) bool {
	return s != nil && s.Ref != nil && (len(s.Properties) > 0 || len(s.Required) > 0)
}

// refinedType returns the type of the refinement s: a struct that embeds
// the type of what s refers to.
func (b *builder) refinedType(s *load.Schema, hint string) (*Type, error) {
	if t, ok := b.types[s]; ok {
		return t, nil
	}
	t := &Type{Name: typeName(s, hint), Doc: s.Description, Kind: Refined, Schema: s}
	if t.Name == "" || !isRootDef(s) {
		return nil, fail(s, "a refinement ($ref beside properties or required) must be a member of $defs: its name is the Go type's name")
	}
	if err := refinementKeywords(s, true); err != nil {
		return nil, err
	}
	base := s.Ref
	if IsRefinement(base) || len(base.Properties) == 0 || !isRootDef(base) {
		return nil, fail(s, "a refinement's $ref must lead straight to the $defs member of an object schema with properties, which the Go type embeds")
	}
	if err := b.register(t); err != nil {
		return nil, err
	}
	bt, err := b.structType(base, "")
	if err != nil {
		return nil, err
	}
	t.Base = bt
	if t.Refine, err = b.refinement(s, bt); err != nil {
		return nil, err
	}
	return t, nil
}

// refinement lowers the properties and required of s, which narrow a
// value of struct type st.
func (b *builder) refinement(s *load.Schema, st *Type) (*Refinement, error) {
	for st.Kind == Refined {
		st = st.Base
	}
	r := &Refinement{Struct: st}
	for _, name := range s.Required {
		f := st.Field(name)
		if f == nil {
			return nil, fail(s, "required names %q, which %s has no field for: a refinement narrows the members of the type it refines, it adds none", name, st.Name)
		}
		if !f.Required {
			r.Required = append(r.Required, f)
		}
	}
	for _, p := range s.Properties {
		f := st.Field(p.Name)
		if f == nil {
			return nil, fail(p.Schema, "%q is not a property of %s: a refinement narrows the members of the type it refines, it adds none", p.Name, st.Name)
		}
		if err := refinementKeywords(p.Schema, false); err != nil {
			return nil, err
		}
		rf := &RefinedField{Field: f, Schema: p.Schema, Enum: p.Schema.Enum != nil}
		if c := p.Schema.Const; c != nil {
			l := literal(*c)
			rf.Const = &l
		}
		if rf.Enum {
			rf.EnumText = EnumText(p.Schema.Enum)
		}
		if (rf.Const != nil || rf.Enum) && !isScalar(f.Type) {
			return nil, fail(p.Schema, "const and enum in a refinement narrow a field of a scalar Go type; %s.%s is not one", st.Name, f.Name)
		}
		if len(p.Schema.Properties) > 0 || len(p.Schema.Required) > 0 {
			if f.Type.Kind != Named || (f.Type.Named.Kind != Struct && f.Type.Named.Kind != Refined) {
				return nil, fail(p.Schema, "properties and required in a refinement narrow a field whose Go type is a struct; %s.%s is not one", st.Name, f.Name)
			}
			inner, err := b.refinement(p.Schema, f.Type.Named)
			if err != nil {
				return nil, err
			}
			rf.Inner = inner
		}
		r.Fields = append(r.Fields, rf)
	}
	return r, nil
}

func isScalar(gt *GoType) bool {
	switch gt.Kind {
	case String, Int64, Float64, Bool, UnixMillis, NumericString:
		return true
	case Named:
		return gt.Named.Kind == StringSet
	}
	return false
}

// Field returns the field of a struct for the JSON member name, or nil.
func (t *Type) Field(name string) *Field {
	for _, f := range t.Fields {
		if f.JSONName == name {
			return f
		}
	}
	return nil
}

// StructFields are the fields of a struct, or of the struct a refinement
// embeds: the members a value of t has.
func (t *Type) StructFields() []*Field {
	if t.Kind == Refined {
		return t.Base.StructFields()
	}
	return t.Fields
}

// refinementKeywords rejects what a refinement cannot narrow with: at the
// top, only $ref, properties, required and annotations; below, properties,
// required, const, enum and annotations.
func refinementKeywords(s *load.Schema, top bool) error {
	if s.Bool != nil {
		return fail(s, "a refinement's property is a schema object with const, enum, properties or required, not %v", *s.Bool)
	}
	keywords := []struct {
		name string
		set  bool
	}{
		{"$ref", !top && s.Ref != nil},
		{"const", top && s.Const != nil},
		{"enum", top && s.Enum != nil},
		{"type", len(s.Types) > 0},
		{"format", s.Format != ""},
		{"additionalProperties", s.AdditionalProperties != nil},
		{"patternProperties", len(s.PatternProperties) > 0},
		{"minProperties", s.MinProperties != nil},
		{"maxProperties", s.MaxProperties != nil},
		{"dependentRequired", len(s.DependentRequired) > 0},
		{"items", s.Items != nil},
		{"prefixItems", len(s.PrefixItems) > 0},
		{"minItems", s.MinItems != nil},
		{"maxItems", s.MaxItems != nil},
		{"uniqueItems", s.UniqueItems},
		{"minLength", s.MinLength != nil},
		{"maxLength", s.MaxLength != nil},
		{"pattern", s.Pattern != nil},
		{"minimum", s.Minimum != nil},
		{"maximum", s.Maximum != nil},
		{"exclusiveMinimum", s.ExclusiveMinimum != nil},
		{"exclusiveMaximum", s.ExclusiveMaximum != nil},
		{"multipleOf", s.MultipleOf != nil},
		{"allOf", len(s.AllOf) > 0},
		{"anyOf", len(s.AnyOf) > 0},
		{"oneOf", len(s.OneOf) > 0},
		{"not", s.Not != nil},
		{"if", s.If != nil},
		{"then", s.Then != nil},
		{"else", s.Else != nil},
		{"contentMediaType", s.ContentMediaType != ""},
		{"contentEncoding", s.ContentEncoding != ""},
		{"contentSchema", s.ContentSchema != nil},
		{"$defs", len(s.Defs) > 0},
		{"x-known-values", len(s.KnownValues) > 0},
		{"x-timestamp", s.Timestamp != ""},
		{"x-numeric-string", s.NumericString},
		{"x-lazy", s.Lazy},
		{"x-family", s.Family != ""},
		{"x-format-kind", s.FormatKind != ""},
		{"x-producer", s.Producer != ""},
		{"x-envelope", s.Envelope != ""},
	}
	for _, k := range keywords {
		if !k.set {
			continue
		}
		if top {
			return fail(s, "%s beside a $ref with properties: a refinement only narrows the type it refers to, with properties, required, const and enum", k.name)
		}
		return fail(s, "%s in a refinement's property: a refinement only narrows the type it refers to, with properties, required, const and enum", k.name)
	}
	return nil
}
