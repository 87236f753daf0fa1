package emit

import (
	"fmt"

	"github.com/dave/jennifer/jen"

	"github.com/pinpoint-events/pinpoint-events/generator/model"
)

// scalar is the Go type a typed check function takes.
type scalar string

const (
	goString  scalar = "string"
	goInt64   scalar = "int64"
	goFloat64 scalar = "float64"
	goBool    scalar = "bool"
)

// scalarOf returns the Go scalar the model checks a field of type gt as
// (GoType.Scalar), and the expression that converts the field's value v to
// it.
func scalarOf(gt *model.GoType, v *jen.Statement) (scalar, *jen.Statement, bool) {
	sc, ok := gt.Scalar()
	if !ok {
		return "", nil, false
	}
	switch {
	case gt.Kind == model.NumericString, gt.Kind == model.Named && gt.Named.Kind == model.StringSet:
		return scalar(sc), jen.String().Call(v), true
	case gt.Kind == model.UnixMillis:
		return scalar(sc), jen.Int64().Call(v), true
	case gt.Kind == model.Named: // EmbeddedJSON
		return scalar(sc), v.Dot("Text"), true
	}
	return scalar(sc), v, true
}

func (sc scalar) goType() *jen.Statement { return jen.Id(string(sc)) }

// asRaw is the expression that makes the Go scalar v a raw value.
func (sc scalar) asRaw(v *jen.Statement) *jen.Statement {
	fn := map[scalar]string{goString: "StringValue", goInt64: "Int64Value", goFloat64: "Float64Value", goBool: "BoolValue"}[sc]
	return jen.Qual(rawcheckPkg, fn).Call(v)
}

// typedCheck returns the function that checks a Go scalar against c (and
// what c's $ref leads to), as the model named it, printing it on first
// use; "" when there is nothing to check for a value of that Go type.
func (p *printer) typedCheck(c *model.Check, sc scalar) string {
	if c = c.TypedTarget(string(sc)); c == nil {
		return ""
	}
	name := p.raw.checks.Typed(c, string(sc))
	if !p.firstVisit(c, string(sc)) {
		return name
	}
	body := p.typedCheckBody(c, sc)
	f := p.validateFile(c)
	f.Commentf("%s checks a Go %s against %s.", name, sc, c.Source)
	f.Func().Id(name).Params(jen.Id("v").Add(sc.goType()), cParam).Block(body...)
	f.Line()
	return name
}

