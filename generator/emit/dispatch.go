package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pinpoint-events/pinpoint-events/generator/model"
)

// Dispatcher prints the package that decodes an event of any version of a
// producer: it reads event_version and event_type, then hands the bytes to
// the version package.
func Dispatcher(importPath, name, producer string, pkgs []*model.Package) ([]File, error) {
	p := newPrinter(importPath, name)
	f := p.file("decode.go")
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
		jen.Comment("UnknownVersionError reports an event_version no package here decodes."),
		jen.Id("UnknownVersionError").Op("=").Qual(eventtypesPkg, "UnknownVersionError"),
		jen.Comment("MissingVersionError reports a JSON object without event_version."),
		jen.Id("MissingVersionError").Op("=").Qual(eventtypesPkg, "MissingVersionError"),
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
	f.Comment("Versions returns the event_version values Decode knows, oldest first.")
	f.Func().Id("Versions").Params().Index().String().Block(jen.Return(jen.Index().String().Values(versions...)))
	f.Line()
	f.Comment("Decode decodes one event. The error is a *SyntaxError (with the byte offset)")
	f.Comment("for malformed JSON, a *NotAnObjectError for JSON that is not an object, a")
	f.Comment("*MissingVersionError or *UnknownVersionError when event_version is absent or")
	f.Comment("not known, an *UnknownEventTypeError when no schema of the version covers")
	f.Comment("the event_type, and a *ConstError, returned with the decoded event, when a")
	f.Comment("member breaks a const of the schema. Decode does not validate: call")
	f.Comment("Validate on the event.")
	f.Func().Id("Decode").Params(jen.Id("data").Index().Byte()).Params(jen.Id("Event"), jen.Error()).Block(
		jen.List(jen.Id("head"), jen.Err()).Op(":=").Qual(codecPkg, "ReadHead").Call(jen.Id("data")),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
		jen.If(jen.Op("!").Id("head").Dot("HasVersion")).Block(jen.Return(jen.Nil(), headError(jen.Op("&").Id("MissingVersionError").Values()))),
		jen.If(jen.Op("!").Id("head").Dot("VersionIsString")).Block(jen.Return(jen.Nil(), headError(unknown.Clone()))),
		jen.Var().Id("ev").Id("Event"),
		jen.Switch(jen.Id("head").Dot("Version")).Block(cases...),
		jen.If(jen.Op("!").Id("head").Dot("TypeIsString").Op("||").Id("ev").Op("==").Nil()).Block(
			jen.Return(jen.Nil(), headError(jen.Op("&").Id("UnknownEventTypeError").Values(jen.Dict{
				jen.Id("Version"):   jen.Id("head").Dot("Version"),
				jen.Id("EventType"): jen.Id("head").Dot("Type"),
				jen.Id("Missing"):   jen.Op("!").Id("head").Dot("TypeIsString"),
			})))),
		jen.If(jen.Err().Op(":=").Id("ev").Dot("UnmarshalJSON").Call(jen.Id("data")), jen.Err().Op("!=").Nil()).Block(
			jen.If(jen.List(jen.Id("_"), jen.Id("isConst")).Op(":=").Err().Op(".").Parens(jen.Op("*").Id("ConstError")), jen.Id("isConst")).Block(
				jen.Return(jen.Id("ev"), jen.Err())),
			jen.Return(jen.Nil(), jen.Err()),
		),
		jen.Return(jen.Id("ev"), jen.Nil()),
	)
	f.Line()
	return p.render()
}

// headError wraps the error of an event the dispatcher cannot route, so that
// malformed JSON is reported as such first.
func headError(err jen.Code) jen.Code {
	return jen.Qual(codecPkg, "HeadError").Call(jen.Id("data"), err)
}
