// Package model turns loaded schemas into the Go that will be printed: named
// types with their fields and Go types, the events of each family, and the
// checks of every schema lowered to Check values (check.go, lower.go), with
// the typed checks decided and named before printing (prepare.go, typed.go).
// Every Go name is decided here, once; the printer (package emit) reads the
// model and never a schema. Raw validators are named before printing too, in
// the order the printer prints them (validators.go); the set is then sealed,
// so a validator the naming pass missed fails loudly instead of being named
// late. A new place in the printer that needs a validator needs its line in
// validators.go.
package model

import (
	"fmt"
	"path"
	"slices"
	"sort"
	"strings"

	"github.com/pinpoint-events/pinpoint-events/generator/load"
)

// Package is one generated Go package: the schemas of one producer version.
type Package struct {
	// ImportPath is the package's import path; Name its name (v3p1).
	ImportPath string
	Name       string
	// Producer and Version are what the schemas describe: pinpoint, "3.1".
	Producer *Producer
	Version  string
	Families []*Family // by name
	Types    []*Type   // every named type, by name
	// Catchall is the event that takes event types no other event claims, or
	// nil.
	Catchall *Event
	// Interfaces are the x-interfaces, by name, and Accessors the methods
	// of their implementers, by receiver name (interfaces.go).
	Interfaces []*Interface
	Accessors  []*Accessor
	// Checks holds the validation of every schema above, lowered before
	// printing (lowerChecks).
	Checks *Checks
}

// Family is a group of events described by one schema file.
type Family struct {
	Name   string
	Title  string
	Doc    string
	File   string
	Events []*Event // in the order of the family's oneOf
}

// Event is a struct type that is a whole event.
type Event struct {
	Type   *Type
	Family *Family
	// EventTypes are the event types (values of the producer's type member)
	// the event is for, from const or enum; empty for a catch-all, whose
	// EventTypeSchema decides.
	EventTypes      []string
	EventTypeSchema *load.Schema
	TypeCheck       *Check // EventTypeSchema lowered
	// TypeField, VersionField, TimeField and ArrivalField are the fields of
	// the producer's Members.
	TypeField, VersionField, TimeField, ArrivalField *Field
}

// TypeKind says what a named type is.
type TypeKind int

const (
	// Struct is a JSON object with properties.
	Struct TypeKind = iota + 1
	// StringSet is a string with a set of values: closed (enum) or open
	// (x-known-values).
	StringSet
	// EmbeddedJSON is a string that holds a JSON document (contentSchema).
	EmbeddedJSON
	// Lazy holds a struct that is decoded on first access (x-lazy): the
	// Go type of a property whose value is such a struct.
	Lazy
	// Refined is a struct that embeds Base and narrows it (refine.go).
	Refined
)

// Type is a named Go type.
type Type struct {
	Name   string
	Doc    string
	Kind   TypeKind
	Schema *load.Schema
	// Check is Schema lowered for validation.
	Check *Check
	// SchemaFile (campaign.json) and SchemaPointer (/$defs/CampaignEvent)
	// say where Schema is, for the schema list of the generated package.
	SchemaFile, SchemaPointer string
	// File names the generated files the type goes to, after its schema's
	// file (campaign.json: campaign); the printer appends its concern
	// (campaign.go, campaign_json.go, campaign_validate.go).
	File string

	// Struct
	Fields               []*Field
	AdditionalProperties *load.Schema // nil when absent
	Additional           *Check       // AdditionalProperties lowered
	Event                *Event       // set when the struct is a whole event

	// StringSet
	Values []EnumValue
	Closed bool // enum: other values are invalid

	// EmbeddedJSON, Lazy
	Target        *GoType // the struct or map the document decodes to
	ContentSchema *load.Schema

	// Refinement: the struct embedded, and what the refinement adds.
	Base   *Type
	Refine *Refinement
}

// EnumValue is one value of a StringSet, with its constant's name.
type EnumValue struct {
	Const string
	Value string
}

