package emit

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pinpoint-events/pinpoint-events/generator/model"
)

// refinedType prints a refinement (model/refine.go): a struct that embeds
// the type it refines, whose decoder, encoder and checks it reuses; it adds
// only the checks of what it narrows. The encoder and, when no const is
// checked on decode, the decoder are the embedded type's, promoted.
//
//	type EmailOpenEvent struct {
//		EmailEvent
//	}
func (p *printer) refinedType(t *model.Type) {
	f := p.fileFor(t)
	doc := t.Doc
	if t.Event != nil {
		doc = eventDoc(t)
	}
	f.Add(docComment(doc + "\n\n" + refinementDoc(t)))
	f.Type().Id(t.Name).Struct(jen.Id(t.Base.Name))
	f.Line()
	if consts := decodedConsts(jen.Id("v"), t.Refine, nil); len(consts) > 0 {
		p.refinedRead(t, consts)
	}
	p.structMethods(f, t)
	p.refinedValidate(t)
	if t.Event != nil {
		p.eventMethods(f, t)
	}
}

// refinementDoc says in words what a refinement adds to the type it
// embeds, since go doc shows neither the schema nor promoted methods.
func refinementDoc(t *model.Type) string {
	var parts []string
	var walk func(ref *model.Refinement, path string)
	walk = func(ref *model.Refinement, path string) {
		if len(ref.Required) > 0 {
			var names []string
			for _, fl := range ref.Required {
				names = append(names, fl.JSONName)
			}
			holder := path
			if holder == "" {
				holder = "the event"
			}
			parts = append(parts, holder+" requires "+strings.Join(names, " and "))
		}
		for _, rf := range ref.Fields {
			at := rf.Field.JSONName
			if path != "" {
				at = path + "." + at
			}
			switch {
			case rf.Const != nil:
				parts = append(parts, at+" is "+rf.Const.JSON)
			case rf.Enum:
				parts = append(parts, at+" is one of "+rf.EnumText)
			}
			if rf.Inner != nil {
				walk(rf.Inner, at)
			}
		}
	}
	walk(t.Refine, "")
	return fmt.Sprintf("It embeds %s, whose fields, methods and encoding it shares; its schema adds: %s.", t.Base.Name, strings.Join(parts, "; "))
}

// decodedConst is a const of a string field that decoding checks, as it
// checks the consts of a struct's own string fields: *ConstError.
type decodedConst struct {
	present []jen.Code // conditions: the field and those it is inside hold values
	value   *jen.Statement
	want    string
	path    []string // member names from the refined value
}

func decodedConsts(r *jen.Statement, ref *model.Refinement, path []string) []decodedConst {
	var out []decodedConst
	for _, rf := range ref.Fields {
		fl := rf.Field
		at := append(path[:len(path):len(path)], fl.JSONName)
		cond := presentAt(r, ref.Struct, fl)
		if rf.Const != nil && rf.Const.IsString && fl.Type.Kind == model.String {
			value, _ := valueAt(r, fl)
			out = append(out, decodedConst{present: []jen.Code{cond}, value: value, want: rf.Const.String, path: at})
		}
		if rf.Inner != nil {
			for _, inner := range decodedConsts(r.Clone().Dot(fl.Name), rf.Inner, at) {
				inner.present = append([]jen.Code{cond.Clone()}, inner.present...)
				out = append(out, inner)
			}
		}
	}
	return out
}

// refinedRead prints the decoder of a refinement with consts: the
// embedded type's, then the consts.
func (p *printer) refinedRead(t *model.Type, consts []decodedConst) {
	f := p.jsonFileFor(t)
	f.Comment("UnmarshalJSON decodes the JSON object in data into v, as " + t.Base.Name + ".UnmarshalJSON")
	f.Comment("does; a member that breaks a const of " + t.Name + " is a *ConstError too.")
	f.Func().Add(recv(t)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(jen.Qual(codecPkg, "DecodeObject").Call(jen.Id("data"), jen.Id("DecodeOptions").Values(), jen.Id("v").Dot("read"))),
	)
	f.Line()
	f.Comment("UnmarshalJSONWith is UnmarshalJSON with options.")
	f.Func().Add(recv(t)).Id("UnmarshalJSONWith").Params(jen.Id("data").Index().Byte(), jen.Id("opts").Id("DecodeOptions")).Error().Block(
		jen.Return(jen.Qual(codecPkg, "DecodeObject").Call(jen.Id("data"), jen.Id("opts"), jen.Id("v").Dot("read"))),
	)
	f.Line()
	body := []jen.Code{
		jen.Id("start").Op(":=").Id("d").Dot("Mark").Call(),
		jen.List(jen.Id("ok"), jen.Err()).Op(":=").Id("v").Dot(t.Base.Name).Dot("read").Call(jen.Id("d")),
		jen.If(jen.Op("!").Id("ok").Op("||").Err().Op("!=").Nil()).Block(jen.Return(jen.Id("ok"), jen.Err())),
	}
	for _, c := range consts {
		cond := jen.Add(c.present[0])
		for _, more := range c.present[1:] {
			cond = cond.Op("&&").Add(more)
		}
		args := []jen.Code{jen.Id("start"), jen.Qual("strconv", "Quote").Call(c.value.Clone()), jen.Lit(strconv.Quote(c.want))}
		for _, name := range c.path {
			args = append(args, jen.Lit(name))
		}
		body = append(body, jen.If(cond.Op("&&").Add(c.value).Op("!=").Lit(c.want)).Block(
			jen.Id("d").Dot("ConstMismatchIn").Call(args...)))
	}
	body = append(body, jen.Return(jen.True(), jen.Nil()))
	f.Comment("read decodes a JSON object into v; it reports false, reading nothing, for")
	f.Comment("another kind of value.")
	f.Func().Add(recv(t)).Id("read").Params(jen.Id("d").Op("*").Qual(codecPkg, "Decoder")).Params(jen.Bool(), jen.Error()).Block(body...)
	f.Line()
}

