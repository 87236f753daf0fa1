package model

import (
	"fmt"
	"path"
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pinpoint-events/pinpoint-events/generator/load"
	"github.com/pinpoint-events/pinpoint-events/internal/jsonvalue"
)

// lower fills c with the keywords of s.
func (cs *Checks) lower(c *Check, s *load.Schema) {
	c.Accepts = annotationOnly(s)
	c.False = s.IsFalse()
	c.TypeOnly = isTypeOnly(s)
	if s.Bool != nil {
		return
	}
	c.Types = s.Types
	if s.Const != nil {
		lit := literal(*s.Const)
		c.Const = &lit
		c.ConstVar = cs.varName("const" + c.Suffix)
	}
	if s.Enum != nil {
		c.Enum = []Literal{} // an empty enum rejects everything
		for _, l := range s.Enum {
			c.Enum = append(c.Enum, literal(l))
		}
		c.EnumText = EnumText(s.Enum)
		c.EnumVar = cs.varName("enum" + c.Suffix)
	}
	c.Format = s.Format
	c.Ref = cs.Of(s.Ref)

	c.MinProperties, c.MaxProperties = s.MinProperties, s.MaxProperties
	c.Required = s.Required
	for _, d := range s.DependentRequired {
		c.DependentRequired = append(c.DependentRequired, Dependency{d.Property, d.Required})
	}
	for _, p := range s.Properties {
		c.Properties = append(c.Properties, PropertyCheck{p.Name, cs.Of(p.Schema), s.IsRequired(p.Name)})
	}
	for i, pp := range s.PatternProperties {
		c.PatternProperties = append(c.PatternProperties, PatternCheck{cs.pattern(c, pp.Pattern, i), cs.Of(pp.Schema)})
	}
	if add := s.AdditionalProperties; add != nil && !add.IsTrue() {
		c.Additional = cs.Of(add)
		c.Closed = add.IsFalse()
	}
	if len(c.PatternProperties) == 0 && (len(c.Properties) > 0 || c.Additional != nil) {
		c.propertiesVar = cs.varName("properties" + c.Suffix)
	}

	c.MinItems, c.MaxItems, c.UniqueItems = s.MinItems, s.MaxItems, s.UniqueItems
	c.Items = cs.Of(s.Items)
	for _, p := range s.PrefixItems {
		c.PrefixItems = append(c.PrefixItems, cs.Of(p))
	}

	c.MinLength, c.MaxLength = s.MinLength, s.MaxLength
	if s.Pattern != nil {
		c.Pattern = cs.pattern(c, *s.Pattern, -1)
	}
	c.ContentEncoding, c.ContentMediaType = s.ContentEncoding, s.ContentMediaType
	c.ContentSchema = cs.Of(s.ContentSchema)

	for _, b := range []struct {
		keyword string
		lit     *string
	}{{"minimum", s.Minimum}, {"maximum", s.Maximum}, {"exclusiveMinimum", s.ExclusiveMinimum}, {"exclusiveMaximum", s.ExclusiveMaximum}, {"multipleOf", s.MultipleOf}} {
		if b.lit == nil {
			continue
		}
		bound := Bound{Keyword: b.keyword, Literal: *b.lit, Var: cs.varName(LowerFirst(GoName(b.keyword)) + c.Suffix)}
		if n, err := jsonvalue.ParseNumber(*b.lit); err == nil {
			bound.Int, bound.IsInt = n.Int64()
		}
		c.Bounds = append(c.Bounds, bound)
	}

	c.Not = cs.Of(s.Not)
	for _, sub := range s.AllOf {
		c.AllOf = append(c.AllOf, cs.Of(sub))
	}
	for _, sub := range s.AnyOf {
		c.AnyOf = append(c.AnyOf, cs.Of(sub))
	}
	for _, sub := range s.OneOf {
		c.OneOf = append(c.OneOf, cs.Of(sub))
	}
	if s.If != nil && (s.Then != nil || s.Else != nil) {
		c.hasIf = true
		c.If, c.Then, c.Else = cs.Of(s.If), cs.Of(s.Then), cs.Of(s.Else)
	}
}

// varName reserves the name of a package-level variable.
func (cs *Checks) varName(base string) string { return UniqueName(cs.vars, base) }