// Field is one property of a struct.
type Field struct {
	Name     string // Go name
	JSONName string
	Doc      string
	Type     *GoType
	Required bool
	// AbsentBit is the field's bit in the struct's absent set (required
	// fields only).
	AbsentBit int
	// Schema is the property's schema; Chain is it followed by the schemas
	// its $refs lead to: every one applies.
	Schema *load.Schema
	Chain  []*load.Schema
	Check  *Check // Schema lowered
	// DecodedConst is the const of a plain string field (the first along
	// Chain), which decoding checks; nil when there is none.
	DecodedConst *string
}

// GoKind is the shape of a Go type.
type GoKind int

const (
	String GoKind = iota + 1
	Int64
	Float64
	Bool
	UnixMillis
	NumericString
	Named    // Type
	Slice    // []Elem
	Map      // map[string]Elem
	Nullable // Nullable[Elem]
)

// GoType is the Go type of a field or element.
type GoType struct {
	Kind  GoKind
	Named *Type
	Elem  *GoType
	// Schema is the schema the type was made from; for a Slice, Map or
	// Nullable the checks of that schema apply to the container.
	Chain []*load.Schema
	// Checks are Chain lowered, one by one.
	Checks []*Check
}

// Key is a string that is the same for equal Go types; generated helper
// functions are shared by key.
func (t *GoType) Key() string {
	switch t.Kind {
	case String:
		return "String"
	case Int64:
		return "Int64"
	case Float64:
		return "Float64"
	case Bool:
		return "Bool"
	case UnixMillis:
		return "UnixMillis"
	case NumericString:
		return "NumericString"
	case Named:
		return t.Named.Name
	case Slice:
		return t.Elem.Key() + "Slice"
	case Map:
		return t.Elem.Key() + "Map"
	case Nullable:
		return "Nullable" + t.Elem.Key()
	}
	panic("model: unknown GoKind")
}

// Error is a schema that cannot be turned into Go, with where it stands.
type Error struct {
	Loc load.Location
	Msg string
}

func (e *Error) Error() string { return e.Loc.String() + ": " + e.Msg }

// Build makes the model of one producer version from its loaded documents.
func Build(set *load.Set, importPath string, producer *Producer, version string) (*Package, error) {
	b := &builder{
		pkg:    &Package{ImportPath: importPath, Name: path.Base(importPath), Producer: producer, Version: version},
		types:  map[*load.Schema]*Type{},
		byName: map[string]*Type{},
		lazy:   map[*Type]*Type{},
	}
	for _, doc := range set.Docs {
		if doc.Root.Family == "" {
			continue
		}
		if err := b.family(doc); err != nil {
			return nil, err
		}
	}
	if len(b.pkg.Families) == 0 {
		return nil, fmt.Errorf("%s %s: no family file (a root with x-family) among the schemas", producer.Name, version)
	}
	sort.Slice(b.pkg.Families, func(i, j int) bool { return b.pkg.Families[i].Name < b.pkg.Families[j].Name })
	if err := b.interfaces(set); err != nil {
		return nil, err
	}
	for _, t := range b.byName {
		b.pkg.Types = append(b.pkg.Types, t)
	}
	sort.Slice(b.pkg.Types, func(i, j int) bool { return b.pkg.Types[i].Name < b.pkg.Types[j].Name })
	for _, t := range b.pkg.Types {
		t.File = fileBase(t.Schema)
		t.SchemaFile, t.SchemaPointer = path.Base(t.Schema.Loc.File), t.Schema.Loc.Pointer
		for _, f := range t.Fields {
			f.DecodedConst = decodedConst(f)
		}
	}
	b.pkg.lowerChecks()
	return b.pkg, nil
}

type builder struct {
	pkg    *Package
	types  map[*load.Schema]*Type
	byName map[string]*Type
	lazy   map[*Type]*Type // the Lazy type of each x-lazy struct
}

