package model

import (
	"strings"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/generator/load"
)

func at(pointer string, s *load.Schema) *load.Schema {
	s.Loc = load.Location{File: "schema/acme/1.0/common.json", Pointer: pointer}
	return s
}

// queued drains the validators to print, as their names.
func queued(cs *Checks) string {
	var names []string
	for _, c := range cs.Validators() {
		names = append(names, c.Name)
	}
	return strings.Join(names, " ")
}

// Func decides which validator checks a schema: none for one that checks
// nothing, the target's for a chain of $refs, one per type list for the
// schemas that only have a type, one for structurally equal schemas.
func TestFunc(t *testing.T) {
	three, four := 3, 4
	yes := true
	type want struct{ funcs, queued string }
	tests := []struct {
		name    string
		schemas func() []*load.Schema
		want    want
	}{
		{"annotations only", func() []*load.Schema {
			return []*load.Schema{at("/$defs/A", &load.Schema{Description: "d"}), at("/$defs/T", &load.Schema{Bool: &yes})}
		}, want{" ", ""}},
		{"a $ref chain is one direct call", func() []*load.Schema {
			target := at("/$defs/Target", &load.Schema{Types: []string{"string"}, MinLength: &three})
			mid := at("/$defs/Mid", &load.Schema{Ref: target, Title: "t"})
			return []*load.Schema{at("/$defs/Top", &load.Schema{Ref: mid}), at("/$defs/One", &load.Schema{AllOf: []*load.Schema{mid}})}
		}, want{"rawTarget rawTarget", "rawTarget"}},
		{"type-only schemas share a validator per type list", func() []*load.Schema {
			return []*load.Schema{
				at("/$defs/A/properties/x", &load.Schema{Types: []string{"string"}}),
				at("/$defs/B/properties/y", &load.Schema{Types: []string{"string"}, Description: "d"}),
				at("/$defs/B/properties/z", &load.Schema{Types: []string{"string", "null"}}),
			}
		}, want{"rawTypeString rawTypeString rawTypeStringOrNull", "rawTypeString rawTypeStringOrNull"}},
		{"structurally equal schemas share a validator", func() []*load.Schema {
			a := at("/$defs/A", &load.Schema{Types: []string{"string"}, MinLength: &three})
			b := at("/$defs/B", &load.Schema{Types: []string{"string"}, MinLength: &three})
			c := at("/$defs/C", &load.Schema{Types: []string{"string"}, MinLength: &four})
			return []*load.Schema{a, b, c}
		}, want{"rawA rawA rawC", "rawA rawC"}},
		{"equal up to equal callees", func() []*load.Schema {
			a := at("/$defs/A", &load.Schema{Types: []string{"string"}, MinLength: &three})
			b := at("/$defs/B", &load.Schema{Types: []string{"string"}, MinLength: &three})
			pa := at("/$defs/PA", &load.Schema{Types: []string{"object"}, Properties: []*load.Property{{Name: "x", Schema: a}}})
			pb := at("/$defs/PB", &load.Schema{Types: []string{"object"}, Properties: []*load.Property{{Name: "x", Schema: b}}})
			return []*load.Schema{pa, pb}
		}, want{"rawPa rawPa", "rawA rawPa"}},
		{"a recursive schema keeps its own validator", func() []*load.Schema {
			tree := at("/$defs/Tree", &load.Schema{Types: []string{"object"}})
			tree.Properties = []*load.Property{{Name: "kids", Schema: at("/$defs/Tree/properties/kids", &load.Schema{Types: []string{"array"}, Items: tree})}}
			other := at("/$defs/Other", &load.Schema{Types: []string{"object"}})
			other.Properties = []*load.Property{{Name: "kids", Schema: at("/$defs/Other/properties/kids", &load.Schema{Types: []string{"array"}, Items: other})}}
			return []*load.Schema{tree, other}
		}, want{"rawTree rawOther", "rawTreeKids rawTree rawOtherKids rawOther"}},
		{"names are made unique", func() []*load.Schema {
			return []*load.Schema{
				at("/$defs/A", &load.Schema{Types: []string{"string"}, MinLength: &three}),
				{Loc: load.Location{File: "schema/acme/1.0/other.json", Pointer: "/$defs/A"}, Types: []string{"string"}, MinLength: &four},
			}
		}, want{"rawA rawA2", "rawA rawA2"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			cs := NewChecks()
			var funcs []string
			for _, s := range tt.schemas() {
				funcs = append(funcs, cs.Of(s).FuncName())
			}
			got := want{strings.Join(funcs, " "), queued(cs)}
			if got != tt.want {
				t.Errorf("got %+v, want %+v", got, tt.want)
			}
		})
	}
}

