package emit

import (
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pinpoint-events/pinpoint-events/generator/model"
	"github.com/pinpoint-events/pinpoint-events/internal/jsonvalue"
)

// rawValidators prints one func(v *jsonvalue.Value, c
// *validation.Collector) per check of the model that raw values are checked
// against, and the package variables they use. The model decides which
// checks have a validator and names everything; this only prints.
type rawValidators struct {
	p      *printer
	checks *model.Checks
	// declared are the package variables printed, by name.
	declared map[string]bool
}

func newRawValidators(p *printer, checks *model.Checks) *rawValidators {
	return &rawValidators{p: p, checks: checks, declared: map[string]bool{}}
}

// call is the Check expression for c: its validator or rawcheck.Valid.
func (r *rawValidators) call(c *model.Check) jen.Code {
	if n := c.FuncName(); n != "" {
		return jen.Id(n)
	}
	return jen.Qual(rawcheckPkg, "Valid")
}

// flush prints every validator the model handed out, and those they call.
func (r *rawValidators) flush() {
	for _, c := range r.checks.Validators() {
		r.print(c)
	}
}

func (p *printer) validateFile(c *model.Check) *jen.File { return p.file(c.File + "_validate.go") }

var (
	vParam = jen.Id("v").Op("*").Qual(jsonvaluePkg, "Value")
	cParam = jen.Id("c").Op("*").Qual(validationPkg, "Collector")
)

func vpc() []jen.Code { return []jen.Code{jen.Id("v"), jen.Id("c")} }

// declare prints the package-level variable name once, in c's file.
func (r *rawValidators) declare(c *model.Check, name string, value jen.Code) string {
	return r.declareDoc(c, name, "", value)
}

// declareDoc is declare with a doc comment.
func (r *rawValidators) declareDoc(c *model.Check, name, doc string, value jen.Code) string {
	if !r.declared[name] {
		r.declared[name] = true
		f := r.p.validateFile(c)
		if doc != "" {
			f.Comment(doc)
		}
		f.Var().Id(name).Op("=").Add(value).Line()
	}
	return name
}

func (r *rawValidators) constVar(c *model.Check) string {
	return r.declare(c, c.ConstVar, jen.Qual(rawcheckPkg, "MustParse").Call(jen.Lit(c.Const.JSON)))
}

func (r *rawValidators) enumVar(c *model.Check) string {
	var vals []jen.Code
	for _, l := range c.Enum {
		vals = append(vals, jen.Qual(rawcheckPkg, "MustParse").Call(jen.Lit(l.JSON)))
	}
	return r.declare(c, c.EnumVar, jen.Index().Qual(jsonvaluePkg, "Value").Values(vals...))
}

func (r *rawValidators) boundVar(c *model.Check, b model.Bound) string {
	return r.declare(c, b.Var, jen.Qual(rawcheckPkg, "MustNumber").Call(jen.Lit(b.Literal)))
}

// matchPattern is the expression that tells whether str matches pat.
func (r *rawValidators) matchPattern(c *model.Check, pat *model.Pattern, str jen.Code) *jen.Statement {
	m := pat.Match
	if m == nil {
		return jen.Id(r.declare(c, pat.Var, jen.Qual("regexp", "MustCompile").Call(jen.Lit(pat.Expr)))).Dot("MatchString").Call(str)
	}
	if !r.declared[m.Func] {
		r.declared[m.Func] = true
		var inClass *jen.Statement
		for j, rg := range m.Ranges {
			cond := jen.Id("c").Op("==").LitRune(rg[0])
			if rg[0] != rg[1] {
				cond = jen.Parens(jen.LitRune(rg[0]).Op("<=").Id("c").Op("&&").Id("c").Op("<=").LitRune(rg[1]))
			}
			if j == 0 {
				inClass = cond
			} else {
				inClass = inClass.Op("||").Add(cond)
			}
		}
		var lenCheck *jen.Statement
		switch {
		case m.Max < 0:
			lenCheck = jen.Len(jen.Id("s")).Op("<").Lit(m.Min)
		case m.Min == m.Max:
			lenCheck = jen.Len(jen.Id("s")).Op("!=").Lit(m.Min)
		default:
			lenCheck = jen.Len(jen.Id("s")).Op("<").Lit(m.Min).Op("||").Len(jen.Id("s")).Op(">").Lit(m.Max)
		}
		f := r.p.validateFile(c)
		f.Commentf("%s matches %s without the regexp engine.", m.Func, pat.Expr)
		f.Func().Id(m.Func).Params(jen.Id("s").String()).Bool().Block(
			jen.If(lenCheck).Block(jen.Return(jen.False())),
			jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("<").Len(jen.Id("s")), jen.Id("i").Op("++")).Block(
				jen.If(jen.Id("c").Op(":=").Id("s").Index(jen.Id("i")), jen.Op("!").Parens(inClass)).Block(jen.Return(jen.False())),
			),
			jen.Return(jen.True()),
		)
		f.Line()
	}
	return jen.Id(m.Func).Call(str)
}