func fail(s *load.Schema, format string, args ...any) error {
	return &Error{Loc: s.Loc, Msg: fmt.Sprintf(format, args...)}
}

func (b *builder) family(doc *load.Document) error {
	root := doc.Root
	fam := &Family{Name: root.Family, Title: root.Title, Doc: root.Description, File: doc.Path}
	if len(root.OneOf) == 0 {
		return fail(root, "a family root lists its events in oneOf, as $refs")
	}
	for _, alt := range root.OneOf {
		if alt.Ref == nil || len(alt.Types) > 0 || len(alt.Properties) > 0 {
			return fail(alt, "each oneOf alternative of a family root is a plain $ref to an event schema")
		}
		target := alt.Ref
		if err := b.requireName(target); err != nil {
			return err
		}
		t, err := b.structType(target, "")
		if err != nil {
			return err
		}
		ev := &Event{Type: t, Family: fam}
		members := b.pkg.Producer.Members
		var fields []*Field
		for _, m := range members.required() {
			var f *Field
			for _, tf := range t.StructFields() {
				if tf.JSONName == m.name {
					f = tf
				}
			}
			if f == nil {
				return fail(target, "an event schema needs the property %s", m.name)
			}
			if f.Type.Kind != m.kind || !f.Required {
				return fail(f.Schema, "the event member %s must be required and map to %s", m.name, kindName(m.kind))
			}
			fields = append(fields, f)
		}
		ev.TypeField, ev.TimeField, ev.ArrivalField, ev.VersionField = fields[0], fields[1], fields[2], fields[3]
		etSchema := target.Property(members.Type)
		if etSchema == nil && t.Kind == Refined {
			etSchema = t.Base.Schema.Property(members.Type)
		}
		switch chain := Chain(etSchema); {
		case firstConst(chain) != nil:
			ev.EventTypes = []string{firstConst(chain).String}
		case firstEnum(chain) != nil:
			for _, v := range firstEnum(chain) {
				ev.EventTypes = append(ev.EventTypes, v.String)
			}
		default:
			if b.pkg.Catchall != nil {
				return fail(etSchema, "%s has neither const nor enum, which makes %s the catch-all event; %s already is", members.Type, t.Name, b.pkg.Catchall.Type.Name)
			}
			ev.EventTypeSchema = etSchema
			b.pkg.Catchall = ev
		}
		t.Event = ev
		fam.Events = append(fam.Events, ev)
	}
	b.pkg.Families = append(b.pkg.Families, fam)
	return nil
}

func kindName(k GoKind) string {
	return map[GoKind]string{String: "a string", UnixMillis: "a timestamp (x-timestamp: unix-ms)"}[k]
}

// requireName checks that s is a $defs member, whose name names its type.
func (b *builder) requireName(s *load.Schema) error {
	if !strings.Contains(s.Loc.Pointer, "/$defs/") {
		return fail(s, "an event schema must be a member of $defs: its name is the Go type's name")
	}
	return nil
}

// Chain returns s followed by the schemas its $refs lead to.
func Chain(s *load.Schema) []*load.Schema {
	var out []*load.Schema
	seen := map[*load.Schema]bool{}
	for ; s != nil && !seen[s]; s = s.Ref {
		seen[s] = true
		out = append(out, s)
	}
	return out
}

func firstConst(chain []*load.Schema) *load.Literal {
	for _, s := range chain {
		if s.Const != nil {
			return s.Const
		}
	}
	return nil
}

func firstEnum(chain []*load.Schema) []load.Literal {
	for _, s := range chain {
		if s.Enum != nil {
			return s.Enum
		}
	}
	return nil
}

// typeName is the Go name of the type s defines: its $defs name, or, for an
// inline schema, the name of the struct that holds it (without a trailing
// "Event") followed by the property's name.
func typeName(s *load.Schema, hint string) string {
	if parent, name, ok := defName(s); ok && parent == "" {
		return GoName(name)
	}
	return hint
}