func TestSuffixAndVars(t *testing.T) {
	min := "1"
	pattern := "^[0-9]{12}$"
	cs := NewChecks()
	c := cs.Of(at("/$defs/Application/properties/app_id", &load.Schema{
		Types: []string{"string"}, Pattern: &pattern, Enum: []load.Literal{{JSON: `"a"`, Kind: "string", String: "a"}},
	}))
	n := cs.Of(&load.Schema{Loc: load.Location{File: "schema/acme/1.0/sms.json", Pointer: "/properties/count/items"}, Types: []string{"integer"}, Minimum: &min})
	got := []string{c.Suffix, c.EnumVar, c.Pattern.Match.Func, n.Suffix, n.Bounds[0].Var}
	want := []string{"ApplicationAppID", "enumApplicationAppID", "matchApplicationAppID", "SMSCountItem", "minimumSMSCountItem"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("got %q, want %q", got, want)
	}
	if !n.Bounds[0].IsInt || n.Bounds[0].Int != 1 {
		t.Errorf("bound %+v: want the integer 1", n.Bounds[0])
	}
}

// An empty enum stays an enum: it rejects every value.
func TestEmptyEnum(t *testing.T) {
	c := NewChecks().Of(at("/$defs/E", &load.Schema{Enum: []load.Literal{}}))
	if c.Enum == nil || c.Accepts || c.FuncName() != "rawE" {
		t.Errorf("enum %v, accepts %v, func %q", c.Enum, c.Accepts, c.FuncName())
	}
}

// A validator that can reach itself matches its members in a loop: a
// table would refer to a validator that refers back to the table, an
// initialization cycle in Go.
func TestPropertiesTable(t *testing.T) {
	str := at("/$defs/S", &load.Schema{Types: []string{"string"}})
	flat := at("/$defs/Flat", &load.Schema{Types: []string{"object"}, Properties: []*load.Property{{Name: "s", Schema: str}}})
	tree := at("/$defs/Tree", &load.Schema{Types: []string{"object"}})
	tree.Properties = []*load.Property{{Name: "kids", Schema: at("/$defs/Tree/properties/kids", &load.Schema{Types: []string{"array"}, Items: tree})}}
	patterned := at("/$defs/P", &load.Schema{Types: []string{"object"}, Properties: []*load.Property{{Name: "s", Schema: str}},
		PatternProperties: []*load.PatternProperty{{Pattern: "^x", Schema: str}}})
	cs := NewChecks()
	for s, want := range map[*load.Schema]string{flat: "propertiesFlat", tree: "", patterned: ""} {
		if got := cs.Of(s).Func().PropertiesTable(); got != want {
			t.Errorf("%s: %q, want %q", s.Loc.Pointer, got, want)
		}
	}
}

// The typed check of a schema that adds nothing for a Go type is its $ref
// target's: no typed function only calls another.
func TestTypedTarget(t *testing.T) {
	three := 3
	maxInt64, zero := "9223372036854775807", "0"
	millis := at("/$defs/Millis", &load.Schema{Types: []string{"integer"}, Minimum: &zero, Maximum: &maxInt64})
	onlyMax := at("/$defs/OnlyMax", &load.Schema{Types: []string{"integer"}, Maximum: &maxInt64})
	short := at("/$defs/Short", &load.Schema{Types: []string{"string"}, MaxLength: &three})
	refShort := at("/$defs/RefShort", &load.Schema{Ref: short, Description: "d"})
	refShortFormat := at("/$defs/RefShortFormat", &load.Schema{Ref: short, Format: "email"})
	cs := NewChecks()
	for _, tc := range []struct {
		s      *load.Schema
		goType string
		want   *load.Schema
	}{
		{millis, "int64", millis},
		{onlyMax, "int64", nil},
		{onlyMax, "float64", onlyMax},
		{refShort, "string", short},
		{refShortFormat, "string", refShortFormat},
		{refShortFormat, "int64", nil},
	} {
		got := cs.Of(tc.s).TypedTarget(tc.goType)
		if got != cs.Of(tc.want) {
			t.Errorf("%s as %s: got %v, want %s", tc.s.Loc.Pointer, tc.goType, got, tc.want.Loc.Pointer)
		}
	}
}