// typeCond is the condition that v has the JSON type t.
func typeCond(t string) *jen.Statement {
	kind := func(k string) *jen.Statement {
		return jen.Id("v").Dot("Kind").Op("==").Qual(jsonvaluePkg, k)
	}
	switch t {
	case "null":
		return kind("Null")
	case "boolean":
		return kind("Bool")
	case "integer":
		return jen.Id("v").Dot("IsInteger").Call()
	case "number":
		return kind("Number")
	case "string":
		return kind("String")
	case "array":
		return kind("Array")
	default:
		return kind("Object")
	}
}

// print prints the validator of c.
func (r *rawValidators) print(c *model.Check) {
	f := r.p.validateFile(c)
	var body []jen.Code
	ret := jen.Return()
	if c.False {
		body = append(body, jen.Id("c").Dot("FalseSchema").Call())
	} else {
		if len(c.Types) > 0 {
			var cond *jen.Statement
			for i, t := range c.Types {
				if i > 0 {
					cond = cond.Op("||")
				} else {
					cond = jen.Null()
				}
				cond = cond.Add(typeCond(t))
			}
			body = append(body, jen.If(jen.Op("!").Parens(cond)).Block(
				jen.Id("c").Dot("Type").Call(jen.Id("v"), jen.Lit(strings.Join(c.Types, " or "))), ret))
		}
		if c.Const != nil {
			body = append(body, jen.If(jen.Op("!").Qual(jsonvaluePkg, "Equal").Call(jen.Op("*").Id("v"), jen.Id(r.constVar(c)))).Block(
				jen.Id("c").Dot("Const").Call(jen.Qual(validationPkg, "Show").Call(jen.Id("v")), jen.Lit(c.Const.JSON)), ret))
		}
		if c.Enum != nil {
			body = append(body, jen.If(jen.Op("!").Qual(rawcheckPkg, "InEnum").Call(jen.Id("v"), jen.Id(r.enumVar(c)))).Block(
				jen.Id("c").Dot("Enum").Call(jen.Qual(validationPkg, "Show").Call(jen.Id("v")), jen.Lit(c.EnumText)), ret))
		}
		if c.Format != "" && kindPossible(c, jsonvalue.String) {
			assert := jen.Id("c").Dot("AssertFormat")
			if !kindDecided(c, jsonvalue.String) {
				assert = assert.Op("&&").Id("v").Dot("Kind").Op("==").Qual(jsonvaluePkg, "String")
			}
			body = append(body, jen.If(assert).Block(
				jen.Id("n").Op(":=").Id("c").Dot("Len").Call(),
				jen.Id("c").Dot("Format").Call(jen.Lit(c.Format), jen.Id("v").Dot("Str")),
				jen.If(jen.Id("c").Dot("Len").Call().Op(">").Id("n")).Block(ret),
			))
		}
		if n := c.Ref.FuncName(); n != "" {
			body = append(body, jen.Id(n).Call(vpc()...))
		}
		if kindPossible(c, jsonvalue.Object) {
			body = append(body, kindBlock(c, jsonvalue.Object, r.objectChecks(c))...)
		}
		if kindPossible(c, jsonvalue.Array) {
			body = append(body, kindBlock(c, jsonvalue.Array, r.arrayChecks(c))...)
		}
		if kindPossible(c, jsonvalue.String) {
			body = append(body, kindBlock(c, jsonvalue.String, r.stringChecks(c, jen.Id("v").Dot("Str")))...)
		}
		if kindPossible(c, jsonvalue.Number) {
			body = append(body, kindBlock(c, jsonvalue.Number, r.numberChecks(c))...)
		}
		body = append(body, r.composition(c, jen.Id("v"))...)
	}
	if c.TypeOnly {
		f.Commentf("%s checks that a raw value is of type %s.", c.Name, strings.Join(c.Types, " or "))
	} else {
		f.Commentf("%s checks a raw value against %s.", c.Name, c.Source)
	}
	f.Func().Id(c.Name).Params(vParam, cParam).Block(body...)
	f.Line()
}