// isRootDef reports whether s is a member of its file's top-level $defs.
func isRootDef(s *load.Schema) bool {
	parent, _, ok := defName(s)
	return ok && parent == ""
}

// defName reports the $defs name of s when s is a direct $defs member.
func defName(s *load.Schema) (parent, name string, ok bool) {
	i := strings.LastIndex(s.Loc.Pointer, "/$defs/")
	if i < 0 || strings.Contains(s.Loc.Pointer[i+len("/$defs/"):], "/") {
		return "", "", false
	}
	return s.Loc.Pointer[:i], s.Name(), true
}

func (b *builder) register(t *Type) error {
	if other, ok := b.byName[t.Name]; ok {
		return fail(t.Schema, "two schemas make the Go type %s: this one and the one at %s; rename one $defs member", t.Name, other.Schema.Loc)
	}
	b.byName[t.Name] = t
	b.types[t.Schema] = t
	return nil
}

// structType returns the struct made from the object schema s.
func (b *builder) structType(s *load.Schema, hint string) (*Type, error) {
	if t, ok := b.types[s]; ok {
		return t, nil
	}
	if IsRefinement(s) {
		return b.refinedType(s, hint)
	}
	t := &Type{Name: typeName(s, hint), Doc: s.Description, Kind: Struct, Schema: s, AdditionalProperties: s.AdditionalProperties}
	if t.Name == "" {
		return nil, fail(s, "cannot name the Go type of this object: put it in $defs")
	}
	if err := b.register(t); err != nil {
		return nil, err
	}
	if err := checkStructKeywords(s); err != nil {
		return nil, err
	}
	for _, r := range s.Required {
		if s.Property(r) == nil {
			return nil, fail(s, "required names %q, which is not in properties: a struct needs a field for every required member", r)
		}
	}
	prefix := strings.TrimSuffix(t.Name, "Event")
	bit := 0
	seen := map[string]string{}
	for _, p := range s.Properties {
		f := &Field{Name: GoName(p.Name), JSONName: p.Name, Schema: p.Schema, Chain: Chain(p.Schema), Required: s.IsRequired(p.Name), AbsentBit: -1}
		if f.Name == "Rest" {
			f.Name = "Rest_"
		}
		if other, dup := seen[f.Name]; dup {
			return nil, fail(p.Schema, "the properties %q and %q both make the Go field %s", other, p.Name, f.Name)
		}
		seen[f.Name] = p.Name
		f.Doc = docOf(f.Chain)
		gt, err := b.goType(p.Schema, prefix+f.Name)
		if err != nil {
			return nil, err
		}
		if isStruct(gt) && owner(gt.Chain, func(s *load.Schema) bool { return s.Lazy }) != nil {
			if gt, err = b.lazyType(gt); err != nil {
				return nil, err
			}
		}
		f.Type = gt
		if f.Required {
			f.AbsentBit = bit
			bit++
		}
		t.Fields = append(t.Fields, f)
	}
	if bit > 64 {
		return nil, fail(s, "more than 64 required properties in one object")
	}
	return t, nil
}

// docOf is the first description along a chain.
func docOf(chain []*load.Schema) string {
	for _, s := range chain {
		if s.Description != "" {
			return s.Description
		}
	}
	return ""
}

// checkStructKeywords rejects keywords a struct cannot carry out.
func checkStructKeywords(s *load.Schema) error {
	switch {
	case len(s.PatternProperties) > 0:
		return fail(s, "patternProperties on an object that becomes a Go struct is not supported")
	case s.MinProperties != nil || s.MaxProperties != nil || len(s.DependentRequired) > 0:
		return fail(s, "minProperties, maxProperties and dependentRequired on an object that becomes a Go struct are not supported")
	case len(s.AllOf)+len(s.AnyOf)+len(s.OneOf) > 0 || s.Not != nil || s.If != nil:
		return fail(s, "allOf, anyOf, oneOf, not and if on an object that becomes a Go struct are not supported: a Go type needs one shape")
	case s.Const != nil || s.Enum != nil:
		return fail(s, "const and enum on an object are not supported")
	}
	return nil
}

