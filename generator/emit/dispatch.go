package emit

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pinpoint-events/pinpoint-events/generator/model"
)

// Dispatcher prints the package that decodes an event of any version of a
// producer: it reads event_version and event_type, then hands the bytes to
// the version package.
func Dispatcher(importPath, name, producer string, pkgs []*model.Package, formats []*model.Format) ([]File, error) {
	p := newPrinter(importPath, name)
	f := p.file("decode.go")
	hasNonEvents := slices.ContainsFunc(formats, func(ft *model.Format) bool { return ft.Kind == model.FormatNonEvent })
	var b strings.Builder
	fmt.Fprintf(&b, "Package %s decodes %s events of every event_version into typed Go values.\n\n", name, producerTitle(producer))
	b.WriteString("Decode reads event_version and event_type without decoding the whole event, then decodes the bytes with the Go type of that version and event type:\n\n")
	for _, pkg := range pkgs {
		fmt.Fprintf(&b, "  - event_version %q: package [%s]\n", pkg.Version, pkg.ImportPath)
	}
	b.WriteString("\nThe events it returns implement [Event]; use a type switch on the version packages' types for the members of each event type.")
	f.PackageComment(commentText(b.String()))
	aliasDecls(f, nil)
	f.Type().Defs(
		jen.Comment("UnknownVersionError reports an event_version no package here decodes. See [pinpointevents.UnknownVersionError]."),
		jen.Id("UnknownVersionError").Op("=").Qual(runtimePkg, "UnknownVersionError"),
		jen.Comment("MissingVersionError reports a JSON object without event_version. See [pinpointevents.MissingVersionError]."),
		jen.Id("MissingVersionError").Op("=").Qual(runtimePkg, "MissingVersionError"),
		jen.Comment("LegacyFormatError reports a record in an older Pinpoint layout. See [pinpointevents.LegacyFormatError]."),
		jen.Id("LegacyFormatError").Op("=").Qual(runtimePkg, "LegacyFormatError"),
		jen.Comment("ForeignEventError reports the record of another producer. See [pinpointevents.ForeignEventError]."),
		jen.Id("ForeignEventError").Op("=").Qual(runtimePkg, "ForeignEventError"),
		jen.Comment("NonEventRecordError reports a record Pinpoint writes that is not an event. See [pinpointevents.NonEventRecordError]."),
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
	f.Comment("Schemas returns the event schemas of an event_version, or nil for a version")
	f.Comment("this package does not know.")
	f.Func().Id("Schemas").Params(jen.Id("version").String()).Index().Id("SchemaInfo").Block(
		jen.Switch(jen.Id("version")).Block(scases...),
		jen.Return(jen.Nil()),
	)
	f.Line()
	f.Comment("Versions returns the event_version values Decode knows, oldest first.")
	f.Func().Id("Versions").Params().Index().String().Block(jen.Return(jen.Index().String().Values(versions...)))
	f.Line()
	f.Comment("Decode decodes one event. The error is a *SyntaxError (with the byte offset)")
	f.Comment("for malformed JSON, a *NotAnObjectError for JSON that is not an object, a")
	f.Comment("*MissingVersionError or *UnknownVersionError when event_version is absent or")
	f.Comment("not known, an *UnknownEventTypeError when no schema of the version covers")
	f.Comment("the event_type, and a *ConstError, returned with the decoded event, when a")
	f.Comment("member breaks a const of the schema. Records that are not Pinpoint events")
	f.Comment("of a known version are named where their layout is known: a")
	f.Comment("*NonEventRecordError for a record Pinpoint writes that is no event (the")
	f.Comment("stream's test record), a *LegacyFormatError for an older Pinpoint layout, a")
	f.Comment("*ForeignEventError for another producer's record, bare or in an envelope.")
	f.Comment("Decode does not validate: call Validate on the event.")
	decodeFuncs(f)
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
			jen.Return(jen.Qual(pkg.ImportPath, "ValidateJSON").Call(jen.Id("data"), jen.Id("opts")))))
	}
	vcases = append(vcases, jen.Default().Block(jen.Return(headError(unknown.Clone()))))
	f.Comment("ValidateJSON checks the JSON of an event against the schema of its")
	f.Comment("event_version and event_type, without decoding it into Go values. Its verdicts")
	f.Comment("are those of Decode followed by ValidateWith(opts); its errors for records it")
	f.Comment("has no schema for are those of Decode.")
	f.Func().Id("ValidateJSON").Params(jen.Id("data").Index().Byte(), jen.Id("opts").Id("ValidateOptions")).Error().Block(
		jen.List(jen.Id("head"), jen.Err()).Op(":=").Qual(codecPkg, "ReadFullHead").Call(jen.Id("data")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		nonEventCheck(hasNonEvents),
		jen.If(jen.Op("!").Id("head").Dot("HasVersion")).Block(jen.Return(headError(jen.Id("recognize").Call(jen.Id("data"))))),
		jen.If(jen.Op("!").Id("head").Dot("VersionIsString")).Block(jen.Return(headError(unknown.Clone()))),
		jen.Switch(jen.Id("head").Dot("Version")).Block(vcases...),
	)
	f.Line()
	p.formats(formats)
	p.raw.flush()
	return p.render()
}