// typeKinds maps the names of the type keyword to the kind of value each
// allows.
var typeKinds = map[string]jsonvalue.Kind{
	"null": jsonvalue.Null, "boolean": jsonvalue.Bool, "integer": jsonvalue.Number, "number": jsonvalue.Number,
	"string": jsonvalue.String, "array": jsonvalue.Array, "object": jsonvalue.Object,
}

// kindPossible reports whether a value of kind k gets past the type guard
// at the top of the validator of c: the keywords of another kind are not
// printed, as they could never apply.
func kindPossible(c *model.Check, k jsonvalue.Kind) bool {
	if len(c.Types) == 0 {
		return true
	}
	for _, t := range c.Types {
		if typeKinds[t] == k {
			return true
		}
	}
	return false
}

// kindDecided reports whether every value that gets past the type guard of
// c has kind k, so that testing the kind again would be redundant.
func kindDecided(c *model.Check, k jsonvalue.Kind) bool {
	if len(c.Types) == 0 {
		return false
	}
	for _, t := range c.Types {
		if typeKinds[t] != k {
			return false
		}
	}
	return true
}

// kindBlock puts the checks of the keywords of kind k under a test of v's
// kind, unless the type guard has decided it.
func kindBlock(c *model.Check, k jsonvalue.Kind, checks []jen.Code) []jen.Code {
	if len(checks) == 0 || kindDecided(c, k) {
		return checks
	}
	name := map[jsonvalue.Kind]string{jsonvalue.Object: "Object", jsonvalue.Array: "Array", jsonvalue.String: "String", jsonvalue.Number: "Number"}[k]
	return []jen.Code{jen.If(jen.Id("v").Dot("Kind").Op("==").Qual(jsonvaluePkg, name)).Block(checks...)}
}

func (r *rawValidators) objectChecks(c *model.Check) []jen.Code {
	var in []jen.Code
	// members is bound, at the top of the block, only when a check reads
	// the members: a value from jsonvalue.ParseLazy parses them then.
	members := jen.Len(jen.Id("members"))
	if c.MinProperties != nil {
		in = append(in, jen.If(members.Clone().Op("<").Lit(*c.MinProperties)).Block(
			jen.Id("c").Dot("Count").Call(jen.Lit("minProperties"), members.Clone(), jen.Lit(*c.MinProperties))))
	}
	if c.MaxProperties != nil {
		in = append(in, jen.If(members.Clone().Op(">").Lit(*c.MaxProperties)).Block(
			jen.Id("c").Dot("Count").Call(jen.Lit("maxProperties"), members.Clone(), jen.Lit(*c.MaxProperties))))
	}
	if len(c.Required) > 0 {
		args := vpc()
		for _, name := range c.Required {
			args = append(args, jen.Lit(name))
		}
		in = append(in, jen.Qual(rawcheckPkg, "RequiredMembers").Call(args...))
	}
	for _, dep := range c.DependentRequired {
		args := append(vpc(), jen.Lit(dep.Property))
		for _, name := range dep.Required {
			args = append(args, jen.Lit(name))
		}
		in = append(in, jen.Qual(rawcheckPkg, "DependentRequired").Call(args...))
	}
	loop := c.Properties != nil || c.PatternProperties != nil || c.Additional != nil
	switch {
	case c.PropertiesTable() != "":
		in = append(in, jen.Id(r.propertiesVar(c)).Dot("CheckFields").Call(jen.Id("members"), jen.Id("c")))
	case loop:
		in = append(in, r.memberLoop(c))
	}
	if len(in) == 0 {
		return nil
	}
	if loop || c.MinProperties != nil || c.MaxProperties != nil {
		in = append([]jen.Code{jen.Id("members").Op(":=").Id("v").Dot("Fields").Call()}, in...)
	}
	return in
}