// jsonTypes returns the JSON types a chain allows: the intersection of its
// type keywords, with integer inside number. ok is false when no type keyword
// constrains the chain.
func jsonTypes(chain []*load.Schema) (types []string, ok bool) {
	var allowed map[string]bool
	for _, s := range chain {
		if len(s.Types) == 0 {
			continue
		}
		these := map[string]bool{}
		for _, t := range s.Types {
			these[t] = true
			if t == "number" {
				these["integer"] = true
			}
		}
		if allowed == nil {
			allowed = these
			continue
		}
		for t := range allowed {
			if !these[t] {
				delete(allowed, t)
			}
		}
		// number narrowed to integer stays integer.
		if allowed["number"] && !these["number"] {
			delete(allowed, "number")
		}
	}
	if allowed == nil {
		return nil, false
	}
	for _, t := range []string{"null", "boolean", "integer", "number", "string", "array", "object"} {
		if allowed[t] {
			types = append(types, t)
		}
	}
	// integer is implied by number: keep the wider one only.
	if allowed["number"] {
		types = removeString(types, "integer")
	}
	return types, true
}

func removeString(list []string, s string) []string {
	out := list[:0:0]
	for _, x := range list {
		if x != s {
			out = append(out, x)
		}
	}
	return out
}

// goType decides the Go type of a property or element schema.
func (b *builder) goType(s *load.Schema, hint string) (*GoType, error) {
	chain := Chain(s)
	types, ok := jsonTypes(chain)
	if !ok {
		// A const or enum of strings needs no type keyword.
		if lit := firstConst(chain); lit != nil && lit.Kind == "string" {
			types = []string{"string"}
		} else if lits := firstEnum(chain); lits != nil && allStrings(lits) {
			types = []string{"string"}
		} else {
			return nil, fail(s, "no type keyword: a Go field needs to know the JSON type (add \"type\")")
		}
	}
	nullable := false
	if len(types) == 2 && types[0] == "null" {
		nullable, types = true, types[1:]
	}
	if len(types) != 1 {
		return nil, fail(s, "type %v has no single Go type: only one JSON type, optionally with null, maps to Go", types)
	}
	gt, err := b.nonNullType(s, chain, types[0], hint)
	if err != nil {
		return nil, err
	}
	if nullable {
		return &GoType{Kind: Nullable, Elem: gt, Chain: chain}, nil
	}
	return gt, nil
}

func allStrings(lits []load.Literal) bool {
	for _, l := range lits {
		if l.Kind != "string" {
			return false
		}
	}
	return true
}

// owner returns the schema of the chain that carries keyword-bearing shape
// (properties, values, content), for naming the type after it.
func owner(chain []*load.Schema, has func(*load.Schema) bool) *load.Schema {
	for _, s := range chain {
		if has(s) {
			return s
		}
	}
	return nil
}

