package model

import (
	"math/rand/v2"
	"regexp"
	"strings"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/generator/load"
)

// simplePattern's reading of a pattern, run as the generated matcher runs
// it, agrees with Go's regexp on random strings.
func TestSimplePatternMatchesLikeRegexp(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		simple  bool
	}{
		{`^[0-9]{12}$`, true},
		{`^[a-f0-9]{8,32}$`, true},
		{`^[A-Z]+$`, true},
		{`^[^a]*$`, false}, // negated: holds non-ASCII
		{`^x$`, false},     // a literal: left to regexp
		{`^(?i)[a-c]{2}$`, true},
		{`^[0-9]{3}-[0-9]{4}$`, false},
		{`[0-9]{3}`, false},
		{`^é{2}$`, false},
	} {
		class, min, max, ok := simplePattern(tc.pattern)
		if ok != tc.simple {
			t.Errorf("%s: simple = %v, want %v", tc.pattern, ok, tc.simple)
			continue
		}
		if !ok {
			continue
		}
		match := func(s string) bool {
			if len(s) < min || (max >= 0 && len(s) > max) {
				return false
			}
			for i := 0; i < len(s); i++ {
				in := false
				for _, rg := range class {
					in = in || (rune(s[i]) >= rg[0] && rune(s[i]) <= rg[1])
				}
				if !in {
					return false
				}
			}
			return true
		}
		re := regexp.MustCompile(tc.pattern)
		rng := rand.New(rand.NewPCG(1, 2))
		alphabet := []byte("0123456789abcdefABCDEFxyzXYZ-_ \n\xff\xc3\xa9")
		for i := 0; i < 20000; i++ {
			b := make([]byte, rng.IntN(40))
			for j := range b {
				b[j] = alphabet[rng.IntN(len(alphabet))]
			}
			if i%3 == 0 && min > 0 { // strings that are likelier to match
				b = b[:0]
				for j := 0; j < min; j++ {
					b = append(b, byte(class[0][0]))
				}
			}
			if got, want := match(string(b)), re.MatchString(string(b)); got != want {
				t.Fatalf("%s on %q: generated %v, regexp %v", tc.pattern, b, got, want)
			}
		}
	}
}

// guardKinds names the kinds a validator accepts only where its first step
// rejects every other kind with a type violation and nothing else: a type,
// directly or through $refs that add no assertion of their own.
func TestGuardKinds(t *testing.T) {
	str := func(s string) *string { return &s }
	three := 3
	yes, no := true, false
	object := &load.Schema{Types: []string{"object"}, Required: []string{"id"}}
	numbers := &load.Schema{Types: []string{"integer", "number", "null"}}
	for _, tc := range []struct {
		name   string
		schema *load.Schema
		want   string // the Go expression, "" for none
	}{
		{"type", object, "ObjectKind"},
		{"types, integer with number", numbers, "IntegerKind | NumberKind | NullKind"},
		{"a $ref with a title", &load.Schema{Ref: object, Title: "t"}, "ObjectKind"},
		{"a $ref to a $ref", &load.Schema{Ref: &load.Schema{Ref: numbers}}, "IntegerKind | NumberKind | NullKind"},
		{"a $ref and maxItems", &load.Schema{Ref: object, MaxItems: &three}, ""},
		{"a $ref to a schema without type", &load.Schema{Ref: &load.Schema{Pattern: str("^a$")}}, ""},
		{"no type", &load.Schema{MinLength: &three}, ""},
		{"true", &load.Schema{Bool: &yes}, ""},
		{"false", &load.Schema{Bool: &no}, ""},
		{"anyOf", &load.Schema{AnyOf: []*load.Schema{object}}, ""},
	} {
		got := strings.Join(guardKinds(tc.schema), " | ")
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// forwardTarget skips the schemas that only refer to another, and stops at
// the first that checks something of its own or at a cycle.
func TestForwardTarget(t *testing.T) {
	str := &load.Schema{Types: []string{"string"}}
	refToStr := &load.Schema{Ref: str, Description: "an annotation does not count"}
	refToRef := &load.Schema{Ref: refToStr}
	allOfOne := &load.Schema{AllOf: []*load.Schema{refToRef}}
	min := 1
	refPlus := &load.Schema{Ref: str, MinLength: &min}
	allOfTwo := &load.Schema{AllOf: []*load.Schema{str, refPlus}}
	cycleA := &load.Schema{}
	cycleB := &load.Schema{Ref: cycleA}
	cycleA.Ref = cycleB
	yes := true
	refToTrue := &load.Schema{Ref: &load.Schema{Bool: &yes}}
	for _, tc := range []struct {
		name     string
		in, want *load.Schema
	}{
		{"a schema with a check of its own", str, str},
		{"a $ref", refToStr, str},
		{"a chain of $refs", refToRef, str},
		{"an allOf of one schema", allOfOne, str},
		{"a $ref beside a keyword", refPlus, refPlus},
		{"an allOf of two schemas", allOfTwo, allOfTwo},
		{"a cycle of $refs", cycleA, cycleA},
		{"a $ref to true", refToTrue, refToTrue.Ref},
	} {
		if got := forwardTarget(tc.in); got != tc.want {
			t.Errorf("%s: forwardTarget returned %p, want %p", tc.name, got, tc.want)
		}
	}
}

// The validators of schemas that only have type are shared; anything more
// than type (or an annotation) gives the schema a validator of its own.
func TestIsTypeOnly(t *testing.T) {
	min := 1
	yes := true
	for _, tc := range []struct {
		name string
		s    *load.Schema
		want bool
	}{
		{"type", &load.Schema{Types: []string{"string"}}, true},
		{"type list and a description", &load.Schema{Types: []string{"string", "null"}, Description: "d"}, true},
		{"type and minLength", &load.Schema{Types: []string{"string"}, MinLength: &min}, false},
		{"type and format", &load.Schema{Types: []string{"string"}, Format: "email"}, false},
		{"no type", &load.Schema{MinLength: &min}, false},
		{"true", &load.Schema{Bool: &yes}, false},
	} {
		if got := isTypeOnly(tc.s); got != tc.want {
			t.Errorf("%s: isTypeOnly = %v, want %v", tc.name, got, tc.want)
		}
	}
}
