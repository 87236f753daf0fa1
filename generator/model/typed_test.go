package model

import (
	"strings"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/generator/load"
)

func TestScalar(t *testing.T) {
	set := &Type{Kind: StringSet}
	doc := &Type{Kind: EmbeddedJSON}
	st := &Type{Kind: Struct}
	tests := []struct {
		gt       *GoType
		want     string
		ok, meth bool
	}{
		{&GoType{Kind: String}, "string", true, false},
		{&GoType{Kind: NumericString}, "string", true, false},
		{&GoType{Kind: Int64}, "int64", true, false},
		{&GoType{Kind: UnixMillis}, "int64", true, false},
		{&GoType{Kind: Float64}, "float64", true, false},
		{&GoType{Kind: Bool}, "bool", true, false},
		{&GoType{Kind: Named, Named: set}, "string", true, false},
		{&GoType{Kind: Named, Named: doc}, "string", true, false},
		{&GoType{Kind: Named, Named: st}, "", false, true},
		{&GoType{Kind: Named, Named: &Type{Kind: Lazy}}, "", false, true},
		{&GoType{Kind: Slice, Elem: &GoType{Kind: String}}, "", false, false},
	}
	for _, tc := range tests {
		got, ok := tc.gt.Scalar()
		if got != tc.want || ok != tc.ok || tc.gt.HasMethodCheck() != tc.meth {
			t.Errorf("%s: Scalar %q, %v, HasMethodCheck %v; want %q, %v, %v", tc.gt.Key(), got, ok, tc.gt.HasMethodCheck(), tc.want, tc.ok, tc.meth)
		}
	}
}

// typedOf lowers the schemas of gts and decides their typed checks as
// fields of one struct, and returns the name each field calls.
func typedOf(gts []*GoType, chains [][]*load.Schema) (*Checks, []string) {
	cs := NewChecks()
	var fields []*Field
	for i, gt := range gts {
		gt.Chain = chains[i]
		gt.Checks = cs.ofAll(chains[i])
		if gt.Elem != nil {
			gt.Elem.Chain = chains[i]
			gt.Elem.Checks = gt.Checks
		}
		fields = append(fields, &Field{Type: gt})
	}
	pkg := &Package{Checks: cs, Types: []*Type{{Kind: Struct, Fields: fields}}}
	pkg.nameTypedChecks()
	var names []string
	for _, gt := range gts {
		sc, ok := gt.Scalar()
		switch c := gt.Checks[0].TypedTarget(sc); {
		case !ok:
			names = append(names, cs.Typed(gt.Checks[0], gt.Key()))
		case c == nil:
			names = append(names, "")
		default:
			names = append(names, cs.Typed(c, sc))
		}
	}
	return cs, names
}

// The model names typed checks before printing: one per check and Go type,
// after the check's place, "" when nothing applies to the Go value.
func TestNameTypedChecks(t *testing.T) {
	three := 3
	short := at("/$defs/Short", &load.Schema{Types: []string{"string"}, MaxLength: &three})
	refShort := at("/$defs/Ref", &load.Schema{Ref: short, Format: "email"})
	plain := at("/$defs/Plain", &load.Schema{Types: []string{"string"}})
	list := at("/$defs/List", &load.Schema{Types: []string{"array"}, MaxItems: &three, Items: plain})
	plainList := at("/$defs/PlainList", &load.Schema{Types: []string{"array"}, Items: plain})
	nullable := at("/$defs/Maybe", &load.Schema{Types: []string{"string", "null"}})
	str := func() *GoType { return &GoType{Kind: String} }
	cs, got := typedOf(
		[]*GoType{str(), str(), str(), {Kind: Slice, Elem: str()}, {Kind: Slice, Elem: str()}, {Kind: Nullable, Elem: str()}},
		[][]*load.Schema{{short}, {refShort}, {plain}, {list}, {plainList}, {nullable}},
	)
	want := []string{"checkShort", "checkRef", "", "checkList", "", ""}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Errorf("names %q, want %q", got, want)
	}
	if ref := cs.TypedRef(cs.Of(refShort), "string"); ref != "checkShort" {
		t.Errorf("checkRef calls %q for its $ref, want checkShort", ref)
	}
	if q := queued(cs); q != "" {
		t.Errorf("deciding typed checks named raw validators %q: they are named in print order", q)
	}
}

// A $ref cycle of scalars: the check met again while it is being decided
// is not called (it would only check what is being checked already).
func TestNameTypedChecksCycle(t *testing.T) {
	three := 3
	a := at("/$defs/A", &load.Schema{Types: []string{"string"}, MaxLength: &three})
	b := at("/$defs/B", &load.Schema{Ref: a, Format: "email"})
	a.Ref = b
	cs, got := typedOf([]*GoType{{Kind: String}}, [][]*load.Schema{{a}})
	if got[0] != "checkA" {
		t.Fatalf("name %q, want checkA", got[0])
	}
	if ref := cs.TypedRef(cs.Of(a), "string"); ref != "checkB" {
		t.Errorf("checkA calls %q, want checkB", ref)
	}
	if ref := cs.TypedRef(cs.Of(b), "string"); ref != "" {
		t.Errorf("checkB calls %q back, want nothing", ref)
	}
}

// Typed panics on a check the model did not decide: the printer walked
// fields the model did not.
func TestTypedUndecided(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("no panic")
		}
	}()
	cs := NewChecks()
	cs.Typed(cs.Of(at("/$defs/X", &load.Schema{Format: "email"})), "string")
}