func (b *builder) nonNullType(s *load.Schema, chain []*load.Schema, jsonType, hint string) (*GoType, error) {
	composed := owner(chain, func(s *load.Schema) bool {
		return len(s.AllOf)+len(s.AnyOf)+len(s.OneOf) > 0 || s.Not != nil || s.If != nil
	})
	switch jsonType {
	case "string":
		if o := owner(chain, func(s *load.Schema) bool { return s.ContentMediaType != "" || s.ContentEncoding != "" }); o != nil {
			return b.embeddedJSON(o, chain, hint)
		}
		// A value set gets a Go type with constants when it is a $defs
		// member, which names it; an inline one stays a plain string (its
		// checks apply all the same).
		if o := owner(chain, func(s *load.Schema) bool { return len(s.KnownValues) > 0 || len(s.Enum) > 0 }); o != nil && isRootDef(o) {
			t, err := b.stringSet(o, hint)
			if err != nil {
				return nil, err
			}
			return &GoType{Kind: Named, Named: t, Chain: chain}, nil
		}
		if owner(chain, func(s *load.Schema) bool { return s.NumericString }) != nil {
			return &GoType{Kind: NumericString, Chain: chain}, nil
		}
		return &GoType{Kind: String, Chain: chain}, nil
	case "integer":
		if owner(chain, func(s *load.Schema) bool { return s.Timestamp != "" }) != nil {
			return &GoType{Kind: UnixMillis, Chain: chain}, nil
		}
		return &GoType{Kind: Int64, Chain: chain}, nil
	case "number":
		return &GoType{Kind: Float64, Chain: chain}, nil
	case "boolean":
		return &GoType{Kind: Bool, Chain: chain}, nil
	case "array":
		if composed != nil {
			return nil, fail(composed, "allOf, anyOf, oneOf, not and if on an array that becomes a Go slice are not supported")
		}
		items := owner(chain, func(s *load.Schema) bool { return s.Items != nil })
		if items == nil || owner(chain, func(s *load.Schema) bool { return len(s.PrefixItems) > 0 }) != nil {
			return nil, fail(s, "an array needs items (and no prefixItems) to become a Go slice")
		}
		elem, err := b.goType(items.Items, hint+"Item")
		if err != nil {
			return nil, err
		}
		return &GoType{Kind: Slice, Elem: elem, Chain: chain}, nil
	case "object":
		if composed != nil {
			return nil, fail(composed, "allOf, anyOf, oneOf, not and if on an object that becomes a Go type are not supported")
		}
		props := owner(chain, func(s *load.Schema) bool { return len(s.Properties) > 0 })
		additional := owner(chain, func(s *load.Schema) bool { return s.AdditionalProperties != nil })
		if props == nil && additional != nil && !additional.AdditionalProperties.IsTrue() && !additional.AdditionalProperties.IsFalse() {
			// An open map: no fixed members, every value of one schema.
			for _, c := range chain {
				if len(c.Required) > 0 || len(c.PatternProperties) > 0 || len(c.DependentRequired) > 0 {
					return nil, fail(c, "required, patternProperties and dependentRequired on an object without properties (a Go map) are not supported")
				}
			}
			elem, err := b.goType(additional.AdditionalProperties, hint+"Value")
			if err != nil {
				return nil, err
			}
			return &GoType{Kind: Map, Elem: elem, Chain: chain}, nil
		}
		if r := owner(chain, IsRefinement); r != nil {
			t, err := b.refinedType(r, hint)
			if err != nil {
				return nil, err
			}
			return &GoType{Kind: Named, Named: t, Chain: chain}, nil
		}
		o := props
		if o == nil {
			o = owner(chain, func(s *load.Schema) bool { return s.HasType("object") })
		}
		for _, c := range chain {
			if c != o && (len(c.Properties) > 0 || len(c.Required) > 0 || c.AdditionalProperties != nil) {
				return nil, fail(c, "object keywords split between a schema and its $ref target are not supported: keep them in one schema")
			}
		}
		t, err := b.structType(o, hint)
		if err != nil {
			return nil, err
		}
		return &GoType{Kind: Named, Named: t, Chain: chain}, nil
	}
	return nil, fail(s, "type %q has no Go type", jsonType)
}

// stringSet returns the named string type of an enum or x-known-values.
func (b *builder) stringSet(s *load.Schema, hint string) (*Type, error) {
	if t, ok := b.types[s]; ok {
		return t, nil
	}
	if len(s.KnownValues) > 0 && len(s.Enum) > 0 {
		return nil, fail(s, "enum and x-known-values together: a value set is either closed (enum) or open (x-known-values)")
	}
	t := &Type{Name: typeName(s, hint), Doc: s.Description, Kind: StringSet, Schema: s, Closed: len(s.Enum) > 0}
	values := s.KnownValues
	if t.Closed {
		if !allStrings(s.Enum) {
			return nil, fail(s, "an enum that becomes a Go string type must list strings only")
		}
		values = nil
		for _, l := range s.Enum {
			values = append(values, l.String)
		}
	}
	seen := map[string]string{}
	for _, v := range values {
		c := t.Name + GoName(v)
		if other, dup := seen[c]; dup {
			return nil, fail(s, "the values %q and %q both make the constant %s", other, v, c)
		}
		seen[c] = v
		t.Values = append(t.Values, EnumValue{Const: c, Value: v})
	}
	if err := b.register(t); err != nil {
		return nil, err
	}
	return t, nil
}