// refinedValidate prints the validator of a refinement: the embedded
// type's checks, then what the refinement adds.
func (p *printer) refinedValidate(t *model.Type) {
	f := p.validateFileFor(t)
	body := []jen.Code{jen.Id("v").Dot(t.Base.Name).Dot("validate").Call(jen.Id("c"))}
	body = append(body, p.refinementChecks(jen.Id("v"), t.Refine)...)
	f.Comment("validate records the violations of v in c, at c's current path.")
	f.Func().Add(recv(t)).Id("validate").Params(cParam).Block(body...)
	f.Line()
}

// refinementChecks returns the checks a refinement adds to the value r of
// its struct. A member kept in Rest because its value does not fit the
// field is present for required; a const or enum still applies to it, as
// the schema's own validator applies it: the refinement's property schema
// checks it raw. Properties and required apply to objects only, which a
// struct field holds whenever its member is not in Rest.
func (p *printer) refinementChecks(r *jen.Statement, ref *model.Refinement) []jen.Code {
	var out []jen.Code
	for _, fl := range ref.Required {
		out = append(out, jen.If(absentAt(r, ref.Struct, fl).Op("&&").Op("!").Add(r.Clone()).Dot("Rest").Dot("Has").Call(jen.Lit(fl.JSONName))).Block(
			jen.Id("c").Dot("Required").Call(jen.Lit(fl.JSONName))))
	}
	var rawCases []jen.Code
	for _, rf := range ref.Fields {
		fl := rf.Field
		var checks []jen.Code
		if rf.Const != nil || rf.Enum {
			value, _ := valueAt(r, fl)
			sc, conv, _ := scalarOf(fl.Type, value)
			if n := p.typedCheck(rf.Check, sc); n != "" {
				checks = append(checks, jen.Id(n).Call(conv, jen.Id("c")))
			}
			if rf.Check.FuncName() != "" {
				rawCases = append(rawCases, jen.Case(jen.Lit(fl.JSONName)).Block(
					jen.Qual(rawcheckPkg, "CheckMember").Call(jen.Op("&").Add(r.Clone()).Dot("Rest").Index(jen.Id("i")), jen.Id("c"), p.raw.call(rf.Check))))
			}
		}
		if rf.Inner != nil {
			checks = append(checks, p.refinementChecks(r.Clone().Dot(fl.Name), rf.Inner)...)
		}
		if len(checks) == 0 {
			continue
		}
		checks = append(append([]jen.Code{jen.Id("c").Dot("Push").Call(jen.Lit(fl.JSONName))}, checks...), jen.Id("c").Dot("Pop").Call())
		out = append(out, jen.If(presentAt(r, ref.Struct, fl)).Block(checks...))
	}
	if len(rawCases) > 0 {
		rest := r.Clone().Dot("Rest")
		out = append(out, jen.For(jen.Id("i").Op(":=").Range().Add(rest)).Block(
			jen.Switch(rest.Clone().Index(jen.Id("i")).Dot("Name")).Block(rawCases...)))
	}
	return out
}

// presentAt is the condition that field fl of the value r, of struct type
// t, holds a value (present, for a value other than v).
func presentAt(r *jen.Statement, t *model.Type, fl *model.Field) *jen.Statement {
	switch {
	case fl.Required:
		return r.Clone().Dot("absent").Op("&").Id(absentConst(t, fl)).Op("==").Lit(0)
	case isLazy(fl.Type):
		return r.Clone().Dot(fl.Name).Dot("Present").Call()
	}
	return r.Clone().Dot(fl.Name).Op("!=").Nil()
}

// absentAt is the negation of presentAt.
func absentAt(r *jen.Statement, t *model.Type, fl *model.Field) *jen.Statement {
	switch {
	case fl.Required:
		return r.Clone().Dot("absent").Op("&").Id(absentConst(t, fl)).Op("!=").Lit(0)
	case isLazy(fl.Type):
		return jen.Op("!").Add(r.Clone()).Dot(fl.Name).Dot("Present").Call()
	}
	return r.Clone().Dot(fl.Name).Op("==").Nil()
}

// valueAt is the value of field fl of r, through its pointer when the
// field is optional (fieldValue, for a value other than v).
func valueAt(r *jen.Statement, fl *model.Field) (value, recv *jen.Statement) {
	if !fl.Required && byPointer(fl.Type) {
		return jen.Op("*").Add(r.Clone()).Dot(fl.Name), r.Clone().Dot(fl.Name)
	}
	return r.Clone().Dot(fl.Name), r.Clone().Dot(fl.Name)
}