// propertiesVar declares the rawcheck.Properties of c.
func (r *rawValidators) propertiesVar(c *model.Check) string {
	var known []jen.Code
	for _, prop := range c.Properties {
		known = append(known, memberRule(prop.Name, prop.Check, prop.Required))
	}
	var fields []jen.Code
	if len(known) > 0 {
		fields = append(fields, jen.Id("Known").Op(":").Index().Qual(rawcheckPkg, "Member").Values(tableLines(known)...))
	}
	switch {
	case c.Closed:
		fields = append(fields, jen.Id("Closed").Op(":").True())
	case c.Additional.FuncName() != "":
		fields = append(fields, jen.Id("Other").Op(":").Qual(rawcheckPkg, "Member").Add(memberRule("", c.Additional, false)))
	}
	name := c.PropertiesTable()
	return r.declareDoc(c, name, name+" checks the members of "+c.Source+" by name.", jen.Qual(rawcheckPkg, "Properties").Values(tableLines(fields)...))
}

// memberRule is the rawcheck.Member of a member name checked against c; Kinds
// lets a struct's Rest skip parsing a member of the wrong kind; Required
// lets a struct report its absent required members.
func memberRule(name string, c *model.Check, required bool) jen.Code {
	var fields []jen.Code
	if name != "" {
		fields = append(fields, jen.Id("Name").Op(":").Lit(name))
	}
	if n := c.FuncName(); n != "" {
		fields = append(fields, jen.Id("Check").Op(":").Id(n))
	}
	if kinds, ok := guardKinds(c); ok {
		fields = append(fields, jen.Id("Kinds").Op(":").Add(kinds))
	}
	if required {
		fields = append(fields, jen.Id("Required").Op(":").True())
	}
	return jen.Values(fields...)
}

// memberLoop applies properties, patternProperties and
// additionalProperties to each member.
func (r *rawValidators) memberLoop(c *model.Check) jen.Code {
	mv := jen.Op("&").Id("m").Dot("Value")
	needMatched := c.Additional != nil
	call := func(n string) []jen.Code {
		return []jen.Code{
			jen.Id("c").Dot("Push").Call(jen.Id("m").Dot("Name")),
			jen.Id(n).Call(mv.Clone(), jen.Id("c")),
			jen.Id("c").Dot("Pop").Call(),
		}
	}
	var body []jen.Code
	if len(c.Properties) > 0 {
		var cases []jen.Code
		for _, prop := range c.Properties {
			var stmts []jen.Code
			if n := prop.Check.FuncName(); n != "" {
				stmts = append(stmts, call(n)...)
			}
			if needMatched {
				stmts = append(stmts, jen.Id("matched").Op("=").True())
			}
			cases = append(cases, jen.Case(jen.Lit(prop.Name)).Block(stmts...))
		}
		body = append(body, jen.Switch(jen.Id("m").Dot("Name")).Block(cases...))
	}
	for _, pp := range c.PatternProperties {
		match := r.matchPattern(c, pp.Pattern, jen.Id("m").Dot("Name"))
		var stmts []jen.Code
		if n := pp.Check.FuncName(); n != "" {
			stmts = append(stmts, call(n)...)
		}
		if needMatched {
			stmts = append(stmts, jen.Id("matched").Op("=").True())
		}
		body = append(body, jen.If(match).Block(stmts...))
	}
	if needMatched {
		var act []jen.Code
		if c.Closed {
			act = []jen.Code{jen.Id("c").Dot("AdditionalProperty").Call(jen.Id("m").Dot("Name"))}
		} else if n := c.Additional.FuncName(); n != "" {
			act = call(n)
		}
		if act != nil {
			body = append(body, jen.If(jen.Op("!").Id("matched")).Block(act...))
		}
	}
	head := []jen.Code{jen.Id("m").Op(":=").Op("&").Id("members").Index(jen.Id("i"))}
	if needMatched {
		head = append(head, jen.Id("matched").Op(":=").False())
	}
	return jen.For(jen.Id("i").Op(":=").Range().Id("members")).Block(append(head, body...)...)
}