// embeddedJSON returns the type of a string that holds a JSON document.
func (b *builder) embeddedJSON(s *load.Schema, chain []*load.Schema, hint string) (*GoType, error) {
	if t, ok := b.types[s]; ok {
		return &GoType{Kind: Named, Named: t, Chain: chain}, nil
	}
	if s.ContentSchema == nil || s.ContentEncoding != "" {
		return nil, fail(s, "a string with content keywords becomes a Go type only with contentMediaType application/json and a contentSchema, without contentEncoding")
	}
	targetType, err := b.goType(s.ContentSchema, hint+"Document")
	if err != nil {
		return nil, err
	}
	// The document is an object: a struct, or a map for an object of open
	// members (the SMS customer_context).
	var name string
	switch {
	case targetType.Kind == Named && targetType.Named.Kind == Struct:
		name = targetType.Named.Name
	case targetType.Kind == Map:
		name = hint
		if c := Chain(s.ContentSchema); len(c) > 1 && isRootDef(c[len(c)-1]) {
			name = GoName(c[len(c)-1].Name())
		}
	default:
		return nil, fail(s.ContentSchema, "a contentSchema must describe an object to become a Go type")
	}
	t := &Type{
		Name:          name + "JSON",
		Doc:           fmt.Sprintf("%sJSON is a string that holds %s %s as a JSON document.", name, article(name), name),
		Kind:          EmbeddedJSON,
		Schema:        s,
		Target:        targetType,
		ContentSchema: s.ContentSchema,
	}
	if err := b.register(t); err != nil {
		return nil, err
	}
	return &GoType{Kind: Named, Named: t, Chain: chain}, nil
}

func isStruct(gt *GoType) bool {
	return gt.Kind == Named && gt.Named.Kind == Struct
}

// lazyType returns the Lazy type that holds the x-lazy struct of gt, the
// Go type of a property.
func (b *builder) lazyType(gt *GoType) (*GoType, error) {
	target := gt.Named
	t, ok := b.lazy[target]
	if !ok {
		if s := constChecked(target, map[*Type]bool{}); s != nil {
			return nil, fail(s, "%s has x-lazy, and this const would be checked on decode: decoding lazily would not report it; drop one of the two", target.Name)
		}
		t = &Type{
			Name:   "Lazy" + target.Name,
			Doc:    fmt.Sprintf("Lazy%s holds %s %s that is decoded on first access.", target.Name, article(target.Name), target.Name),
			Kind:   Lazy,
			Schema: target.Schema,
			Target: &GoType{Kind: Named, Named: target, Chain: []*load.Schema{target.Schema}},
		}
		if other, dup := b.byName[t.Name]; dup {
			return nil, fail(target.Schema, "the Go type %s, for the x-lazy %s, is taken by the schema at %s", t.Name, target.Name, other.Schema.Loc)
		}
		b.byName[t.Name] = t
		b.lazy[target] = t
	}
	return &GoType{Kind: Named, Named: t, Chain: gt.Chain}, nil
}

