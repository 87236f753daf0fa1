package emit

import (
	"fmt"
	"path"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pinpoint-events/pinpoint-events/generator/model"
)

// Dispatcher prints the package that decodes an event of any version of a
// producer: it reads the members that hold the version and the event type,
// then hands the bytes to the version package.
func Dispatcher(importPath string, producer *model.Producer, pkgs []*model.Package) ([]File, error) {
	name := path.Base(importPath)
	m := producer.Members
	formats := producer.Formats
	p := newPrinter(importPath, name, producer.Checks)
	f := p.file("decode.go")
	hasNonEvents := slices.ContainsFunc(formats, func(ft *model.Format) bool { return ft.Kind == model.FormatNonEvent })
	var b strings.Builder
	fmt.Fprintf(&b, "Package %s decodes %s events of every %s into typed Go values.\n\n", name, producer.Title, m.Version)
	fmt.Fprintf(&b, "Decode reads %s and %s without decoding the whole event, then decodes the bytes with the Go type of that version and event type:\n\n", m.Version, m.Type)
	for _, pkg := range pkgs {
		fmt.Fprintf(&b, "  - %s %q: package [%s]\n", m.Version, pkg.Version, pkg.ImportPath)
	}
	b.WriteString("\nThe events it returns implement [Event]; use a type switch on the version packages' types for the members of each event type.")
	f.PackageComment(commentText(b.String()))
	aliasDecls(f, nil)
	f.Type().Defs(
		jen.Comment("UnknownVersionError reports an "+m.Version+" no package here decodes. See [pinpointevents.UnknownVersionError]."),
		jen.Id("UnknownVersionError").Op("=").Qual(runtimePkg, "UnknownVersionError"),
		jen.Comment("MissingVersionError reports a JSON object without "+m.Version+". See [pinpointevents.MissingVersionError]."),
		jen.Id("MissingVersionError").Op("=").Qual(runtimePkg, "MissingVersionError"),
		jen.Comment("LegacyFormatError reports a record in an older "+producer.Title+" layout. See [pinpointevents.LegacyFormatError]."),
		jen.Id("LegacyFormatError").Op("=").Qual(runtimePkg, "LegacyFormatError"),
		jen.Comment("ForeignEventError reports the record of another producer. See [pinpointevents.ForeignEventError]."),
		jen.Id("ForeignEventError").Op("=").Qual(runtimePkg, "ForeignEventError"),
		jen.Comment("NonEventRecordError reports a record "+producer.Title+" writes that is not an event. See [pinpointevents.NonEventRecordError]."),
		jen.Id("NonEventRecordError").Op("=").Qual(runtimePkg, "NonEventRecordError"),
	)
	f.Line()
	var versions []jen.Code
	var cases []jen.Code
	for _, pkg := range pkgs {
		versions = append(versions, jen.Qual(pkg.ImportPath, "Version"))
		cases = append(cases, jen.Case(jen.Qual(pkg.ImportPath, "Version")).Block(
			jen.Id("ev").Op("=").Qual(pkg.ImportPath, "New").Call(jen.Id("head").Dot("Type"))))
	}
	unknown := jen.Op("&").Id("UnknownVersionError").Values(jen.Dict{
		jen.Id("Version"):  jen.Id("head").Dot("Version"),
		jen.Id("IsString"): jen.Id("head").Dot("VersionIsString"),
		jen.Id("Known"):    jen.Id("Versions").Call(),
	})
	cases = append(cases, jen.Default().Block(jen.Return(jen.Nil(), headError(unknown))))
	var scases []jen.Code
	for _, pkg := range pkgs {
		scases = append(scases, jen.Case(jen.Qual(pkg.ImportPath, "Version")).Block(jen.Return(jen.Qual(pkg.ImportPath, "Schemas"))))
	}
	f.Comment("Schemas returns the event schemas of an " + m.Version + ", or nil for a version")
	f.Comment("this package does not know.")
	f.Func().Id("Schemas").Params(jen.Id("version").String()).Index().Id("SchemaInfo").Block(
		jen.Switch(jen.Id("version")).Block(scases...),
		jen.Return(jen.Nil()),
	)
	f.Line()
	f.Comment("Versions returns the " + m.Version + " values Decode knows, oldest first.")
	f.Func().Id("Versions").Params().Index().String().Block(jen.Return(jen.Index().String().Values(versions...)))
	f.Line()
	f.Comment(commentText(fmt.Sprintf("Decode decodes one event. The error is a *SyntaxError (with the byte offset) "+
		"for malformed JSON, a *NotAnObjectError for JSON that is not an object, a "+
		"*MissingVersionError or *UnknownVersionError when %[1]s is absent or "+
		"not known, an *UnknownEventTypeError when no schema of the version covers "+
		"the %[2]s, and a *ConstError, returned with the decoded event, when a "+
		"member breaks a const of the schema. Records that are not %[3]s events "+
		"of a known version are named where their layout is known: a "+
		"*NonEventRecordError for a record %[3]s writes that is no event, a *LegacyFormatError for an older %[3]s layout, a "+
		"*ForeignEventError for another producer's record, bare or in an envelope. "+
		"Decode does not validate: call Validate on the event.", m.Version, m.Type, producer.Title)))
	decodeFuncs(f, m)
	f.Comment("decodeWith decodes data as the event head says it is.")
	f.Func().Id("decodeWith").Params(jen.Id("data").Index().Byte(), jen.Id("head").Qual(codecPkg, "Head"), jen.Id("opts").Id("DecodeOptions")).Params(jen.Id("Event"), jen.Error()).Block(
		nonEventCheck(hasNonEvents, jen.Nil()),
		jen.If(jen.Op("!").Id("head").Dot("HasVersion")).Block(jen.Return(jen.Nil(), headError(jen.Id("recognize").Call(jen.Id("data"))))),
		jen.If(jen.Op("!").Id("head").Dot("VersionIsString")).Block(jen.Return(jen.Nil(), headError(unknown.Clone()))),
		jen.Var().Id("ev").Id("Event"),
		jen.Switch(jen.Id("head").Dot("Version")).Block(cases...),
		jen.If(jen.Op("!").Id("head").Dot("TypeIsString").Op("||").Id("ev").Op("==").Nil()).Block(
			jen.Return(jen.Nil(), headError(jen.Op("&").Id("UnknownEventTypeError").Values(jen.Dict{
				jen.Id("Version"):   jen.Id("head").Dot("Version"),
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
	var vcases []jen.Code
	for _, pkg := range pkgs {
		vcases = append(vcases, jen.Case(jen.Qual(pkg.ImportPath, "Version")).Block(
			jen.Return(jen.Qual(pkg.ImportPath, "ValidateParsed").Call(jen.Op("&").Id("v"), jen.Id("head"), jen.Id("opts")))))
	}
	vcases = append(vcases, jen.Default().Block(jen.Return(unknown.Clone())))
	nonEventReturn := jen.Null()
	if hasNonEvents {
		nonEventReturn = jen.If(jen.Err().Op(":=").Id("nonEvent").Call(jen.Id("head")), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err()))
	}
	f.Comment(commentText(fmt.Sprintf("ValidateJSON checks the JSON of an event against the schema of its "+
		"%s and %s, without decoding it into Go values. Its verdicts "+
		"are those of Decode followed by ValidateWith(opts); its errors for records it "+
		"has no schema for are those of Decode. It reads data once: the version "+
		"package validates the value parsed here.", m.Version, m.Type)))
	f.Func().Id("ValidateJSON").Params(jen.Id("data").Index().Byte(), jen.Id("opts").Id("ValidateOptions")).Error().Block(
		jen.List(jen.Id("v"), jen.Id("head"), jen.Err()).Op(":=").Qual(rawcheckPkg, "ParseEvent").Call(jen.Id("data"), jen.Lit(m.Version), jen.Lit(m.Type)),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		nonEventReturn,
		jen.If(jen.Op("!").Id("head").Dot("HasVersion")).Block(jen.Return(jen.Id("recognizeParsed").Call(jen.Op("&").Id("v")))),
		jen.If(jen.Op("!").Id("head").Dot("VersionIsString")).Block(jen.Return(unknown.Clone())),
		jen.Switch(jen.Id("head").Dot("Version")).Block(vcases...),
	)
	f.Line()
	p.formats(producer)
	p.raw.flush()
	return p.render()
}

// formats prints recognize, which names the layout of a record without a
// version, and nonEvent, which names the records the producer writes that
// are not events by their event type.
func (p *printer) formats(producer *model.Producer) {
	formats, m := producer.Formats, producer.Members
	f := p.file("formats.go")
	var items, nonEvents []jen.Code
	for _, ft := range formats {
		if ft.Kind == model.FormatNonEvent {
			nonEvents = append(nonEvents, jen.Case(jen.Lit(ft.EventType)).Block(
				jen.Return(jen.Op("&").Id("NonEventRecordError").Values(jen.Dict{
					jen.Id("Format"):    jen.Lit(ft.Name),
					jen.Id("Title"):     jen.Lit(ft.Title),
					jen.Id("EventType"): jen.Id("head").Dot("Type"),
				}))))
			continue
		}
		fields := jen.Dict{
			jen.Id("name"):  jen.Lit(ft.Name),
			jen.Id("title"): jen.Lit(ft.Title),
			jen.Id("kind"):  jen.Lit(ft.Kind),
			jen.Id("check"): p.raw.call(ft.Check),
		}
		if ft.Producer != "" {
			fields[jen.Id("producer")] = jen.Lit(ft.Producer)
		}
		if ft.Envelope != "" {
			fields[jen.Id("envelope")] = jen.Lit(ft.Envelope)
		}
		items = append(items, jen.Values(fields))
	}
	f.Comment("formats are the layouts recognized in records without " + m.Version + ", in")
	f.Comment("the order they are tried.")
	f.Var().Id("formats").Op("=").Index().Struct(
		jen.Id("name").String(),
		jen.Id("title").String(),
		jen.Id("kind").String(),
		jen.Id("producer").String(),
		jen.Id("envelope").String(),
		jen.Id("check").Qual(rawcheckPkg, "Check"),
	).Values(items...)
	f.Line()
	f.Comment("recognize names the layout of a record without " + m.Version + ": a")
	f.Comment("*LegacyFormatError or a *ForeignEventError, else a *MissingVersionError.")
	f.Comment("Strings that hold JSON are checked against their contentSchema, so that")
	f.Comment("an envelope's format can name the producer of the record it carries.")
	f.Func().Id("recognize").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.List(jen.Id("v"), jen.Err()).Op(":=").Qual(jsonvaluePkg, "ParseLazy").Call(jen.Id("data")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Return(jen.Id("recognizeParsed").Call(jen.Op("&").Id("v"))),
	)
	f.Line()
	f.Comment("recognizeParsed is recognize for a record parsed already.")
	f.Func().Id("recognizeParsed").Params(jen.Id("v").Op("*").Qual(jsonvaluePkg, "Value")).Error().Block(
		jen.Comment("One collector for every format: the check's indirect call moves it to the heap."),
		jen.Var().Id("c").Qual(validationPkg, "Collector"),
		jen.For(jen.List(jen.Id("_"), jen.Id("ft")).Op(":=").Range().Id("formats")).Block(
			jen.Id("c").Op("=").Qual(validationPkg, "Collector").Values(jen.Dict{
				jen.Id("Options"): jen.Qual(validationPkg, "Options").Values(jen.Dict{jen.Id("AssertContent"): jen.True()}),
			}),
			jen.Id("ft").Dot("check").Call(jen.Id("v"), jen.Op("&").Id("c")),
			jen.If(jen.Id("c").Dot("Len").Call().Op("!=").Lit(0)).Block(jen.Continue()),
			jen.If(jen.Id("ft").Dot("kind").Op("==").Lit(model.FormatLegacy)).Block(
				jen.Return(jen.Op("&").Id("LegacyFormatError").Values(jen.Dict{jen.Id("Format"): jen.Id("ft").Dot("name"), jen.Id("Title"): jen.Id("ft").Dot("title")}))),
			jen.Return(jen.Op("&").Id("ForeignEventError").Values(jen.Dict{
				jen.Id("Format"):   jen.Id("ft").Dot("name"),
				jen.Id("Title"):    jen.Id("ft").Dot("title"),
				jen.Id("Producer"): jen.Id("ft").Dot("producer"),
				jen.Id("Envelope"): jen.Id("ft").Dot("envelope"),
			})),
		),
		jen.Return(jen.Op("&").Id("MissingVersionError").Values()),
	)
	f.Line()
	if len(nonEvents) == 0 {
		return
	}
	f.Comment(commentText(fmt.Sprintf("nonEvent names a record %s writes that is not an event, by its %s alone, whatever its %s; nil for anything else.", producer.Title, m.Type, m.Version)))
	f.Func().Id("nonEvent").Params(jen.Id("head").Qual(codecPkg, "Head")).Error().Block(
		jen.If(jen.Op("!").Id("head").Dot("TypeIsString")).Block(jen.Return(jen.Nil())),
		jen.Switch(jen.Id("head").Dot("Type")).Block(nonEvents...),
		jen.Return(jen.Nil()),
	)
	f.Line()
}

// nonEventCheck prints the check of the event head against the non-event
// formats, which returns results and the error; nothing when the producer
// has no non-event format. It comes before routing by version, since
// such a record is not an event of any version.
func nonEventCheck(hasNonEvents bool, results ...jen.Code) jen.Code {
	if !hasNonEvents {
		return jen.Null()
	}
	return jen.If(jen.Err().Op(":=").Id("nonEvent").Call(jen.Id("head")), jen.Err().Op("!=").Nil()).Block(
		jen.Return(append(results, headError(jen.Err()))...))
}

// decodeFuncs emits Decode, whose comment the caller has written, and
// DecodeWith; both go through decodeWith, which each package has its own of.
func decodeFuncs(f *jen.File, m model.Members) {
	f.Func().Id("Decode").Params(jen.Id("data").Index().Byte()).Params(jen.Id("Event"), jen.Error()).Block(
		jen.Return(jen.Id("DecodeWith").Call(jen.Id("data"), jen.Id("DecodeOptions").Values())))
	f.Line()
	f.Comment("DecodeWith is Decode with options.")
	f.Func().Id("DecodeWith").Params(jen.Id("data").Index().Byte(), jen.Id("opts").Id("DecodeOptions")).Params(jen.Id("Event"), jen.Error()).Block(decodeBody(m)...)
	f.Line()
}

// decodeBody reads the head of an event and decodes it. When that fails, or
// the event disagrees with the head, it reads the head again in full: a later
// duplicate of the version or type member counts, as with encoding/json.
func decodeBody(m model.Members) []jen.Code {
	return []jen.Code{
		jen.List(jen.Id("head"), jen.Err()).Op(":=").Qual(codecPkg, "ReadHead").Call(jen.Id("data"), jen.Lit(m.Version), jen.Lit(m.Type)),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.List(jen.Id("ev"), jen.Err()).Op(":=").Id("decodeWith").Call(jen.Id("data"), jen.Id("head"), jen.Id("opts")),
		jen.If(jen.Id("ev").Op("==").Nil().Op("||").Id("ev").Dot("Type").Call().Op("!=").Id("head").Dot("Type").Op("||").Id("ev").Dot("Version").Call().Op("!=").Id("head").Dot("Version")).Block(
			jen.List(jen.Id("full"), jen.Id("fullErr")).Op(":=").Qual(codecPkg, "ReadFullHead").Call(jen.Id("data"), jen.Lit(m.Version), jen.Lit(m.Type)),
			jen.If(jen.Id("fullErr").Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Id("fullErr"))),
			jen.If(jen.Id("full").Op("!=").Id("head")).Block(jen.Return(jen.Id("decodeWith").Call(jen.Id("data"), jen.Id("full"), jen.Id("opts")))),
		),
		jen.Return(jen.Id("ev"), jen.Err()),
	}
}

// headError wraps the error of an event the dispatcher cannot route, so that
// malformed JSON is reported as such first.
func headError(err jen.Code) jen.Code {
	return jen.Qual(codecPkg, "HeadError").Call(jen.Id("data"), err)
}
