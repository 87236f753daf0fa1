package model

import (
	"strings"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/generator/load"
)

// LowerRoots names every validator before printing, in the order the
// printer prints them: the roots in turn, each after the validators it
// calls (a validator's structural key holds their names).
func TestLowerRootsNamesBeforePrinting(t *testing.T) {
	three := 3
	short := at("/$defs/Short", &load.Schema{Types: []string{"string"}, MaxLength: &three})
	item := at("/$defs/Item", &load.Schema{Types: []string{"integer"}, MultipleOf: ptr("2")})
	obj := at("/$defs/Obj", &load.Schema{Types: []string{"object"},
		Properties: []*load.Property{{Name: "s", Schema: short}},
		AllOf:      []*load.Schema{at("/$defs/Obj/allOf/0", &load.Schema{Types: []string{"object"}, MinProperties: &three})}})
	list := at("/$defs/List", &load.Schema{Types: []string{"array"}, Items: item})
	accepts := at("/$defs/Any", &load.Schema{Description: "anything"})
	tests := []struct {
		name  string
		roots []NamedSchema
		funcs string // each root's validator
		order string // Validators
	}{
		{"one object", []NamedSchema{{"o", obj}}, "rawObj", "rawShort rawObjAllOfX0 rawObj"},
		{"root by root", []NamedSchema{{"l", list}, {"o", obj}, {"a", accepts}}, "rawList rawObj ",
			"rawItem rawList rawShort rawObjAllOfX0 rawObj"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cs, roots := LowerRoots(tc.roots)
			var funcs []string
			for _, r := range roots {
				funcs = append(funcs, r.Check.FuncName())
			}
			if got := strings.Join(funcs, " "); got != tc.funcs {
				t.Errorf("validators %q, want %q", got, tc.funcs)
			}
			if got := queued(cs); got != tc.order {
				t.Errorf("order %q, want %q", got, tc.order)
			}
		})
	}
}

// Once named, the set is sealed: a validator the printer asks for that the
// model did not name is a bug, not a late name.
func TestSealedChecksPanic(t *testing.T) {
	cs, _ := LowerRoots([]NamedSchema{{"s", at("/$defs/S", &load.Schema{Types: []string{"string"}})}})
	late := cs.Of(at("/$defs/Late", &load.Schema{Types: []string{"string"}, Format: "email"}))
	defer func() {
		if r := recover(); r == nil || !strings.Contains(r.(string), "not named before printing") {
			t.Errorf("recovered %v, want a panic naming the late validator", r)
		}
	}()
	late.Func()
}

func ptr(s string) *string { return &s }