// constChecked returns the schema of a field inside struct t (at any depth)
// whose const the decoder checks, or nil. A decoder checks the const of a
// plain string field.
func constChecked(t *Type, seen map[*Type]bool) *load.Schema {
	if seen[t] {
		return nil
	}
	seen[t] = true
	for _, f := range t.Fields {
		if f.Type.Kind == String {
			if c := firstConst(f.Chain); c != nil && c.Kind == "string" {
				return f.Schema
			}
		}
		gt := f.Type
		for gt.Elem != nil {
			gt = gt.Elem
		}
		if gt.Kind == Named && (gt.Named.Kind == Struct || gt.Named.Kind == Lazy) {
			inner := gt.Named
			if inner.Kind == Lazy {
				inner = inner.Target.Named
			}
			if s := constChecked(inner, seen); s != nil {
				return s
			}
		}
	}
	return nil
}

func article(word string) string {
	if strings.ContainsRune("AEIOU", rune(word[0])) {
		return "an"
	}
	return "a"
}

// Format is a layout the dispatcher recognizes in records that are not
// events of a known version, to name it in its error.
type Format struct {
	// Name is the $defs key, the format's name in errors.
	Name  string
	Title string
	Doc   string
	// Kind is x-format-kind: FormatLegacy, FormatForeign or FormatNonEvent.
	Kind string
	// Producer and Envelope are x-producer and x-envelope.
	Producer, Envelope string
	// EventType is the const of the type member in a non-event format: the
	// dispatcher recognizes such records by their event type alone, whatever
	// their version, before routing by version.
	EventType string
	Schema    *load.Schema
	Check     *Check // Schema lowered, in the producer's Checks
}

// The kinds of format (x-format-kind).
const (
	// FormatLegacy is an older layout of the producer, without a version.
	FormatLegacy = "legacy"
	// FormatForeign is the record of another producer.
	FormatForeign = "foreign"
	// FormatNonEvent is a record the producer writes that is not an event.
	FormatNonEvent = "non-event"
)

// formats returns the formats of a producer's format files: every $defs
// member, in file order, which must carry x-format-kind. typeMember is the
// member that holds the event type.
func formats(set *load.Set, typeMember string) ([]*Format, error) {
	var out []*Format
	for _, doc := range set.Docs {
		for _, def := range doc.Root.Defs {
			s := def.Schema
			if s.FormatKind == "" {
				return nil, fail(s, "a member of a format file's $defs needs x-format-kind (legacy, foreign or non-event)")
			}
			if s.Title == "" {
				return nil, fail(s, "a format needs a title: errors name the format with it")
			}
			if (s.Producer != "" || s.Envelope != "") && s.FormatKind != FormatForeign {
				return nil, fail(s, "x-producer and x-envelope describe foreign formats only")
			}
			ft := &Format{Name: def.Name, Title: s.Title, Doc: s.Description, Kind: s.FormatKind,
				Producer: s.Producer, Envelope: s.Envelope, Schema: s}
			if ft.Kind == FormatNonEvent {
				ft.EventType = eventTypeConst(s, typeMember)
				if ft.EventType == "" {
					return nil, fail(s, "a non-event format needs a required %s property with a string const: the dispatcher recognizes it by %s alone", typeMember, typeMember)
				}
			}
			out = append(out, ft)
		}
	}
	return out, nil
}

// eventTypeConst returns the string const of a schema's required property
// typeMember, or "".
func eventTypeConst(s *load.Schema, typeMember string) string {
	if !slices.Contains(s.Required, typeMember) {
		return ""
	}
	for _, p := range s.Properties {
		if p.Name == typeMember && p.Schema.Const != nil && p.Schema.Const.Kind == "string" {
			return p.Schema.Const.String
		}
	}
	return ""
}

// fileBase is the base name, without .json, of the file that holds s.
func fileBase(s *load.Schema) string { return strings.TrimSuffix(path.Base(s.Loc.File), ".json") }

// decodedConst is the const of a plain string field, which its decoder
// checks as it reads the member.
func decodedConst(f *Field) *string {
	if f.Type.Kind != String {
		return nil
	}
	for _, s := range f.Chain {
		if s.Const != nil && s.Const.Kind == "string" {
			v := s.Const.String
			return &v
		}
	}
	return nil
}
