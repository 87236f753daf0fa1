package emit

import (
	"path"
	"regexp/syntax"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/pinpoint-events/pinpoint-events/generator/load"
	"github.com/pinpoint-events/pinpoint-events/generator/model"
	"github.com/pinpoint-events/pinpoint-events/internal/jsonvalue"
)

// Every validator mirrors the order in which santhosh-tekuri/jsonschema v6
// applies keywords, because that order decides which violations an instance
// gets: type, const, enum and format each end the schema's checks when they
// fail; then $ref; then the keywords of the value's JSON type; then not,
// allOf, anyOf, oneOf and if/then/else.

// schemaSuffix names the code of a schema after its place:
// common.json#/$defs/Application/properties/app_id is ApplicationAppID.
func schemaSuffix(s *load.Schema) string {
	var b strings.Builder
	// $defs names are the readable part; a schema outside $defs is named
	// after its file.
	if !strings.HasPrefix(s.Loc.Pointer, "/$defs/") {
		b.WriteString(model.GoName(strings.TrimSuffix(path.Base(s.Loc.File), ".json")))
	}
	for _, tok := range strings.Split(s.Loc.Pointer, "/") {
		switch tok {
		case "", "$defs", "properties":
		case "items":
			b.WriteString("Item")
		case "additionalProperties":
			b.WriteString("Value")
		default:
			b.WriteString(model.GoName(tok))
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

// rawValidators prints one func(v *jsonvalue.Value, c
// *validation.Collector) per schema that raw values are checked against.
type rawValidators struct {
	p     *printer
	names map[*load.Schema]string
	used  map[string]bool
	queue []*load.Schema
	// typeOnly are the validators of schemas that only have type, one per
	// list of types, shared by every such schema.
	typeOnly map[string]string
	// vars are the package-level variables declared, by schema and key;
	// usedVars their names.
	vars     map[varKey]string
	usedVars map[string]bool
}

func newRawValidators(p *printer) *rawValidators {
	return &rawValidators{p: p, names: map[*load.Schema]string{}, used: map[string]bool{}, typeOnly: map[string]string{}, vars: map[varKey]string{}, usedVars: map[string]bool{}}
}

// name returns the validator of s, printed later by flush, or "" when s
// accepts every value.
func (r *rawValidators) name(s *load.Schema) string {
	s = forwardTarget(s)
	if annotationOnly(s) {
		return ""
	}
	if n, ok := r.names[s]; ok {
		return n
	}
	if isTypeOnly(s) {
		key := strings.Join(s.Types, " or ")
		n, ok := r.typeOnly[key]
		if !ok {
			var b strings.Builder
			for i, t := range s.Types {
				if i > 0 {
					b.WriteString("Or")
				}
				b.WriteString(model.GoName(t))
			}
			n = uniqueName(r.used, "rawType"+b.String())
			r.typeOnly[key] = n
			r.queue = append(r.queue, s)
		}
		r.names[s] = n
		return n
	}
	n := uniqueName(r.used, "raw"+schemaSuffix(s))
	r.names[s] = n
	r.queue = append(r.queue, s)
	return n
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

// guardKinds returns the kinds of value that the validator of s accepts at
// its first step, as a rawcheck.Kinds expression, when that step rejects every
// other kind with a type violation and returns: the validator of a schema
// with type, or of one that is only a $ref to such a schema. Such a check
// of a value of another kind depends on the kind alone, so that
// rawcheck.CheckMemberOf need not parse the value.
func (r *rawValidators) guardKinds(s *load.Schema) (jen.Code, bool) {
	for hops := 0; s != nil && hops < 64; hops++ {
		if s.IsFalse() || annotationOnly(s) {
			return nil, false
		}
		if len(s.Types) > 0 {
			var kinds *jen.Statement
			seen := map[string]bool{}
			for _, t := range s.Types {
				name := map[string]string{"null": "NullKind", "boolean": "BoolKind", "integer": "IntegerKind", "number": "NumberKind",
					"string": "StringKind", "array": "ArrayKind", "object": "ObjectKind"}[t]
				if name == "" || seen[name] {
					continue
				}
				seen[name] = true
				if kinds == nil {
					kinds = jen.Qual(rawcheckPkg, name)
				} else {
					kinds = kinds.Op("|").Qual(rawcheckPkg, name)
				}
			}
			return kinds, kinds != nil
		}
		refOnly := *s
		refOnly.Ref = nil
		if s.Ref == nil || !annotationOnly(&refOnly) {
			return nil, false
		}
		s = s.Ref
	}
	return nil, false
}

// check is the Check expression for s: its validator or rawcheck.Valid.
func (r *rawValidators) check(s *load.Schema) jen.Code {
	if n := r.name(s); n != "" {
		return jen.Id(n)
	}
	return jen.Qual(rawcheckPkg, "Valid")
}

func uniqueName(used map[string]bool, base string) string {
	n := base
	for i := 2; used[n]; i++ {
		n = base + strconv.Itoa(i)
	}
	used[n] = true
	return n
}

// flush prints every validator asked for, and those they call.
func (r *rawValidators) flush() {
	for len(r.queue) > 0 {
		s := r.queue[0]
		r.queue = r.queue[1:]
		r.print(s)
	}
}

var (
	vParam = jen.Id("v").Op("*").Qual(jsonvaluePkg, "Value")
	cParam = jen.Id("c").Op("*").Qual(validationPkg, "Collector")
)

func vpc() []jen.Code { return []jen.Code{jen.Id("v"), jen.Id("c")} }

// packageVar declares a package-level variable once per schema and key (a
// compiled pattern, a parsed literal) in the file of s, and returns its
// name: base, made unique in the package.
func (r *rawValidators) packageVar(s *load.Schema, key, base string, value jen.Code) string {
	k := varKey{s, key}
	if name, ok := r.vars[k]; ok {
		return name
	}
	name := uniqueName(r.usedVars, base)
	r.vars[k] = name
	r.p.validateFileFor(s).Var().Id(name).Op("=").Add(value)
	r.p.validateFileFor(s).Line()
	return name
}

type varKey struct {
	s   *load.Schema
	key string
}

func (r *rawValidators) literalVar(s *load.Schema, kind string, lit load.Literal) string {
	return r.packageVar(s, kind, kind+schemaSuffix(s), jen.Qual(rawcheckPkg, "MustParse").Call(jen.Lit(lit.JSON)))
}

func (r *rawValidators) enumVar(s *load.Schema) string {
	var vals []jen.Code
	for _, l := range s.Enum {
		vals = append(vals, jen.Qual(rawcheckPkg, "MustParse").Call(jen.Lit(l.JSON)))
	}
	return r.packageVar(s, "enum", "enum"+schemaSuffix(s), jen.Index().Qual(jsonvaluePkg, "Value").Values(vals...))
}

func (r *rawValidators) patternVar(s *load.Schema, pattern string, i int) string {
	name := "pattern" + schemaSuffix(s)
	if i >= 0 {
		name += strconv.Itoa(i)
	}
	return r.packageVar(s, name, name, jen.Qual("regexp", "MustCompile").Call(jen.Lit(pattern)))
}

// matchPattern is the expression that tells whether str matches pattern: a
// compiled regexp, or, for a pattern of the simple form ^[class]{m,n}$ over
// ASCII (such as the account ID's ^[0-9]{12}$), a generated loop that does
// the same without the regexp engine.
func (r *rawValidators) matchPattern(s *load.Schema, pattern string, i int, str jen.Code) *jen.Statement {
	if class, min, max, ok := simplePattern(pattern); ok {
		name := "match" + schemaSuffix(s)
		if i >= 0 {
			name += strconv.Itoa(i)
		}
		k := varKey{s, "match:" + pattern}
		if existing, done := r.vars[k]; done {
			return jen.Id(existing).Call(str)
		}
		name = uniqueName(r.usedVars, name)
		r.vars[k] = name
		var inClass *jen.Statement
		for j, rg := range class {
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
		case max < 0:
			lenCheck = jen.Len(jen.Id("s")).Op("<").Lit(min)
		case min == max:
			lenCheck = jen.Len(jen.Id("s")).Op("!=").Lit(min)
		default:
			lenCheck = jen.Len(jen.Id("s")).Op("<").Lit(min).Op("||").Len(jen.Id("s")).Op(">").Lit(max)
		}
		f := r.p.validateFileFor(s)
		f.Commentf("%s matches %s without the regexp engine.", name, pattern)
		f.Func().Id(name).Params(jen.Id("s").String()).Bool().Block(
			jen.If(lenCheck).Block(jen.Return(jen.False())),
			jen.For(jen.Id("i").Op(":=").Lit(0), jen.Id("i").Op("<").Len(jen.Id("s")), jen.Id("i").Op("++")).Block(
				jen.If(jen.Id("c").Op(":=").Id("s").Index(jen.Id("i")), jen.Op("!").Parens(inClass)).Block(jen.Return(jen.False())),
			),
			jen.Return(jen.True()),
		)
		f.Line()
		return jen.Id(name).Call(str)
	}
	return jen.Id(r.patternVar(s, pattern, i)).Dot("MatchString").Call(str)
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

func (r *rawValidators) numberVar(s *load.Schema, keyword, lit string) string {
	return r.packageVar(s, keyword, model.LowerFirst(model.GoName(keyword))+schemaSuffix(s), jen.Qual(rawcheckPkg, "MustNumber").Call(jen.Lit(lit)))
}

// enumList is how an enum is shown in messages.
func enumList(lits []load.Literal) string {
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

// print prints the validator of s.
func (r *rawValidators) print(s *load.Schema) {
	name := r.names[s]
	f := r.p.validateFileFor(s)
	var body []jen.Code
	ret := jen.Return()
	if s.IsFalse() {
		body = append(body, jen.Id("c").Dot("FalseSchema").Call())
	} else {
		if len(s.Types) > 0 {
			var cond *jen.Statement
			for i, t := range s.Types {
				if i > 0 {
					cond = cond.Op("||")
				} else {
					cond = jen.Null()
				}
				cond = cond.Add(typeCond(t))
			}
			body = append(body, jen.If(jen.Op("!").Parens(cond)).Block(
				jen.Id("c").Dot("Type").Call(jen.Id("v"), jen.Lit(strings.Join(s.Types, " or "))), ret))
		}
		if s.Const != nil {
			v := r.literalVar(s, "const", *s.Const)
			body = append(body, jen.If(jen.Op("!").Qual(jsonvaluePkg, "Equal").Call(jen.Op("*").Id("v"), jen.Id(v))).Block(
				jen.Id("c").Dot("Const").Call(jen.Qual(validationPkg, "Show").Call(jen.Id("v")), jen.Lit(s.Const.JSON)), ret))
		}
		if s.Enum != nil {
			v := r.enumVar(s)
			body = append(body, jen.If(jen.Op("!").Qual(rawcheckPkg, "InEnum").Call(jen.Id("v"), jen.Id(v))).Block(
				jen.Id("c").Dot("Enum").Call(jen.Qual(validationPkg, "Show").Call(jen.Id("v")), jen.Lit(enumList(s.Enum))), ret))
		}
		if s.Format != "" && kindPossible(s, jsonvalue.String) {
			assert := jen.Id("c").Dot("AssertFormat")
			if !kindDecided(s, jsonvalue.String) {
				assert = assert.Op("&&").Id("v").Dot("Kind").Op("==").Qual(jsonvaluePkg, "String")
			}
			body = append(body, jen.If(assert).Block(
				jen.Id("n").Op(":=").Id("c").Dot("Len").Call(),
				jen.Id("c").Dot("Format").Call(jen.Lit(s.Format), jen.Id("v").Dot("Str")),
				jen.If(jen.Id("c").Dot("Len").Call().Op(">").Id("n")).Block(ret),
			))
		}
		if s.Ref != nil {
			if n := r.name(s.Ref); n != "" {
				body = append(body, jen.Id(n).Call(vpc()...))
			}
		}
		if kindPossible(s, jsonvalue.Object) {
			body = append(body, kindBlock(s, jsonvalue.Object, r.objectChecks(s))...)
		}
		if kindPossible(s, jsonvalue.Array) {
			body = append(body, kindBlock(s, jsonvalue.Array, r.arrayChecks(s))...)
		}
		if kindPossible(s, jsonvalue.String) {
			body = append(body, kindBlock(s, jsonvalue.String, r.stringChecks(s, jen.Id("v").Dot("Str")))...)
		}
		if kindPossible(s, jsonvalue.Number) {
			body = append(body, kindBlock(s, jsonvalue.Number, r.numberChecks(s))...)
		}
		body = append(body, r.composition(s, jen.Id("v"))...)
	}
	if isTypeOnly(s) {
		f.Commentf("%s checks that a raw value is of type %s.", name, strings.Join(s.Types, " or "))
	} else {
		f.Commentf("%s checks a raw value against %s.", name, s.Loc.File+"#"+s.Loc.Pointer)
	}
	f.Func().Id(name).Params(vParam, cParam).Block(body...)
	f.Line()
}

// typeKinds maps the names of the type keyword to the kind of value each
// allows.
var typeKinds = map[string]jsonvalue.Kind{
	"null": jsonvalue.Null, "boolean": jsonvalue.Bool, "integer": jsonvalue.Number, "number": jsonvalue.Number,
	"string": jsonvalue.String, "array": jsonvalue.Array, "object": jsonvalue.Object,
}

// kindPossible reports whether a value of kind k gets past the type guard
// at the top of the validator of s: the keywords of another kind are not
// printed, as they could never apply.
func kindPossible(s *load.Schema, k jsonvalue.Kind) bool {
	if len(s.Types) == 0 {
		return true
	}
	for _, t := range s.Types {
		if typeKinds[t] == k {
			return true
		}
	}
	return false
}

// kindDecided reports whether every value that gets past the type guard of
// s has kind k, so that testing the kind again would be redundant.
func kindDecided(s *load.Schema, k jsonvalue.Kind) bool {
	if len(s.Types) == 0 {
		return false
	}
	for _, t := range s.Types {
		if typeKinds[t] != k {
			return false
		}
	}
	return true
}

// kindBlock puts the checks of the keywords of kind k under a test of v's
// kind, unless the type guard has decided it.
func kindBlock(s *load.Schema, k jsonvalue.Kind, checks []jen.Code) []jen.Code {
	if len(checks) == 0 || kindDecided(s, k) {
		return checks
	}
	name := map[jsonvalue.Kind]string{jsonvalue.Object: "Object", jsonvalue.Array: "Array", jsonvalue.String: "String", jsonvalue.Number: "Number"}[k]
	return []jen.Code{jen.If(jen.Id("v").Dot("Kind").Op("==").Qual(jsonvaluePkg, name)).Block(checks...)}
}

func (r *rawValidators) objectChecks(s *load.Schema) []jen.Code {
	var in []jen.Code
	// members is bound, at the top of the block, only when a check reads
	// the members: a value from jsonvalue.ParseLazy parses them then.
	members := jen.Len(jen.Id("members"))
	if s.MinProperties != nil {
		in = append(in, jen.If(members.Clone().Op("<").Lit(*s.MinProperties)).Block(
			jen.Id("c").Dot("Count").Call(jen.Lit("minProperties"), members.Clone(), jen.Lit(*s.MinProperties))))
	}
	if s.MaxProperties != nil {
		in = append(in, jen.If(members.Clone().Op(">").Lit(*s.MaxProperties)).Block(
			jen.Id("c").Dot("Count").Call(jen.Lit("maxProperties"), members.Clone(), jen.Lit(*s.MaxProperties))))
	}
	if len(s.Required) > 0 {
		args := vpc()
		for _, name := range s.Required {
			args = append(args, jen.Lit(name))
		}
		in = append(in, jen.Qual(rawcheckPkg, "RequiredMembers").Call(args...))
	}
	for _, dep := range s.DependentRequired {
		args := append(vpc(), jen.Lit(dep.Property))
		for _, name := range dep.Required {
			args = append(args, jen.Lit(name))
		}
		in = append(in, jen.Qual(rawcheckPkg, "DependentRequired").Call(args...))
	}
	loop := s.Properties != nil || s.PatternProperties != nil || (s.AdditionalProperties != nil && !s.AdditionalProperties.IsTrue())
	if loop {
		in = append(in, r.memberLoop(s))
	}
	if len(in) == 0 {
		return nil
	}
	if loop || s.MinProperties != nil || s.MaxProperties != nil {
		in = append([]jen.Code{jen.Id("members").Op(":=").Id("v").Dot("Fields").Call()}, in...)
	}
	return in
}

// memberLoop applies properties, patternProperties and
// additionalProperties to each member.
func (r *rawValidators) memberLoop(s *load.Schema) jen.Code {
	mv := jen.Op("&").Id("m").Dot("Value")
	additional := s.AdditionalProperties
	needMatched := additional != nil && !additional.IsTrue()
	call := func(n string) []jen.Code {
		return []jen.Code{
			jen.Id("c").Dot("Push").Call(jen.Id("m").Dot("Name")),
			jen.Id(n).Call(mv.Clone(), jen.Id("c")),
			jen.Id("c").Dot("Pop").Call(),
		}
	}
	var body []jen.Code
	if len(s.Properties) > 0 {
		var cases []jen.Code
		for _, prop := range s.Properties {
			var stmts []jen.Code
			if n := r.name(prop.Schema); n != "" {
				stmts = append(stmts, call(n)...)
			}
			if needMatched {
				stmts = append(stmts, jen.Id("matched").Op("=").True())
			}
			cases = append(cases, jen.Case(jen.Lit(prop.Name)).Block(stmts...))
		}
		body = append(body, jen.Switch(jen.Id("m").Dot("Name")).Block(cases...))
	}
	for i, pp := range s.PatternProperties {
		match := r.matchPattern(s, pp.Pattern, i, jen.Id("m").Dot("Name"))
		var stmts []jen.Code
		if n := r.name(pp.Schema); n != "" {
			stmts = append(stmts, call(n)...)
		}
		if needMatched {
			stmts = append(stmts, jen.Id("matched").Op("=").True())
		}
		body = append(body, jen.If(match).Block(stmts...))
	}
	if needMatched {
		var act []jen.Code
		if additional.IsFalse() {
			act = []jen.Code{jen.Id("c").Dot("AdditionalProperty").Call(jen.Id("m").Dot("Name"))}
		} else if n := r.name(additional); n != "" {
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

func (r *rawValidators) arrayChecks(s *load.Schema) []jen.Code {
	var in []jen.Code
	// items is bound at the top of the block, as members in objectChecks.
	items := jen.Len(jen.Id("items"))
	if s.MinItems != nil {
		in = append(in, jen.If(items.Clone().Op("<").Lit(*s.MinItems)).Block(
			jen.Id("c").Dot("Count").Call(jen.Lit("minItems"), items.Clone(), jen.Lit(*s.MinItems))))
	}
	if s.MaxItems != nil {
		in = append(in, jen.If(items.Clone().Op(">").Lit(*s.MaxItems)).Block(
			jen.Id("c").Dot("Count").Call(jen.Lit("maxItems"), items.Clone(), jen.Lit(*s.MaxItems))))
	}
	if s.UniqueItems {
		in = append(in, jen.If(jen.List(jen.Id("i"), jen.Id("j"), jen.Id("dup")).Op(":=").Qual(rawcheckPkg, "Duplicate").Call(jen.Id("items")), jen.Id("dup")).Block(
			jen.Id("c").Dot("UniqueItems").Call(jen.Id("i"), jen.Id("j"))))
	}
	itemName := ""
	if s.Items != nil {
		itemName = r.name(s.Items)
	}
	var prefix []string
	anyPrefix := false
	for _, ps := range s.PrefixItems {
		n := r.name(ps)
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
		stmts = append(stmts, jen.Switch().Block(cases...), jen.Id("c").Dot("Pop").Call())
		in = append(in, jen.For(jen.Id("i").Op(":=").Range().Id("items")).Block(stmts...))
	}
	if len(in) == 0 {
		return nil
	}
	return append([]jen.Code{jen.Id("items").Op(":=").Id("v").Dot("Elems").Call()}, in...)
}

// stringChecks prints minLength, maxLength, pattern and the content
// keywords for the Go string str.
func (r *rawValidators) stringChecks(s *load.Schema, str *jen.Statement) []jen.Code {
	var in []jen.Code
	if s.MinLength != nil || s.MaxLength != nil {
		in = append(in, jen.Id("n").Op(":=").Qual("unicode/utf8", "RuneCountInString").Call(str.Clone()))
		if s.MinLength != nil {
			in = append(in, jen.If(jen.Id("n").Op("<").Lit(*s.MinLength)).Block(
				jen.Id("c").Dot("Count").Call(jen.Lit("minLength"), jen.Id("n"), jen.Lit(*s.MinLength))))
		}
		if s.MaxLength != nil {
			in = append(in, jen.If(jen.Id("n").Op(">").Lit(*s.MaxLength)).Block(
				jen.Id("c").Dot("Count").Call(jen.Lit("maxLength"), jen.Id("n"), jen.Lit(*s.MaxLength))))
		}
	}
	if s.Pattern != nil {
		in = append(in, jen.If(jen.Op("!").Add(r.matchPattern(s, *s.Pattern, -1, str.Clone()))).Block(
			jen.Id("c").Dot("Pattern").Call(str.Clone(), jen.Lit(*s.Pattern))))
	}
	if s.ContentEncoding != "" || s.ContentMediaType != "" {
		var inner []jen.Code
		if s.ContentSchema != nil && s.ContentMediaType != "" {
			if n := r.name(s.ContentSchema); n != "" {
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
			jen.If(jen.List(docVar, jen.Id("ok")).Op(":=").Id("c").Dot("Content").Call(str.Clone(), jen.Lit(s.ContentEncoding == "base64"), jen.Lit(s.ContentMediaType != "")), jen.Id("ok")).Block(inner...),
		))
	}
	return in
}

// numberKeywords are the number keywords in the order they apply.
func numberKeywords(s *load.Schema) []struct{ keyword, lit string } {
	var out []struct{ keyword, lit string }
	add := func(k string, v *string) {
		if v != nil {
			out = append(out, struct{ keyword, lit string }{k, *v})
		}
	}
	add("minimum", s.Minimum)
	add("maximum", s.Maximum)
	add("exclusiveMinimum", s.ExclusiveMinimum)
	add("exclusiveMaximum", s.ExclusiveMaximum)
	add("multipleOf", s.MultipleOf)
	return out
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

func (r *rawValidators) numberChecks(s *load.Schema) []jen.Code {
	var in []jen.Code
	for _, nk := range numberKeywords(s) {
		limit := jen.Id(r.numberVar(s, nk.keyword, nk.lit))
		got := jen.Id("v").Dot("Num").Dot("Literal").Call()
		if nk.keyword == "multipleOf" {
			in = append(in, jen.If(jen.Op("!").Id("v").Dot("Num").Dot("MultipleOf").Call(limit)).Block(
				jen.Id("c").Dot("MultipleOf").Call(got, jen.Lit(nk.lit))))
			continue
		}
		in = append(in, jen.If(failsBound(nk.keyword, jen.Id("v").Dot("Num").Dot("Cmp").Call(limit))).Block(
			jen.Id("c").Dot("Bound").Call(jen.Lit(nk.keyword), got, jen.Lit(nk.lit))))
	}
	return in
}

// composition prints not, allOf, anyOf, oneOf and if/then/else applied to
// the raw value val (a *jsonvalue.Value expression).
func (r *rawValidators) composition(s *load.Schema, val *jen.Statement) []jen.Code {
	args := func(extra ...jen.Code) []jen.Code {
		return append([]jen.Code{val.Clone(), jen.Id("c")}, extra...)
	}
	var out []jen.Code
	if s.Not != nil {
		out = append(out, jen.Qual(rawcheckPkg, "Not").Call(args(r.check(s.Not))...))
	}
	for _, sub := range s.AllOf {
		if n := r.name(sub); n != "" {
			out = append(out, jen.Id(n).Call(args()...))
		}
	}
	if len(s.AnyOf) > 0 {
		var alts []jen.Code
		for _, sub := range s.AnyOf {
			alts = append(alts, r.check(sub))
		}
		out = append(out, jen.Qual(rawcheckPkg, "AnyOf").Call(args(alts...)...))
	}
	if len(s.OneOf) > 0 {
		var alts []jen.Code
		for _, sub := range s.OneOf {
			alts = append(alts, r.check(sub))
		}
		out = append(out, jen.Qual(rawcheckPkg, "OneOf").Call(args(alts...)...))
	}
	if s.If != nil && (s.Then != nil || s.Else != nil) {
		orNil := func(sub *load.Schema) jen.Code {
			if sub == nil {
				return jen.Nil()
			}
			return r.check(sub)
		}
		out = append(out, jen.Qual(rawcheckPkg, "IfThenElse").Call(args(r.check(s.If), orNil(s.Then), orNil(s.Else))...))
	}
	return out
}

// hasComposition reports whether s uses not, allOf, anyOf, oneOf or if.
func hasComposition(s *load.Schema) bool {
	return s.Not != nil || len(s.AllOf)+len(s.AnyOf)+len(s.OneOf) > 0 || (s.If != nil && (s.Then != nil || s.Else != nil))
}

// int64Limit returns the value of a number literal when it is an integer
// that an int64 holds.
func int64Limit(lit string) (int64, bool) {
	n, err := jsonvalue.ParseNumber(lit)
	if err != nil {
		return 0, false
	}
	return n.Int64()
}