// typedCheckBody returns the statements of the check of c for a Go sc.
func (p *printer) typedCheckBody(c *model.Check, sc scalar) (body []jen.Code) {
	r := p.raw
	ret := jen.Return()
	if c.False {
		return []jen.Code{jen.Id("c").Dot("FalseSchema").Call()}
	}
	// The Go type always has a JSON type the type keyword allows: the model
	// maps a property to Go only so.
	if c.Const != nil {
		if sc == goString && c.Const.IsString {
			body = append(body, jen.If(jen.Id("v").Op("!=").Lit(c.Const.String)).Block(
				jen.Id("c").Dot("Const").Call(jen.Qual(validationPkg, "Quote").Call(jen.Id("v")), jen.Lit(c.Const.JSON)), ret))
		} else {
			body = append(body, jen.If(jen.Id("rv").Op(":=").Add(sc.asRaw(jen.Id("v"))), jen.Op("!").Qual(jsonvaluePkg, "Equal").Call(jen.Id("rv"), jen.Id(r.constVar(c)))).Block(
				jen.Id("c").Dot("Const").Call(jen.Qual(validationPkg, "Show").Call(jen.Op("&").Id("rv")), jen.Lit(c.Const.JSON)), ret))
		}
	}
	if c.Enum != nil {
		if sc == goString && allStrings(c.Enum) {
			var vals []jen.Code
			for _, l := range c.Enum {
				vals = append(vals, jen.Lit(l.String))
			}
			body = append(body, jen.Switch(jen.Id("v")).Block(
				jen.Case(vals...),
				jen.Default().Block(jen.Id("c").Dot("Enum").Call(jen.Qual(validationPkg, "Quote").Call(jen.Id("v")), jen.Lit(c.EnumText)), ret),
			))
		} else {
			body = append(body, jen.If(jen.Id("rv").Op(":=").Add(sc.asRaw(jen.Id("v"))), jen.Op("!").Qual(rawcheckPkg, "InEnum").Call(jen.Op("&").Id("rv"), jen.Id(r.enumVar(c)))).Block(
				jen.Id("c").Dot("Enum").Call(jen.Qual(validationPkg, "Show").Call(jen.Op("&").Id("rv")), jen.Lit(c.EnumText)), ret))
		}
	}
	if c.Format != "" && sc == goString {
		body = append(body, jen.If(jen.Id("c").Dot("AssertFormat")).Block(
			jen.Id("n").Op(":=").Id("c").Dot("Len").Call(),
			jen.Id("c").Dot("Format").Call(jen.Lit(c.Format), jen.Id("v")),
			jen.If(jen.Id("c").Dot("Len").Call().Op(">").Id("n")).Block(ret),
		))
	}
	if c.Ref != nil {
		p.typedCheck(c.Ref, sc) // printed before the check that calls it
		if n := r.checks.TypedRef(c, string(sc)); n != "" {
			body = append(body, jen.Id(n).Call(vpc()...))
		}
	}
	switch sc {
	case goString:
		body = append(body, r.stringChecks(c, jen.Id("v"))...)
	case goInt64, goFloat64:
		body = append(body, p.typedNumberChecks(c, sc)...)
	}
	if c.HasComposition() {
		body = append(body, jen.Id("rv").Op(":=").Add(sc.asRaw(jen.Id("v"))))
		body = append(body, r.composition(c, jen.Op("&").Id("rv"))...)
	}
	return body
}

func allStrings(lits []model.Literal) bool {
	for _, l := range lits {
		if !l.IsString {
			return false
		}
	}
	return true
}

// typedNumberChecks compares an int64 with integer limits directly, and
// everything else exactly through jsonvalue.Number.
func (p *printer) typedNumberChecks(c *model.Check, sc scalar) []jen.Code {
	var out []jen.Code
	var num *jen.Statement
	needNum := false
	got := jen.Id("num").Dot("Literal").Call()
	for _, b := range c.Bounds {
		limit := b.Int
		if sc == goInt64 && b.IsInt {
			gotInt := jen.Qual("strconv", "FormatInt").Call(jen.Id("v"), jen.Lit(10))
			if b.Keyword == "multipleOf" {
				if limit > 0 {
					out = append(out, jen.If(jen.Id("v").Op("%").Lit(limit).Op("!=").Lit(0)).Block(
						jen.Id("c").Dot("MultipleOf").Call(gotInt, jen.Lit(b.Literal))))
				}
				continue
			}
			var cond *jen.Statement
			if b.HoldsEveryInt64() {
				continue
			}
			switch b.Keyword {
			case "minimum":
				cond = jen.Id("v").Op("<").Lit(limit)
			case "maximum":
				cond = jen.Id("v").Op(">").Lit(limit)
			case "exclusiveMinimum":
				cond = jen.Id("v").Op("<=").Lit(limit)
			default:
				cond = jen.Id("v").Op(">=").Lit(limit)
			}
			out = append(out, jen.If(cond).Block(jen.Id("c").Dot("Bound").Call(jen.Lit(b.Keyword), gotInt, jen.Lit(b.Literal))))
			continue
		}
		needNum = true
		lim := jen.Id(p.raw.boundVar(c, b))
		if b.Keyword == "multipleOf" {
			out = append(out, jen.If(jen.Op("!").Id("num").Dot("MultipleOf").Call(lim)).Block(
				jen.Id("c").Dot("MultipleOf").Call(got.Clone(), jen.Lit(b.Literal))))
			continue
		}
		out = append(out, jen.If(failsBound(b.Keyword, jen.Id("num").Dot("Cmp").Call(lim))).Block(
			jen.Id("c").Dot("Bound").Call(jen.Lit(b.Keyword), got.Clone(), jen.Lit(b.Literal))))
	}
	if needNum {
		if sc == goInt64 {
			num = jen.Qual(jsonvaluePkg, "NumberFromInt64").Call(jen.Id("v"))
		} else {
			num = jen.Qual(jsonvaluePkg, "NumberFromFloat64").Call(jen.Id("v"))
		}
		out = append([]jen.Code{jen.Id("num").Op(":=").Add(num)}, out...)
	}
	return out
}