func (r *rawValidators) arrayChecks(c *model.Check) []jen.Code {
	var in []jen.Code
	// items is bound at the top of the block, as members in objectChecks.
	items := jen.Len(jen.Id("items"))
	if c.MinItems != nil {
		in = append(in, jen.If(items.Clone().Op("<").Lit(*c.MinItems)).Block(
			jen.Id("c").Dot("Count").Call(jen.Lit("minItems"), items.Clone(), jen.Lit(*c.MinItems))))
	}
	if c.MaxItems != nil {
		in = append(in, jen.If(items.Clone().Op(">").Lit(*c.MaxItems)).Block(
			jen.Id("c").Dot("Count").Call(jen.Lit("maxItems"), items.Clone(), jen.Lit(*c.MaxItems))))
	}
	if c.UniqueItems {
		in = append(in, jen.If(jen.List(jen.Id("i"), jen.Id("j"), jen.Id("dup")).Op(":=").Qual(rawcheckPkg, "Duplicate").Call(jen.Id("items")), jen.Id("dup")).Block(
			jen.Id("c").Dot("UniqueItems").Call(jen.Id("i"), jen.Id("j"))))
	}
	itemName := c.Items.FuncName()
	var prefix []string
	anyPrefix := false
	for _, ps := range c.PrefixItems {
		n := ps.FuncName()
		prefix = append(prefix, n)
		anyPrefix = anyPrefix || n != ""
	}
	if itemName != "" || anyPrefix {
		elem := jen.Op("&").Id("items").Index(jen.Id("i"))
		var stmts []jen.Code
		stmts = append(stmts, jen.Id("c").Dot("PushIndex").Call(jen.Id("i")))
		var cases []jen.Code
		for i, n := range prefix {
			if n == "" {
				cases = append(cases, jen.Case(jen.Id("i").Op("==").Lit(i)))
				continue
			}
			cases = append(cases, jen.Case(jen.Id("i").Op("==").Lit(i)).Block(jen.Id(n).Call(elem.Clone(), jen.Id("c"))))
		}
		if itemName != "" {
			cases = append(cases, jen.Default().Block(jen.Id(itemName).Call(elem.Clone(), jen.Id("c"))))
		}
		if len(prefix) == 0 {
			stmts = append(stmts, jen.Id(itemName).Call(elem.Clone(), jen.Id("c")))
		} else {
			stmts = append(stmts, jen.Switch().Block(cases...))
		}
		stmts = append(stmts, jen.Id("c").Dot("Pop").Call())
		in = append(in, jen.For(jen.Id("i").Op(":=").Range().Id("items")).Block(stmts...))
	}
	if len(in) == 0 {
		return nil
	}
	return append([]jen.Code{jen.Id("items").Op(":=").Id("v").Dot("Elems").Call()}, in...)
}

// stringChecks prints minLength, maxLength, pattern and the content
// keywords for the Go string str.
func (r *rawValidators) stringChecks(c *model.Check, str *jen.Statement) []jen.Code {
	var in []jen.Code
	if c.MinLength != nil || c.MaxLength != nil {
		in = append(in, jen.Id("n").Op(":=").Qual("unicode/utf8", "RuneCountInString").Call(str.Clone()))
		if c.MinLength != nil {
			in = append(in, jen.If(jen.Id("n").Op("<").Lit(*c.MinLength)).Block(
				jen.Id("c").Dot("Count").Call(jen.Lit("minLength"), jen.Id("n"), jen.Lit(*c.MinLength))))
		}
		if c.MaxLength != nil {
			in = append(in, jen.If(jen.Id("n").Op(">").Lit(*c.MaxLength)).Block(
				jen.Id("c").Dot("Count").Call(jen.Lit("maxLength"), jen.Id("n"), jen.Lit(*c.MaxLength))))
		}
	}
	if c.Pattern != nil {
		in = append(in, jen.If(jen.Op("!").Add(r.matchPattern(c, c.Pattern, str.Clone()))).Block(
			jen.Id("c").Dot("Pattern").Call(str.Clone(), jen.Lit(c.Pattern.Expr))))
	}
	if c.ContentEncoding != "" || c.ContentMediaType != "" {
		var inner []jen.Code
		if c.ContentMediaType != "" {
			if n := c.ContentSchema.FuncName(); n != "" {
				inner = append(inner,
					jen.Id("inner").Op(":=").Id("c").Dot("Nested").Call(),
					jen.Id(n).Call(jen.Op("&").Id("doc"), jen.Id("inner")),
					jen.Id("c").Dot("Embedded").Call(jen.Id("inner")),
				)
			}
		}
		docVar := jen.Id("_")
		if len(inner) > 0 {
			docVar = jen.Id("doc")
		}
		in = append(in, jen.If(jen.Id("c").Dot("AssertContent")).Block(
			jen.If(jen.List(docVar, jen.Id("ok")).Op(":=").Id("c").Dot("Content").Call(str.Clone(), jen.Lit(c.ContentEncoding == "base64"), jen.Lit(c.ContentMediaType != "")), jen.Id("ok")).Block(inner...),
		))
	}
	return in
}

