package emit

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pinpoint-events/pinpoint-events/generator/model"
)

// interfacesFile prints interfaces.go: each interface of x-interfaces, a
// compile-time check per implementer, and the implementers' methods.
func (p *printer) interfacesFile(pkg *model.Package) {
	if len(pkg.Interfaces) == 0 {
		return
	}
	f := p.file("interfaces.go")
	for _, it := range pkg.Interfaces {
		f.Add(docComment(it.Doc + "\n\nImplemented by " + typeList(it.Implementers) + "."))
		f.Type().Id(it.Name).InterfaceFunc(func(g *jen.Group) {
			g.Id("Event")
			for _, m := range it.Methods {
				g.Add(docComment(m.Doc))
				g.Id(m.Name).Params().Add(p.result(m))
			}
		})
		f.Line()
		f.Var().DefsFunc(func(g *jen.Group) {
			for _, t := range it.Implementers {
				g.Id("_").Id(it.Name).Op("=").Parens(jen.Op("*").Id(t.Name)).Parens(jen.Nil())
			}
		})
		f.Line()
	}
	for _, a := range pkg.Accessors {
		f.Add(docComment(accessorDoc(a)))
		f.Func().Params(jen.Id("v").Op("*").Id(a.Receiver.Name)).Id(a.Method.Name).Params().Add(p.result(a.Method)).Block(p.accessorBody(a)...)
		f.Line()
	}
}

// accessorBody returns the member through the steps, checking for nil
// where the model says, or the zero value.
func (p *printer) accessorBody(a *model.Accessor) []jen.Code {
	if a.Steps == nil {
		return []jen.Code{jen.Return(p.zeroResult(a.Method))}
	}
	var cond *jen.Statement
	value := jen.Id("v")
	for _, s := range a.Steps {
		value = value.Clone().Dot(s.Field)
		if !s.Check {
			continue
		}
		if cond == nil {
			cond = value.Clone().Op("!=").Nil()
		} else {
			cond = cond.Op("&&").Add(value.Clone().Op("!=").Nil())
		}
	}
	switch {
	case a.Deref:
		value = jen.Op("*").Add(value)
	case a.AddressOf:
		value = jen.Op("&").Add(value)
	}
	if cond == nil {
		return []jen.Code{jen.Return(value)}
	}
	return []jen.Code{jen.If(cond).Block(jen.Return(value)), jen.Return(p.zeroResult(a.Method))}
}

// result is the Go type a method returns.
func (p *printer) result(m *model.Method) *jen.Statement {
	if m.ByAddress {
		return jen.Op("*").Add(p.goType(m.Result))
	}
	return p.goType(m.Result)
}

// zeroResult is what a method returns when the member is absent.
func (p *printer) zeroResult(m *model.Method) jen.Code {
	if m.ByAddress {
		return jen.Nil()
	}
	switch m.Result.Kind {
	case model.String, model.NumericString, model.Named:
		return jen.Lit("")
	case model.Int64, model.Float64, model.UnixMillis:
		return jen.Lit(0)
	case model.Bool:
		return jen.False()
	case model.Slice, model.Map:
		return jen.Nil()
	}
	return p.goType(m.Result).Values()
}

// zeroText names the zero value in comments.
func zeroText(m *model.Method) string {
	if m.ByAddress {
		return "nil"
	}
	switch m.Result.Kind {
	case model.String, model.NumericString, model.Named:
		return `""`
	case model.Int64, model.Float64, model.UnixMillis:
		return "0"
	case model.Bool:
		return "false"
	case model.Slice, model.Map:
		return "nil"
	}
	// A Nullable, the one struct returned by value.
	return "a Nullable with Valid false"
}

func accessorDoc(a *model.Accessor) string {
	m := a.Method
	implements := fmt.Sprintf("%s implements [%s]", m.Name, m.Interface)
	if a.Shared {
		implements += " for the types that embed " + a.Receiver.Name
	}
	switch {
	case a.Steps == nil:
		return fmt.Sprintf("%s: %s, as %s has no %s.", implements, zeroText(m), a.Receiver.Name, m.Path)
	case mayBeAbsent(a):
		return fmt.Sprintf("%s: %s, or %s if absent.", implements, m.Path, zeroText(m))
	}
	return fmt.Sprintf("%s: %s.", implements, m.Path)
}

func mayBeAbsent(a *model.Accessor) bool {
	for _, s := range a.Steps {
		if s.Pointer {
			return true
		}
	}
	return false
}

// typeList is "[A], [B] and [C]".
func typeList(types []*model.Type) string {
	var names []string
	for _, t := range types {
		names = append(names, "["+t.Name+"]")
	}
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " and " + names[len(names)-1]
}