// formats prints recognize, which names the layout of a record without
// event_version, and nonEvent, which names the records Pinpoint writes that
// are not events by their event_type.
func (p *printer) formats(formats []*model.Format) {
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
			jen.Id("check"): p.raw.check(ft.Schema),
		}
		if ft.Producer != "" {
			fields[jen.Id("producer")] = jen.Lit(ft.Producer)
		}
		if ft.Envelope != "" {
			fields[jen.Id("envelope")] = jen.Lit(ft.Envelope)
		}
		items = append(items, jen.Values(fields))
	}
	f.Comment("formats are the layouts recognized in records without event_version, in")
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
	f.Comment("recognize names the layout of a record without event_version: a")
	f.Comment("*LegacyFormatError or a *ForeignEventError, else a *MissingVersionError.")
	f.Comment("Strings that hold JSON are checked against their contentSchema, so that")
	f.Comment("an envelope's format can name the producer of the record it carries.")
	f.Func().Id("recognize").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.List(jen.Id("v"), jen.Err()).Op(":=").Qual(jsonvaluePkg, "ParseLazy").Call(jen.Id("data")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Err())),
		jen.Comment("One collector for every format: the check's indirect call moves it to the heap."),
		jen.Var().Id("c").Qual(validationPkg, "Collector"),
		jen.For(jen.List(jen.Id("_"), jen.Id("ft")).Op(":=").Range().Id("formats")).Block(
			jen.Id("c").Op("=").Qual(validationPkg, "Collector").Values(jen.Dict{
				jen.Id("Options"): jen.Qual(validationPkg, "Options").Values(jen.Dict{jen.Id("AssertContent"): jen.True()}),
			}),
			jen.Id("ft").Dot("check").Call(jen.Op("&").Id("v"), jen.Op("&").Id("c")),
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
	f.Comment("nonEvent names a record Pinpoint writes that is not an event, by its")
	f.Comment("event_type alone, whatever its event_version; nil for anything else.")
	f.Func().Id("nonEvent").Params(jen.Id("head").Qual(codecPkg, "Head")).Error().Block(
		jen.If(jen.Op("!").Id("head").Dot("TypeIsString")).Block(jen.Return(jen.Nil())),
		jen.Switch(jen.Id("head").Dot("Type")).Block(nonEvents...),
		jen.Return(jen.Nil()),
	)
	f.Line()
}

// nonEventCheck prints the check of the event head against the non-event
// formats, which returns results and the error; nothing when the producer
// has no non-event format. It comes before routing by event_version, since
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
func decodeFuncs(f *jen.File) {
	f.Func().Id("Decode").Params(jen.Id("data").Index().Byte()).Params(jen.Id("Event"), jen.Error()).Block(
		jen.Return(jen.Id("DecodeWith").Call(jen.Id("data"), jen.Id("DecodeOptions").Values())))
	f.Line()
	f.Comment("DecodeWith is Decode with options.")
	f.Func().Id("DecodeWith").Params(jen.Id("data").Index().Byte(), jen.Id("opts").Id("DecodeOptions")).Params(jen.Id("Event"), jen.Error()).Block(decodeBody()...)
	f.Line()
}

// decodeBody reads the head of an event and decodes it. When that fails, or
// the event disagrees with the head, it reads the head again in full: a later
// duplicate of event_type or event_version counts, as with encoding/json.
func decodeBody() []jen.Code {
	return []jen.Code{
		jen.List(jen.Id("head"), jen.Err()).Op(":=").Qual(codecPkg, "ReadHead").Call(jen.Id("data")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.List(jen.Id("ev"), jen.Err()).Op(":=").Id("decodeWith").Call(jen.Id("data"), jen.Id("head"), jen.Id("opts")),
		jen.If(jen.Id("ev").Op("==").Nil().Op("||").Id("ev").Dot("Type").Call().Op("!=").Id("head").Dot("Type").Op("||").Id("ev").Dot("Version").Call().Op("!=").Id("head").Dot("Version")).Block(
			jen.List(jen.Id("full"), jen.Id("fullErr")).Op(":=").Qual(codecPkg, "ReadFullHead").Call(jen.Id("data")),
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
