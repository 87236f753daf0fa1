package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pinpoint-events/pinpoint-events/generator/model"
)

// aliases are the runtime types a generated package re-exports, so that its
// go doc lists them and code written against one package compiles unchanged.
// They are declared in the root package, where go doc shows their fields and
// methods.
var aliases = []struct {
	name, doc string
	generic   bool
}{
	{"Event", "Event is implemented by every event type of this package.", false},
	{"DecodeOptions", "DecodeOptions tune decoding.", false},
	{"SchemaInfo", "SchemaInfo describes one event schema.", false},
	{"UnixMillis", "UnixMillis is a timestamp in milliseconds since the Unix epoch.", false},
	{"Nullable", "Nullable holds a value that may be JSON null (Valid false).", true},
	{"NumericString", "NumericString is a string that holds a decimal integer.", false},
	{"Members", "Members holds object members kept as raw JSON.", false},
	{"Member", "Member is an object member kept as raw JSON.", false},
	{"ValidateOptions", "ValidateOptions choose which annotation keywords ValidateWith asserts.", false},
	{"ValidationError", "ValidationError lists the violations Validate found.", false},
	{"Violation", "Violation is one way an event breaks its schema.", false},
	{"SyntaxError", "SyntaxError reports malformed JSON, with the byte offset.", false},
	{"ConstError", "ConstError reports a member that breaks a const of the schema.", false},
	{"NotAnObjectError", "NotAnObjectError reports JSON that is not an object.", false},
	{"UnknownEventTypeError", "UnknownEventTypeError reports an event type no schema covers.", false},
}

func aliasDecls(f *jen.File, only map[string]bool) {
	var defs []jen.Code
	for _, a := range aliases {
		if only != nil && !only[a.name] {
			continue
		}
		defs = append(defs, jen.Comment(a.doc+" See [pinpointevents."+a.name+"]."))
		if a.generic {
			defs = append(defs, jen.Id(a.name).Types(jen.Id("T").Any()).Op("=").Qual(runtimePkg, a.name).Types(jen.Id("T")))
		} else {
			defs = append(defs, jen.Id(a.name).Op("=").Qual(runtimePkg, a.name))
		}
	}
	f.Type().Defs(defs...)
	f.Line()
}

// TypeConst names the constant of an event type: _campaign.send is
// TypeCampaignSend.
func TypeConst(eventType string) string { return "Type" + model.GoName(eventType) }

// packageDoc describes a version package: its families and their events.
func packageDoc(pkg *model.Package) string {
	var b strings.Builder
	fmt.Fprintf(&b, "Package %s holds the Go types of %s events whose %s is %q, generated from the JSON Schemas in schema/%s/%s.\n\n",
		pkg.Name, pkg.Producer.Title, pkg.Producer.Members.Version, pkg.Version, pkg.Producer.Name, pkg.Version)
	fmt.Fprintf(&b, "Decode picks the Go type of an event by its %s;", pkg.Producer.Members.Type)
	b.WriteString(" each type also has UnmarshalJSON, MarshalJSON, AppendJSON and Validate. Members without a field, and members whose value does not fit their field's Go type, are kept in the Rest field of each struct and written back by the encoders: decoding and encoding loses nothing.\n\n")
	for _, fam := range pkg.Families {
		fmt.Fprintf(&b, "# %s\n\n%s\n\n", titleOr(fam), fam.Doc)
		for _, ev := range fam.Events {
			fmt.Fprintf(&b, "  - [%s]: %s\n", ev.Type.Name, eventSummary(ev))
		}
		b.WriteString("\n")
	}
	return strings.TrimSpace(b.String())
}

// eventSummary is the first sentence of an event's description, followed by
// its event types unless the sentence names them.
func eventSummary(ev *model.Event) string {
	doc := ev.Type.Doc
	if i := strings.Index(doc, ". "); i >= 0 {
		doc = doc[:i+1]
	}
	types := "any event type no other type claims"
	if len(ev.EventTypes) > 0 {
		types = strings.Join(ev.EventTypes, ", ")
		for _, t := range ev.EventTypes {
			if !strings.Contains(doc, t) {
				return doc + " Event types: " + types + "."
			}
		}
		return doc
	}
	return doc + " Event types: " + types + "."
}

func titleOr(f *model.Family) string {
	if f.Title != "" {
		return f.Title + " (family " + f.Name + ")"
	}
	return "Family " + f.Name
}