// pattern lowers the i-th pattern of c (-1: the pattern keyword).
func (cs *Checks) pattern(c *Check, expr string, i int) *Pattern {
	num := ""
	if i >= 0 {
		num = strconv.Itoa(i)
	}
	if ranges, min, max, ok := simplePattern(expr); ok {
		return &Pattern{Expr: expr, Match: &SimpleMatch{Func: cs.varName("match" + c.Suffix + num), Ranges: ranges, Min: min, Max: max}}
	}
	return &Pattern{Expr: expr, Var: cs.varName("pattern" + c.Suffix + num)}
}

func literal(l load.Literal) Literal {
	return Literal{JSON: l.JSON, IsString: l.Kind == "string", String: l.String}
}

// EnumText is how an enum is shown in messages and docs.
func EnumText(lits []load.Literal) string {
	var parts []string
	for i, l := range lits {
		if i == 10 {
			parts = append(parts, "…")
			break
		}
		if l.Kind == "string" {
			parts = append(parts, l.String)
		} else {
			parts = append(parts, l.JSON)
		}
	}
	return strings.Join(parts, ", ")
}

// key is the content of c's validator with the Go names of the validators
// it calls, for sharing one validator between equal schemas; false when c
// leads back to itself (such a validator is printed as it is).
func (c *Check) key() (string, bool) {
	var b strings.Builder
	ok := true
	sub := func(x *Check) string {
		if x == nil {
			return "-"
		}
		f := x.Func()
		if f == nil {
			return "valid"
		}
		if f.Name == "" { // being lowered: a cycle
			ok = false
		}
		return f.Name
	}
	ints := func(p *int) string {
		if p == nil {
			return "-"
		}
		return strconv.Itoa(*p)
	}
	pat := func(p *Pattern) string {
		if p == nil {
			return "-"
		}
		return strconv.Quote(p.Expr)
	}
	fmt.Fprintf(&b, "%v|%q|", c.False, c.Types)
	if c.Const != nil {
		fmt.Fprintf(&b, "const %q|", c.Const.JSON)
	}
	if c.Enum != nil {
		fmt.Fprintf(&b, "enum %d|", len(c.Enum))
	}
	for _, l := range c.Enum {
		fmt.Fprintf(&b, "enum %q|", l.JSON)
	}
	fmt.Fprintf(&b, "%q|%s|", c.Format, sub(c.Ref))
	fmt.Fprintf(&b, "%s %s %q %v|", ints(c.MinProperties), ints(c.MaxProperties), c.Required, c.DependentRequired)
	for _, p := range c.Properties {
		fmt.Fprintf(&b, "prop %q %s %v|", p.Name, sub(p.Check), p.Required)
	}
	for _, p := range c.PatternProperties {
		fmt.Fprintf(&b, "pp %s %s|", pat(p.Pattern), sub(p.Check))
	}
	fmt.Fprintf(&b, "%s %v|", sub(c.Additional), c.Closed)
	fmt.Fprintf(&b, "%s %s %v %s|", ints(c.MinItems), ints(c.MaxItems), c.UniqueItems, sub(c.Items))
	for _, p := range c.PrefixItems {
		fmt.Fprintf(&b, "prefix %s|", sub(p))
	}
	fmt.Fprintf(&b, "%s %s %s %q %q %s|", ints(c.MinLength), ints(c.MaxLength), pat(c.Pattern), c.ContentEncoding, c.ContentMediaType, sub(c.ContentSchema))
	for _, bd := range c.Bounds {
		fmt.Fprintf(&b, "%s %s|", bd.Keyword, bd.Literal)
	}
	fmt.Fprintf(&b, "not %s|", sub(c.Not))
	for _, list := range [][]*Check{c.AllOf, c.AnyOf, c.OneOf} {
		for _, x := range list {
			b.WriteString(sub(x) + ",")
		}
		b.WriteString("|")
	}
	fmt.Fprintf(&b, "%v %s %s %s", c.hasIf, sub(c.If), sub(c.Then), sub(c.Else))
	return b.String(), ok
}