// fieldCheck returns the statements that check the value v (an
// expression of Go type gt, made from the schema chain of gt) at the
// collector's current path.
func (p *printer) fieldCheck(gt *model.GoType, v, recv *jen.Statement) []jen.Code {
	switch fn, arg := p.fieldCall(gt, v, recv); {
	case fn == nil:
		return nil
	case arg == nil:
		return []jen.Code{fn.Call(jen.Id("c"))}
	default:
		return []jen.Code{fn.Call(arg, jen.Id("c"))}
	}
}

// fieldAt returns the statement that checks a field of Go type gt at the
// member name: a helper of package validation enters the member. A struct
// is checked through a method expression, a static function, so that the
// inlined helper calls it directly.
func (p *printer) fieldAt(gt *model.GoType, name string, v, addr, recv *jen.Statement) jen.Code {
	switch {
	case isLazy(gt):
		return jen.Qual(validationPkg, "ValueAt").Call(jen.Id("c"), jen.Lit(name), recv, jen.Id(gt.Named.Name).Dot("validate"))
	case isStruct(gt):
		return jen.Qual(validationPkg, "ValueAt").Call(jen.Id("c"), jen.Lit(name), addr, jen.Parens(jen.Op("*").Id(gt.Named.Name)).Dot("validate"))
	}
	if fn, arg := p.fieldCall(gt, v, recv); fn != nil {
		return jen.Qual(validationPkg, "ValueAt").Call(jen.Id("c"), jen.Lit(name), arg, fn)
	}
	return nil
}

// fieldCall returns the function that checks the value v of Go type gt and
// its argument beside the collector: a method value of v's type and no
// argument, or a check function and v as it takes it; fn is nil when
// there is nothing to check.
func (p *printer) fieldCall(gt *model.GoType, v, recv *jen.Statement) (fn, arg *jen.Statement) {
	if gt.HasMethodCheck() {
		return recv.Clone().Dot("validate"), nil
	}
	if gt.Kind == model.Named && gt.Named.Kind == model.EmbeddedJSON {
		v = recv.Clone()
	}
	if sc, conv, ok := scalarOf(gt, v); ok {
		if n := p.typedCheck(gt.Checks[0], sc); n != "" {
			return jen.Id(n), conv
		}
		return nil, nil
	}
	if n := p.containerCheck(gt); n != "" {
		return jen.Id(n), v
	}
	return nil, nil
}