// packageFile prints package.go: the package documentation, the aliases,
// the event type constants and the decoder that picks the Go type.
func (p *printer) packageFile(pkg *model.Package) {
	f := p.file("package.go")
	f.PackageComment(commentText(packageDoc(pkg)))
	aliasDecls(f, nil)
	f.Comment("Version is the " + pkg.Producer.Members.Version + " of the events this package decodes.")
	f.Const().Id("Version").Op("=").Lit(pkg.Version)
	f.Line()
	var consts []jen.Code
	var cases []jen.Code
	for _, fam := range pkg.Families {
		for _, ev := range fam.Events {
			var vals []jen.Code
			for _, et := range ev.EventTypes {
				consts = append(consts, jen.Id(TypeConst(et)).Op("=").Lit(et))
				vals = append(vals, jen.Id(TypeConst(et)))
			}
			if len(vals) > 0 {
				cases = append(cases, jen.Case(vals...).Block(jen.Return(jen.New(jen.Id(ev.Type.Name)))))
			}
		}
	}
	f.Comment("The event types this package has a Go type for.")
	f.Const().Defs(consts...)
	f.Line()
	body := []jen.Code{jen.Switch(jen.Id("eventType")).Block(cases...)}
	if ca := pkg.Catchall; ca != nil {
		body = append(body, jen.If(jen.Id("rv").Op(":=").Qual(rawcheckPkg, "StringValue").Call(jen.Id("eventType")), jen.Qual(rawcheckPkg, "Accepts").Call(p.raw.call(ca.TypeCheck), jen.Op("&").Id("rv"))).Block(
			jen.Return(jen.New(jen.Id(ca.Type.Name)))))
	}
	body = append(body, jen.Return(jen.Nil()))
	p.validateJSONFunc(f, pkg)
	p.schemaTable(f, pkg)
	f.Comment("New returns a new, empty event of the Go type for eventType, or nil when no")
	f.Comment("schema of this version covers eventType.")
	f.Func().Id("New").Params(jen.Id("eventType").String()).Id("Event").Block(body...)
	f.Line()
	m := pkg.Producer.Members
	f.Comment(commentText(fmt.Sprintf("Decode decodes an event of this version, choosing its Go type by %[1]s. "+
		"It returns a *SyntaxError for malformed JSON, an *UnknownEventTypeError when "+
		"no schema covers the %[1]s, and a *ConstError (with the decoded event) "+
		"when a member breaks a const such as %[2]s.", m.Type, m.Version)))
	decodeFuncs(f, m)
	f.Comment("decodeWith decodes data as the event head says it is.")
	f.Func().Id("decodeWith").Params(jen.Id("data").Index().Byte(), jen.Id("head").Qual(codecPkg, "Head"), jen.Id("opts").Id("DecodeOptions")).Params(jen.Id("Event"), jen.Error()).Block(
		jen.Id("ev").Op(":=").Id("New").Call(jen.Id("head").Dot("Type")),
		jen.If(jen.Op("!").Id("head").Dot("TypeIsString").Op("||").Id("ev").Op("==").Nil()).Block(
			jen.Return(jen.Nil(), headError(jen.Op("&").Id("UnknownEventTypeError").Values(jen.Dict{
				jen.Id("Version"):   jen.Id("Version"),
				jen.Id("EventType"): jen.Id("head").Dot("Type"),
				jen.Id("Missing"):   jen.Op("!").Id("head").Dot("TypeIsString"),
			})))),
		jen.If(jen.Err().Op(":=").Id("ev").Dot("UnmarshalJSONWith").Call(jen.Id("data"), jen.Id("opts")), jen.Err().Op("!=").Nil()).Block(
			jen.If(jen.List(jen.Id("_"), jen.Id("isConst")).Op(":=").Err().Op(".").Parens(jen.Op("*").Id("ConstError")), jen.Id("isConst")).Block(
				jen.Return(jen.Id("ev"), jen.Err())),
			jen.Return(jen.Nil(), jen.Err()),
		),
		jen.Return(jen.Id("ev"), jen.Nil()),
	)
	f.Line()
}

// commentText turns text into // lines: paragraphs (separated by blank
// lines) are folded at 80 columns; headings (# ...) and list items (  - ...)
// stay as written.
func commentText(text string) string {
	var lines []string
	for i, para := range strings.Split(strings.TrimSpace(text), "\n\n") {
		if i > 0 {
			lines = append(lines, "//")
		}
		if strings.HasPrefix(para, "# ") || strings.HasPrefix(para, "  - ") {
			for _, l := range strings.Split(para, "\n") {
				lines = append(lines, "// "+l)
			}
			continue
		}
		line := "//"
		for _, w := range strings.Fields(para) {
			if len(line)+1+len(w) > 78 && line != "//" {
				lines = append(lines, line)
				line = "//"
			}
			line += " " + w
		}
		lines = append(lines, line)
	}
	return strings.Join(lines, "\n")
}