// schemaSuffix names the code of a schema after its place:
// common.json#/$defs/Application/properties/app_id is ApplicationAppID.
func schemaSuffix(s *load.Schema) string {
	var b strings.Builder
	// $defs names are the readable part; a schema outside $defs is named
	// after its file.
	if !strings.HasPrefix(s.Loc.Pointer, "/$defs/") {
		b.WriteString(GoName(strings.TrimSuffix(path.Base(s.Loc.File), ".json")))
	}
	for _, tok := range strings.Split(s.Loc.Pointer, "/") {
		switch tok {
		case "", "$defs", "properties":
		case "items":
			b.WriteString("Item")
		case "additionalProperties":
			b.WriteString("Value")
		default:
			b.WriteString(GoName(tok))
		}
	}
	return b.String()
}

// annotationOnly reports whether s checks nothing: true, or only
// annotations.
func annotationOnly(s *load.Schema) bool {
	if s.Bool != nil {
		return *s.Bool
	}
	return s.Types == nil && s.Const == nil && s.Enum == nil && s.Format == "" && s.Ref == nil &&
		s.Properties == nil && s.Required == nil && s.AdditionalProperties == nil && s.PatternProperties == nil &&
		s.MinProperties == nil && s.MaxProperties == nil && s.DependentRequired == nil && s.Items == nil &&
		s.PrefixItems == nil && s.MinItems == nil && s.MaxItems == nil && !s.UniqueItems && s.MinLength == nil &&
		s.MaxLength == nil && s.Pattern == nil && s.Minimum == nil && s.Maximum == nil && s.ExclusiveMinimum == nil &&
		s.ExclusiveMaximum == nil && s.MultipleOf == nil && s.AllOf == nil && s.AnyOf == nil && s.OneOf == nil &&
		s.Not == nil && s.If == nil && s.ContentMediaType == "" && s.ContentEncoding == "" && s.ContentSchema == nil
}

// isTypeOnly reports whether type is the only keyword of s that checks
// anything: most properties are such, and their validators, equal but for
// the name, are printed once per list of types.
func isTypeOnly(s *load.Schema) bool {
	if s.Bool != nil || len(s.Types) == 0 {
		return false
	}
	rest := *s
	rest.Types = nil
	return annotationOnly(&rest)
}

// forwardTarget returns the schema whose validator does the work of s:
// a schema that only refers to another ($ref, or an allOf of one schema,
// beside annotations) gets no validator of its own, so that a chain of
// such references becomes one direct call instead of a chain of functions
// that each call the next.
func forwardTarget(s *load.Schema) *load.Schema {
	seen := map[*load.Schema]bool{}
	for s != nil && !seen[s] && s.Bool == nil {
		seen[s] = true
		rest := *s
		var next *load.Schema
		switch {
		case s.Ref != nil:
			next, rest.Ref = s.Ref, nil
		case len(s.AllOf) == 1:
			next, rest.AllOf = s.AllOf[0], nil
		default:
			return s
		}
		if !annotationOnly(&rest) {
			return s
		}
		s = next
	}
	return s
}

// simplePattern recognizes ^[class]{min,max}$ (max < 0: no bound; also +,
// * and a single class) where the class holds ASCII characters only: then a
// match has one byte per character.
func simplePattern(pattern string) (class [][2]rune, min, max int, ok bool) {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return nil, 0, 0, false
	}
	if re.Op != syntax.OpConcat || len(re.Sub) != 3 || re.Sub[0].Op != syntax.OpBeginText || re.Sub[2].Op != syntax.OpEndText {
		return nil, 0, 0, false
	}
	body := re.Sub[1]
	switch body.Op {
	case syntax.OpCharClass:
		min, max = 1, 1
	case syntax.OpRepeat, syntax.OpPlus, syntax.OpStar:
		min, max = body.Min, body.Max
		if body.Op == syntax.OpPlus {
			min, max = 1, -1
		} else if body.Op == syntax.OpStar {
			min, max = 0, -1
		}
		if len(body.Sub) != 1 || body.Sub[0].Op != syntax.OpCharClass {
			return nil, 0, 0, false
		}
		body = body.Sub[0]
	default:
		return nil, 0, 0, false
	}
	for j := 0; j+1 < len(body.Rune); j += 2 {
		if body.Rune[j+1] >= utf8.RuneSelf {
			return nil, 0, 0, false
		}
		class = append(class, [2]rune{body.Rune[j], body.Rune[j+1]})
	}
	return class, min, max, len(class) > 0
}