// containerCheck returns the function that checks a slice, map or nullable
// value of type gt, as the model named it, printing it on first use; ""
// when there is nothing to check.
func (p *printer) containerCheck(gt *model.GoType) string {
	head := gt.Checks[0]
	name := p.raw.checks.Typed(head, gt.Key())
	if !p.firstVisit(head, gt.Key()) {
		return name
	}
	var body []jen.Code
	switch gt.Kind {
	case model.Nullable:
		sc, conv, ok := scalarOf(gt.Elem, jen.Id("v").Dot("Value"))
		var whenValid []jen.Code
		if ok {
			if n := p.typedCheck(head, sc); n != "" {
				whenValid = []jen.Code{jen.Id(n).Call(conv, jen.Id("c"))}
			}
		}
		if !ok {
			panic("emit: nullable of a non-scalar type")
		}
		var whenNull []jen.Code
		if n := head.FuncName(); n != "" && !head.NullNeedsNoCheck() {
			whenNull = []jen.Code{jen.Id("rv").Op(":=").Qual(rawcheckPkg, "NullValue").Call(), jen.Id(n).Call(jen.Op("&").Id("rv"), jen.Id("c"))}
		}
		if len(whenValid)+len(whenNull) > 0 {
			body = append(body, jen.If(jen.Id("v").Dot("Valid")).Block(whenValid...).Else().Block(whenNull...))
		}
	case model.Slice, model.Map:
		for _, c := range gt.Checks {
			body = append(body, p.containerKeywords(gt, c)...)
		}
		// A map element is not addressable: check a copy.
		push := jen.Id("c").Dot("PushIndex").Call(jen.Id("i"))
		elem := jen.Id("v").Index(jen.Id("i"))
		loopVars := jen.Id("i")
		if gt.Kind == model.Map {
			push = jen.Id("c").Dot("Push").Call(jen.Id("k"))
			elem = jen.Id("e")
			loopVars = jen.List(jen.Id("k"), jen.Id("e"))
		}
		if check := p.fieldCheck(gt.Elem, elem, elem.Clone()); len(check) > 0 {
			stmts := append(append([]jen.Code{push}, check...), jen.Id("c").Dot("Pop").Call())
			body = append(body, jen.For(loopVars.Op(":=").Range().Id("v")).Block(stmts...))
		}
	}
	if (len(body) == 0) != (name == "") {
		panic(fmt.Sprintf("emit: the model and the printer disagree on whether %s checks a Go %s", head.Source, gt.Key()))
	}
	if name == "" {
		return ""
	}
	f := p.validateFile(head)
	f.Commentf("%s checks a Go value against %s.", name, head.Source)
	f.Func().Id(name).Params(jen.Id("v").Add(p.goType(gt)), cParam).Block(body...)
	f.Line()
	return name
}

// containerKeywords prints the keywords of s that apply to a slice or map
// as a whole.
func (p *printer) containerKeywords(gt *model.GoType, s *model.Check) []jen.Code {
	var out []jen.Code
	count := func(keyword string, limit *int, op string) {
		if limit == nil {
			return
		}
		out = append(out, jen.If(jen.Len(jen.Id("v")).Op(op).Lit(*limit)).Block(
			jen.Id("c").Dot("Count").Call(jen.Lit(keyword), jen.Len(jen.Id("v")), jen.Lit(*limit))))
	}
	if gt.Kind == model.Slice {
		count("minItems", s.MinItems, "<")
		count("maxItems", s.MaxItems, ">")
		if s.UniqueItems {
			var dup *jen.Statement
			if _, _, ok := scalarOf(gt.Elem, jen.Null()); ok && gt.Elem.Kind != model.Named {
				dup = jen.Qual(rawcheckPkg, "DuplicateOf").Call(jen.Id("v"))
			} else {
				dup = jen.Qual(rawcheckPkg, "Duplicate").Call(jen.Id("rv").Dot("Items"))
				out = append(out,
					jen.List(jen.Id("b"), jen.Id("w")).Op(":=").List(jen.Index().Byte().Call(jen.Nil()), jen.New(jen.Qual(codecPkg, "Writer"))),
					jen.Id("rv").Op(":=").Qual(rawcheckPkg, "Parsed").Call(p.appendValue(gt, jen.Id("v"), jen.Id("v"))))
			}
			out = append(out, jen.If(jen.List(jen.Id("i"), jen.Id("j"), jen.Id("dup")).Op(":=").Add(dup), jen.Id("dup")).Block(
				jen.Id("c").Dot("UniqueItems").Call(jen.Id("i"), jen.Id("j"))))
		}
	} else {
		count("minProperties", s.MinProperties, "<")
		count("maxProperties", s.MaxProperties, ">")
	}
	if s.Const != nil || s.Enum != nil || s.HasComposition() {
		// Rare on containers: check through the raw value.
		if n := s.FuncName(); n != "" {
			out = append(out,
				jen.List(jen.Id("b"), jen.Id("w")).Op(":=").List(jen.Index().Byte().Call(jen.Nil()), jen.New(jen.Qual(codecPkg, "Writer"))),
				jen.Id("whole").Op(":=").Qual(rawcheckPkg, "Parsed").Call(p.appendValue(gt, jen.Id("v"), jen.Id("v"))),
				jen.Id(n).Call(jen.Op("&").Id("whole"), jen.Id("c")),
			)
		}
	}
	return out
}