// validateJSONFunc prints ValidateJSON: the raw-value validator of each event
// type, for checking JSON without decoding it into Go values.
func (p *printer) validateJSONFunc(f *jen.File, pkg *model.Package) {
	var cases []jen.Code
	for _, fam := range pkg.Families {
		for _, ev := range fam.Events {
			var vals []jen.Code
			for _, et := range ev.EventTypes {
				vals = append(vals, jen.Id(TypeConst(et)))
			}
			if len(vals) > 0 {
				cases = append(cases, jen.Case(vals...).Block(jen.Return(p.raw.call(ev.Type.Check))))
			}
		}
	}
	body := []jen.Code{jen.Switch(jen.Id("eventType")).Block(cases...)}
	if ca := pkg.Catchall; ca != nil {
		body = append(body, jen.If(jen.Id("rv").Op(":=").Qual(rawcheckPkg, "StringValue").Call(jen.Id("eventType")), jen.Qual(rawcheckPkg, "Accepts").Call(p.raw.call(ca.TypeCheck), jen.Op("&").Id("rv"))).Block(
			jen.Return(p.raw.call(ca.Type.Check))))
	}
	body = append(body, jen.Return(jen.Nil()))
	f.Comment("schemaOf returns the raw-value validator of the schema of eventType, or nil.")
	f.Func().Id("schemaOf").Params(jen.Id("eventType").String()).Qual(rawcheckPkg, "Check").Block(body...)
	f.Line()
	m := pkg.Producer.Members
	f.Comment(commentText(fmt.Sprintf("ValidateJSON checks the JSON of an event of this version against the schema "+
		"of its %s, without decoding it into Go values. Its verdicts are those "+
		"of Decode followed by ValidateWith(opts): nil or a *ValidationError; a "+
		"*SyntaxError for malformed JSON, a *NotAnObjectError or an "+
		"*UnknownEventTypeError when there is no schema to check against.", m.Type)))
	f.Func().Id("ValidateJSON").Params(jen.Id("data").Index().Byte(), jen.Id("opts").Id("ValidateOptions")).Error().Block(
		jen.List(jen.Id("v"), jen.Id("head"), jen.Err()).Op(":=").Qual(rawcheckPkg, "ParseEvent").Call(jen.Id("data"), jen.Lit(m.Version), jen.Lit(m.Type)),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Return(jen.Id("ValidateParsed").Call(jen.Op("&").Id("v"), jen.Id("head"), jen.Id("opts"))),
	)
	f.Line()
	f.Comment("ValidateParsed is ValidateJSON for an event the dispatcher has parsed and")
	f.Comment("read the head of already, so that validating reads the bytes once. Its")
	f.Comment("parameter types are internal to this module: only the dispatcher calls it.")
	f.Func().Id("ValidateParsed").Params(jen.Id("v").Op("*").Qual(jsonvaluePkg, "Value"), jen.Id("head").Qual(codecPkg, "Head"), jen.Id("opts").Id("ValidateOptions")).Error().Block(
		jen.Id("check").Op(":=").Id("schemaOf").Call(jen.Id("head").Dot("Type")),
		jen.If(jen.Op("!").Id("head").Dot("TypeIsString").Op("||").Id("check").Op("==").Nil()).Block(
			jen.Return(jen.Op("&").Id("UnknownEventTypeError").Values(jen.Dict{
				jen.Id("Version"):   jen.Id("Version"),
				jen.Id("EventType"): jen.Id("head").Dot("Type"),
				jen.Id("Missing"):   jen.Op("!").Id("head").Dot("TypeIsString"),
			}))),
		jen.Return(jen.Qual(rawcheckPkg, "Validate").Call(jen.Id("v"), jen.Id("check"), jen.Id("opts"))),
	)
	f.Line()
}

// schemaTable prints Schemas: every event schema of the version, with its
// family, Go type, event types and place.
func (p *printer) schemaTable(f *jen.File, pkg *model.Package) {
	var items []jen.Code
	for _, fam := range pkg.Families {
		for _, ev := range fam.Events {
			types := jen.Nil()
			if len(ev.EventTypes) > 0 {
				var lits []jen.Code
				for _, et := range ev.EventTypes {
					lits = append(lits, jen.Lit(et))
				}
				types = jen.Index().String().Values(lits...)
			}
			items = append(items, jen.Values(jen.Dict{
				jen.Id("Family"):     jen.Lit(fam.Name),
				jen.Id("GoType"):     jen.Lit(ev.Type.Name),
				jen.Id("EventTypes"): types,
				jen.Id("File"):       jen.Lit(ev.Type.SchemaFile),
				jen.Id("Pointer"):    jen.Lit(ev.Type.SchemaPointer),
				jen.Id("Doc"):        jen.Lit(ev.Type.Doc),
			}))
		}
	}
	f.Comment("Schemas lists the event schemas of this version, family by family.")
	f.Var().Id("Schemas").Op("=").Index().Id("SchemaInfo").Values(items...)
	f.Line()
}