// failsBound is the comparison of cmp (a Cmp result) that breaks keyword.
func failsBound(keyword string, cmp *jen.Statement) *jen.Statement {
	switch keyword {
	case "minimum":
		return cmp.Op("<").Lit(0)
	case "maximum":
		return cmp.Op(">").Lit(0)
	case "exclusiveMinimum":
		return cmp.Op("<=").Lit(0)
	default:
		return cmp.Op(">=").Lit(0)
	}
}

func (r *rawValidators) numberChecks(c *model.Check) []jen.Code {
	var in []jen.Code
	for _, b := range c.Bounds {
		limit := jen.Id(r.boundVar(c, b))
		got := jen.Id("v").Dot("Num").Dot("Literal").Call()
		if b.Keyword == "multipleOf" {
			in = append(in, jen.If(jen.Op("!").Id("v").Dot("Num").Dot("MultipleOf").Call(limit)).Block(
				jen.Id("c").Dot("MultipleOf").Call(got, jen.Lit(b.Literal))))
			continue
		}
		in = append(in, jen.If(failsBound(b.Keyword, jen.Id("v").Dot("Num").Dot("Cmp").Call(limit))).Block(
			jen.Id("c").Dot("Bound").Call(jen.Lit(b.Keyword), got, jen.Lit(b.Literal))))
	}
	return in
}

// composition prints not, allOf, anyOf, oneOf and if/then/else applied to
// the raw value val (a *jsonvalue.Value expression).
func (r *rawValidators) composition(c *model.Check, val *jen.Statement) []jen.Code {
	args := func(extra ...jen.Code) []jen.Code {
		return append([]jen.Code{val.Clone(), jen.Id("c")}, extra...)
	}
	var out []jen.Code
	if c.Not != nil {
		out = append(out, jen.Qual(rawcheckPkg, "Not").Call(args(r.call(c.Not))...))
	}
	for _, sub := range c.AllOf {
		if n := sub.FuncName(); n != "" {
			out = append(out, jen.Id(n).Call(args()...))
		}
	}
	if len(c.AnyOf) > 0 {
		var alts []jen.Code
		for _, sub := range c.AnyOf {
			alts = append(alts, r.call(sub))
		}
		out = append(out, jen.Qual(rawcheckPkg, "AnyOf").Call(args(alts...)...))
	}
	if len(c.OneOf) > 0 {
		var alts []jen.Code
		for _, sub := range c.OneOf {
			alts = append(alts, r.call(sub))
		}
		out = append(out, jen.Qual(rawcheckPkg, "OneOf").Call(args(alts...)...))
	}
	if c.HasIf() {
		orNil := func(sub *model.Check) jen.Code {
			if sub == nil {
				return jen.Nil()
			}
			return r.call(sub)
		}
		out = append(out, jen.Qual(rawcheckPkg, "IfThenElse").Call(args(r.call(c.If), orNil(c.Then), orNil(c.Else))...))
	}
	return out
}

// guardKinds is the rawcheck.Kinds expression of c.GuardKinds, if any.
func guardKinds(c *model.Check) (jen.Code, bool) {
	var kinds *jen.Statement
	for _, k := range c.GuardKinds() {
		if kinds == nil {
			kinds = jen.Qual(rawcheckPkg, k)
		} else {
			kinds = kinds.Op("|").Qual(rawcheckPkg, k)
		}
	}
	return kinds, kinds != nil
}