// structValidate prints the validator of a struct: its fields one by one,
// its absent required members and the members it kept raw from its
// rawcheck.Properties table.
func (p *printer) structValidate(t *model.Type) {
	f := p.validateFileFor(t)
	var fields []jen.Code
	for _, fl := range t.Fields {
		cond := present(t, fl)
		value, addr, recv := fieldValue(fl)
		if check := p.fieldAt(fl.Type, fl.JSONName, value, addr, recv); check != nil {
			fields = append(fields, jen.If(cond).Block(check))
		}
	}
	// The table goes between the checks the fields call and validate.
	table := p.structTable(t)
	var body []jen.Code
	if hasRequired(t) {
		body = append(body, jen.Id(table).Dot("CheckAbsent").Call(jen.Id("v").Dot("absent"), jen.Id("v").Dot("Rest"), jen.Id("c")))
	}
	body = append(body, fields...)
	if table != "" {
		body = append(body, jen.Id(table).Dot("CheckRest").Call(jen.Id("v").Dot("Rest"), jen.Id("c")))
	}
	f.Comment("validate records the violations of v in c, at c's current path.")
	f.Func().Add(recv(t)).Id("validate").Params(cParam).Block(body...)
	f.Line()
}

// hasRequired reports whether t has required fields, and checks that their
// absent bits are numbered in field order, as rawcheck.Properties.CheckAbsent
// reads them.
func hasRequired(t *model.Type) bool {
	k := 0
	for _, fl := range t.Fields {
		if fl.Required {
			if fl.AbsentBit != k {
				panic(fmt.Sprintf("emit: %s.%s has absent bit %d, not %d", t.Name, fl.Name, fl.AbsentBit, k))
			}
			k++
		}
	}
	return k > 0
}

// structTable returns the rawcheck.Properties table of t's members, ""
// when there is nothing to check: a member of a property whose value did
// not fit its field is checked against the property's schema, any other
// against additionalProperties; required marks the required fields.
func (p *printer) structTable(t *model.Type) string {
	// The struct's fields are its schema's properties: the raw validator's
	// table serves, unless that validator cannot have one.
	if c := t.Check.Func(); c != nil && c.PropertiesTable() != "" {
		return p.raw.propertiesVar(c)
	}
	var known []jen.Code
	for _, fl := range t.Fields {
		known = append(known, memberRule(fl.JSONName, fl.Check, fl.Required))
	}
	var other []jen.Code
	switch add := t.Additional; {
	case add == nil:
	case add.False:
		other = append(other, jen.Id("Closed").Op(":").True())
	case add.FuncName() != "":
		other = append(other, jen.Id("Other").Op(":").Qual(rawcheckPkg, "Member").Add(memberRule("", add, false)))
	}
	if len(known) == 0 && len(other) == 0 {
		return ""
	}
	var fields []jen.Code
	if len(known) > 0 {
		fields = append(fields, jen.Id("Known").Op(":").Index().Qual(rawcheckPkg, "Member").Values(tableLines(known)...))
	}
	fields = append(fields, other...)
	name := "members" + t.Name
	f := p.validateFileFor(t)
	f.Commentf("%s checks the members of %s by name.", name, t.Name)
	f.Var().Id(name).Op("=").Qual(rawcheckPkg, "Properties").Values(tableLines(fields)...)
	f.Line()
	return name
}

// tableLines puts each entry of a composite literal on a line of its own.
func tableLines(entries []jen.Code) []jen.Code {
	out := make([]jen.Code, 0, len(entries)+1)
	for _, e := range entries {
		out = append(out, jen.Line().Add(e))
	}
	return append(out, jen.Line())
}
