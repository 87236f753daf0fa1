package emit

import (
	"strconv"

	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"

	"github.com/dave/jennifer/jen"

	"github.com/pinpoint-events/pinpoint-events/generator/model"
)

// goType is the Go type expression of gt.
func (p *printer) goType(gt *model.GoType) *jen.Statement {
	switch gt.Kind {
	case model.String:
		return jen.String()
	case model.Int64:
		return jen.Int64()
	case model.Float64:
		return jen.Float64()
	case model.Bool:
		return jen.Bool()
	case model.UnixMillis:
		return jen.Id("UnixMillis")
	case model.NumericString:
		return jen.Id("NumericString")
	case model.Named:
		return jen.Id(gt.Named.Name)
	case model.Slice:
		return jen.Index().Add(p.goType(gt.Elem))
	case model.Map:
		return jen.Map(jen.String()).Add(p.goType(gt.Elem))
	case model.Nullable:
		return jen.Id("Nullable").Types(p.goType(gt.Elem))
	}
	panic("emit: unknown Go type")
}

// byPointer reports whether an optional field of type gt is held by pointer;
// slices and maps tell absent by nil instead.
func byPointer(gt *model.GoType) bool {
	return gt.Kind != model.Slice && gt.Kind != model.Map && !isLazy(gt)
}

// present is the condition that a field holds a value: a required field
// whose member was read, an optional one that is set.
func present(t *model.Type, fl *model.Field) *jen.Statement {
	switch {
	case fl.Required:
		return jen.Id("v").Dot("absent").Op("&").Id(absentConst(t, fl)).Op("==").Lit(0)
	case isLazy(fl.Type):
		return jen.Id("v").Dot(fl.Name).Dot("Present").Call()
	}
	return jen.Id("v").Dot(fl.Name).Op("!=").Nil()
}

func (p *printer) fieldType(f *model.Field) *jen.Statement {
	if !f.Required && byPointer(f.Type) {
		return jen.Op("*").Add(p.goType(f.Type))
	}
	return p.goType(f.Type)
}

// reader is the func(dst *T, d *codec.Decoder) (bool, error) that reads gt.
func (p *printer) reader(gt *model.GoType) *jen.Statement {
	switch gt.Kind {
	case model.String, model.NumericString:
		return jen.Qual(codecPkg, "ReadString").Types(p.goType(gt))
	case model.Int64, model.UnixMillis:
		return jen.Qual(codecPkg, "ReadInt64").Types(p.goType(gt))
	case model.Float64:
		return jen.Qual(codecPkg, "ReadFloat64")
	case model.Bool:
		return jen.Qual(codecPkg, "ReadBool")
	case model.Named:
		if gt.Named.Kind == model.StringSet {
			return jen.Qual(codecPkg, "ReadString").Types(jen.Id(gt.Named.Name))
		}
		return jen.Parens(jen.Op("*").Id(gt.Named.Name)).Dot("read")
	}
	return jen.Id(p.containerHelpers(gt) + "Read")
}

// appendValue is the expression that appends the value v of type gt to b
// and gives the longer slice; recv is the expression to call v's methods on.
func (p *printer) appendValue(gt *model.GoType, v, recv *jen.Statement) *jen.Statement {
	return p.appendValueTo(jen.Id("b"), gt, v, recv)
}

// appendValueTo is appendValue that appends to the slice b.
func (p *printer) appendValueTo(b *jen.Statement, gt *model.GoType, v, recv *jen.Statement) *jen.Statement {
	switch gt.Kind {
	case model.String:
		return jen.Qual(jsonwirePkg, "AppendString").Call(b, v)
	case model.NumericString:
		return jen.Qual(jsonwirePkg, "AppendString").Call(b, jen.String().Call(v))
	case model.Int64:
		return jen.Qual("strconv", "AppendInt").Call(b, v, jen.Lit(10))
	case model.UnixMillis:
		return jen.Qual("strconv", "AppendInt").Call(b, jen.Int64().Call(v), jen.Lit(10))
	case model.Float64:
		return jen.Id("w").Dot("Float64").Call(b, v)
	case model.Bool:
		return jen.Qual("strconv", "AppendBool").Call(b, v)
	case model.Named:
		if gt.Named.Kind == model.StringSet {
			return jen.Qual(jsonwirePkg, "AppendString").Call(b, jen.String().Call(v))
		}
		return recv.Dot("write").Call(b, jen.Id("w"))
	}
	return jen.Id(p.containerHelpers(gt)+"Write").Call(b, v, jen.Id("w"))
}

// fieldValue returns the expressions of a field's value, of its address,
// and to call its methods on (v.F, which Go dereferences when needed). An
// optional field is a pointer: its value is *v.F, its address v.F.
func fieldValue(fl *model.Field) (value, addr, recv *jen.Statement) {
	if !fl.Required && byPointer(fl.Type) {
		return jen.Op("*").Id("v").Dot(fl.Name), jen.Id("v").Dot(fl.Name), jen.Id("v").Dot(fl.Name)
	}
	return jen.Id("v").Dot(fl.Name), jen.Op("&").Id("v").Dot(fl.Name), jen.Id("v").Dot(fl.Name)
}

// containerHelpers prints the read and write functions of a slice, map or
// nullable type once, and returns their common name prefix.
func (p *printer) containerHelpers(gt *model.GoType) string {
	name := model.LowerFirst(gt.Key())
	if p.helpers[name] {
		return name
	}
	p.helpers[name] = true
	f := p.file("helpers.go")
	dst := jen.Id("dst").Op("*").Add(p.goType(gt))
	d := jen.Id("d").Op("*").Qual(codecPkg, "Decoder")
	readBody := []jen.Code{jen.Return(jen.Qual(codecPkg, "ReadSlice").Call(jen.Id("dst"), jen.Id("d"), p.reader(gt.Elem)))}
	switch gt.Kind {
	case model.Map:
		readBody = p.mapReadBody(gt)
	case model.Nullable:
		readBody = []jen.Code{jen.Return(jen.Qual(codecPkg, "ReadNullable").Call(jen.Id("dst"), jen.Id("d"), p.reader(gt.Elem)))}
	}
	f.Func().Id(name+"Read").Params(dst, d).Params(jen.Bool(), jen.Error()).Block(readBody...)
	f.Line()
	f.Func().Id(name+"Write").Params(jen.Id("b").Index().Byte(), jen.Id("v").Add(p.goType(gt)), jen.Id("w").Op("*").Qual(codecPkg, "Writer")).Index().Byte().Block(p.writeBody(gt)...)
	f.Line()
	return name
}

// writeBody appends a slice, map (members sorted by name, so that the
// output does not depend on map order) or nullable value v to b.
func (p *printer) writeBody(gt *model.GoType) []jen.Code {
	switch gt.Kind {
	case model.Slice:
		return []jen.Code{
			jen.Id("start").Op(":=").Len(jen.Id("b")),
			jen.For(jen.Id("i").Op(":=").Range().Id("v")).Block(
				jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune(',')),
				jen.Id("b").Op("=").Add(p.appendValue(gt.Elem, jen.Id("v").Index(jen.Id("i")), jen.Id("v").Index(jen.Id("i")))),
			),
			jen.Return(jen.Qual(jsonwirePkg, "CloseArray").Call(jen.Id("b"), jen.Id("start"))),
		}
	case model.Map:
		return []jen.Code{
			jen.Id("start").Op(":=").Len(jen.Id("b")),
			jen.Var().Id("buf").Index(jen.Lit(16)).String(),
			jen.For(jen.List(jen.Id("_"), jen.Id("k")).Op(":=").Range().Qual(codecPkg, "SortedKeys").Call(jen.Id("buf").Index(jen.Empty(), jen.Empty()), jen.Id("v"))).Block(
				jen.Id("e").Op(":=").Id("v").Index(jen.Id("k")),
				jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune(',')),
				jen.Id("b").Op("=").Qual(jsonwirePkg, "AppendString").Call(jen.Id("b"), jen.Id("k")),
				jen.Id("b").Op("=").Append(jen.Id("b"), jen.LitRune(':')),
				jen.Id("b").Op("=").Add(p.appendValue(gt.Elem, jen.Id("e"), jen.Id("e"))),
			),
			jen.Return(jen.Qual(jsonwirePkg, "CloseObject").Call(jen.Id("b"), jen.Id("start"))),
		}
	}
	return []jen.Code{
		jen.If(jen.Op("!").Id("v").Dot("Valid")).Block(jen.Return(jen.Append(jen.Id("b"), jen.Lit("null").Op("...")))),
		jen.Return(p.appendValue(gt.Elem, jen.Id("v").Dot("Value"), jen.Id("v").Dot("Value"))),
	}
}

// mapReadBody reads an object into a map, reusing the map and calling the
// value's reader directly. It is printed, not a generic runtime function
// taking the reader as a func value: through a func value, the variable
// each value is read into would escape, an allocation per member.
func (p *printer) mapReadBody(gt *model.GoType) []jen.Code {
	return []jen.Code{
		jen.If(jen.List(jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("BeginStruct").Call(), jen.Op("!").Id("ok")).Block(jen.Return(jen.False(), jen.Err())),
		jen.Id("m").Op(":=").Qual(codecPkg, "Cleared").Call(jen.Op("*").Id("dst")),
		jen.For().Block(
			jen.List(jen.Id("name"), jen.Id("more"), jen.Err()).Op(":=").Id("d").Dot("NextMember").Call(),
			jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.False(), jen.Err())),
			jen.If(jen.Op("!").Id("more")).Block(jen.Op("*").Id("dst").Op("=").Id("m"), jen.Return(jen.True(), jen.Nil())),
			jen.Id("key").Op(":=").Id("d").Dot("Intern").Call(jen.Id("name")),
			jen.Var().Id("v").Add(p.goType(gt.Elem)),
			jen.If(jen.List(jen.Id("fits"), jen.Err()).Op(":=").Add(p.reader(gt.Elem)).Call(jen.Op("&").Id("v"), jen.Id("d")), jen.Err().Op("!=").Nil().Op("||").Op("!").Id("fits")).Block(
				jen.Return(jen.False(), jen.Err())),
			jen.Id("m").Index(jen.Id("key")).Op("=").Id("v"),
		),
	}
}

// stringSet prints a string type with a constant per value.
func (p *printer) stringSet(t *model.Type) {
	f := p.fileFor(t)
	doc := t.Doc
	if !t.Closed {
		doc += "\nThe constants are the values known when this package was generated; other values are valid too."
	}
	f.Add(docComment(doc))
	f.Type().Id(t.Name).String()
	f.Line()
	var defs []jen.Code
	for _, v := range t.Values {
		defs = append(defs, jen.Id(v.Const).Id(t.Name).Op("=").Lit(v.Value))
	}
	f.Const().Defs(defs...)
	f.Line()
	var cases []jen.Code
	for _, v := range t.Values {
		cases = append(cases, jen.Id(v.Const))
	}
	what := "one of the values listed above"
	if t.Closed {
		what = "one of the values the schema allows"
	}
	f.Commentf("Known reports whether v is %s.", what)
	f.Func().Params(jen.Id("v").Id(t.Name)).Id("Known").Params().Bool().Block(
		jen.Switch(jen.Id("v")).Block(jen.Case(cases...).Block(jen.Return(jen.True()))),
		jen.Return(jen.False()),
	)
	f.Line()
}

// embeddedJSON prints the type of a string that holds a JSON document: the
// text is kept as written and decoded on demand.
func (p *printer) embeddedJSON(t *model.Type) {
	f := p.fileFor(t)
	target := p.goType(t.Target)
	isStruct := t.Target.Kind == model.Named
	result := jen.Op("*").Add(target.Clone())
	what := "a pointer to the " + t.Target.Key()
	if !isStruct {
		result = target.Clone()
		what = "the " + t.Target.Key()
	}
	f.Add(docComment(t.Doc + " The text is kept as it was read, and written back as it is; Decode decodes it on first use, and may be called from several goroutines at once."))
	f.Type().Id(t.Name).Struct(
		jen.Comment("Text is the string as it stands in the event."),
		jen.Id("Text").String(),
		jen.Line(),
		jen.Id("decoded").Qual(codecPkg, "Document").Types(result.Clone()).Comment("what Decode made of Text"),
	)
	f.Line()
	f.Commentf("Decode returns %s that Text holds. The result is kept: later", what)
	f.Comment("calls return it again while Text is unchanged. The error is a *SyntaxError")
	f.Comment("when Text is not JSON, or says what does not fit the Go type; Decode does")
	f.Comment("not check the schema (Validate does, with AssertContent).")
	var decode []jen.Code
	if isStruct {
		decode = []jen.Code{
			jen.Id("v").Op(":=").New(target.Clone()),
			jen.If(jen.Err().Op(":=").Qual(codecPkg, "DecodeDocument").Call(jen.Id("text"), jen.Id("v"), p.reader(t.Target)), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), jen.Err()),
			),
			jen.Return(jen.Id("v"), jen.Nil()),
		}
	} else {
		decode = []jen.Code{
			jen.Var().Id("v").Add(target.Clone()),
			jen.If(jen.Err().Op(":=").Qual(codecPkg, "DecodeDocument").Call(jen.Id("text"), jen.Op("&").Id("v"), p.reader(t.Target)), jen.Err().Op("!=").Nil()).Block(
				jen.Return(jen.Nil(), jen.Err()),
			),
			jen.Return(jen.Id("v"), jen.Nil()),
		}
	}
	f.Func().Params(jen.Id("j").Op("*").Id(t.Name)).Id("Decode").Params().Params(result.Clone(), jen.Error()).Block(
		jen.Return(jen.Id("j").Dot("decoded").Dot("Get").Call(jen.Id("j").Dot("Text"), jen.Func().Params(jen.Id("text").String()).Params(result.Clone(), jen.Error()).Block(decode...))),
	)
	f.Line()
	jf := p.jsonFileFor(t)
	jf.Func().Params(jen.Id("j").Op("*").Id(t.Name)).Id("read").Params(jen.Id("d").Op("*").Qual(codecPkg, "Decoder")).Params(jen.Bool(), jen.Error()).Block(
		jen.Op("*").Id("j").Op("=").Id(t.Name).Values(),
		jen.List(jen.Id("fits"), jen.Err()).Op(":=").Qual(codecPkg, "ReadString").Call(jen.Op("&").Id("j").Dot("Text"), jen.Id("d")),
		jen.If(jen.Id("fits").Op("&&").Id("d").Dot("Eager")).Block(
			jen.Id("j").Dot("Decode").Call(),
		),
		jen.Return(jen.Id("fits"), jen.Err()),
	)
	jf.Line()
	jf.Func().Params(jen.Id("j").Op("*").Id(t.Name)).Id("write").Params(jen.Id("b").Index().Byte(), jen.Id("w").Op("*").Qual(codecPkg, "Writer")).Index().Byte().Block(
		jen.Return(jen.Qual(jsonwirePkg, "AppendString").Call(jen.Id("b"), jen.Id("j").Dot("Text"))),
	)
	jf.Line()
}

// lazyType prints the type of a property whose struct is decoded on first
// access (x-lazy): decoding keeps a compact copy of the member, Get decodes
// it, and encoding and validating go through Get, so that they give the
// same results whether the member was read or not.
func (p *printer) lazyType(t *model.Type) {
	f := p.fileFor(t)
	target := t.Target.Named.Name
	l := jen.Id("l")
	state := l.Clone().Dot("lazy")
	read := jen.Parens(jen.Op("*").Id(target)).Dot("read")
	byValue := jen.Params(jen.Id("l").Id(t.Name))
	byRef := jen.Params(jen.Id("l").Op("*").Id(t.Name))

	f.Add(docComment(t.Doc + " Decoding the event only checks the member and keeps a compact copy of it; Get decodes the copy on its first call, and DecodeOptions.Eager decodes the member with the event. The zero value is an absent member. Get may be called from several goroutines at once."))
	f.Type().Id(t.Name).Struct(
		jen.Id("lazy").Op("*").Qual(codecPkg, "Lazy").Types(jen.Id(target)),
	)
	f.Line()
	f.Commentf("%sOf returns a %s that holds v; nil is an absent member.", t.Name, t.Name)
	f.Func().Id(t.Name + "Of").Params(jen.Id("v").Op("*").Id(target)).Id(t.Name).Block(
		jen.Return(jen.Id(t.Name).Values(jen.Dict{jen.Id("lazy"): jen.Qual(codecPkg, "Hold").Call(jen.Nil(), jen.Id("v"))})),
	)
	f.Line()
	f.Commentf("Get returns the %s, decoding it on the first call; nil when the member is", target)
	f.Comment("absent. Later calls return the same pointer.")
	f.Func().Add(byValue.Clone()).Id("Get").Params().Op("*").Id(target).Block(
		jen.Return(state.Clone().Dot("Get").Call(read.Clone())),
	)
	f.Line()
	f.Comment("Present reports whether the member is present, decoded or not.")
	f.Func().Add(byValue.Clone()).Id("Present").Params().Bool().Block(
		jen.Return(state.Clone().Dot("Present").Call()),
	)
	f.Line()
	f.Comment("Set makes the member hold v; nil makes it absent. Copies of l made before")
	f.Comment("keep what they held.")
	f.Func().Add(byRef.Clone()).Id("Set").Params(jen.Id("v").Op("*").Id(target)).Block(
		state.Clone().Op("=").Qual(codecPkg, "Hold").Call(jen.Nil(), jen.Id("v")),
	)
	f.Line()
	jf := p.jsonFileFor(t)
	jf.Commentf("MarshalJSON returns the %s as compact JSON, or null when absent.", target)
	jf.Func().Add(byValue.Clone()).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Var().Id("w").Qual(codecPkg, "Writer"),
		jen.Return(jen.Id("l").Dot("write").Call(jen.Nil(), jen.Op("&").Id("w")), jen.Id("w").Dot("Err").Call()),
	)
	jf.Line()
	jf.Commentf("UnmarshalJSON decodes a JSON object into a new %s at once; null makes", target)
	jf.Comment("the member absent.")
	jf.Func().Add(byRef.Clone()).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.If(jen.Qual("bytes", "Equal").Call(jen.Qual("bytes", "TrimSpace").Call(jen.Id("data")), jen.Index().Byte().Call(jen.Lit("null")))).Block(
			state.Clone().Op("=").Nil(),
			jen.Return(jen.Nil()),
		),
		jen.Id("v").Op(":=").New(jen.Id(target)),
		jen.If(jen.Err().Op(":=").Id("v").Dot("UnmarshalJSON").Call(jen.Id("data")), jen.Err().Op("!=").Nil()).Block(
			jen.Return(jen.Err()),
		),
		state.Clone().Op("=").Qual(codecPkg, "Hold").Call(jen.Nil(), jen.Id("v")),
		jen.Return(jen.Nil()),
	)
	jf.Line()
	jf.Comment("read keeps the object that comes next, or decodes it with DecodeOptions.Eager;")
	jf.Comment("it reports false, reading nothing, for another kind of value.")
	jf.Func().Add(byRef.Clone()).Id("read").Params(jen.Id("d").Op("*").Qual(codecPkg, "Decoder")).Params(jen.Bool(), jen.Error()).Block(
		jen.If(jen.Id("d").Dot("Peek").Call().Op("!=").Qual(jsonwirePkg, "KindObject")).Block(jen.Return(jen.False(), jen.Nil())),
		jen.Var().Err().Error(),
		jen.List(state.Clone(), jen.Err()).Op("=").Qual(codecPkg, "Capture").Call(state.Clone(), jen.Id("d"), read.Clone()),
		jen.Return(jen.True(), jen.Err()),
	)
	jf.Line()
	jf.Comment("drop makes the member absent, keeping the memory for the next decode.")
	jf.Func().Add(byRef.Clone()).Id("drop").Params().Block(
		state.Clone().Op("=").Qual(codecPkg, "Drop").Call(state.Clone()),
	)
	jf.Line()
	jf.Func().Add(byValue.Clone()).Id("write").Params(jen.Id("b").Index().Byte(), jen.Id("w").Op("*").Qual(codecPkg, "Writer")).Index().Byte().Block(
		jen.Return(state.Clone().Dot("AppendJSON").Call(jen.Id("b"), jen.Id("w"), read.Clone(), jen.Parens(jen.Op("*").Id(target)).Dot("write"))),
	)
	jf.Line()
	f.Func().Add(byValue.Clone()).Id("validate").Params(cParam).Block(
		jen.If(jen.Id("v").Op(":=").Id("l").Dot("Get").Call(), jen.Id("v").Op("!=").Nil()).Block(
			jen.Id("v").Dot("validate").Call(jen.Id("c")),
		),
	)
	f.Line()
}

// absentConst names the bit of a required field in its struct's absent set.
func absentConst(t *model.Type, f *model.Field) string {
	return "absent" + t.Name + f.Name
}

// structType prints a struct and its accessors, and its decoder and encoder
// into the schema's _json.go file, and its validator.
func (p *printer) structType(t *model.Type) {
	f := p.fileFor(t)
	doc := t.Doc
	if t.Event != nil {
		doc = eventDoc(t)
	}
	f.Add(docComment(doc))
	var fields []jen.Code
	hasRequired := false
	for _, fl := range t.Fields {
		fields = append(fields, docComment(fieldDoc(fl)), jen.Id(fl.Name).Add(p.fieldType(fl)).Tag(map[string]string{"json": fl.JSONName}))
		hasRequired = hasRequired || fl.Required
	}
	fields = append(fields,
		jen.Line(),
		jen.Comment("Rest holds, as raw JSON in input order, the members that have no field"),
		jen.Comment("above and the members whose value does not fit their field's Go type"),
		jen.Comment("(Validate reports those). Encoding writes them back."),
		jen.Id("Rest").Id("Members").Tag(map[string]string{"json": "-"}),
	)
	if hasRequired {
		fields = append(fields,
			jen.Line(),
			jen.Comment("absent has a bit set for each required member the input lacked or held"),
			jen.Comment("in Rest; those fields are left out when encoding."),
			jen.Id("absent").Uint64(),
		)
	}
	f.Type().Id(t.Name).Struct(fields...)
	f.Line()
	if hasRequired {
		var defs []jen.Code
		for _, fl := range t.Fields {
			if fl.Required {
				defs = append(defs, jen.Id(absentConst(t, fl)).Op("=").Lit(1).Op("<<").Lit(fl.AbsentBit))
			}
		}
		f.Const().Defs(defs...)
		f.Line()
	}
	jf := p.jsonFileFor(t)
	p.jsonMethods(jf, t)
	p.structRead(jf, t)
	p.structWrite(jf, t)
	p.structMethods(f, t)
	p.structValidate(t)
	if t.Event != nil {
		p.eventMethods(f, t)
	}
}

// fieldDoc is a field's description, with what nil means for an optional
// member.
func fieldDoc(f *model.Field) string {
	switch {
	case isLazy(f.Type):
		return f.Doc + " Decoded on first Get; Get returns nil when absent."
	case f.Required:
		return f.Doc
	}
	return f.Doc + " Nil when absent."
}

func eventDoc(t *model.Type) string {
	ev := t.Event
	doc := t.Doc
	if len(ev.EventTypes) == 0 {
		doc += "\nIt is the event of every " + ev.TypeField.JSONName + " that no other type of this package claims and that its schema accepts."
	}
	return doc
}

func recv(t *model.Type) *jen.Statement {
	return jen.Params(jen.Id("v").Op("*").Id(t.Name))
}

// jsonMethods prints the exported decoding and encoding entry points every
// struct has. What they keep in Rest is said once, in the package doc.
func (p *printer) jsonMethods(f *jen.File, t *model.Type) {
	f.Comment("UnmarshalJSON decodes the JSON object in data into v. The error is a")
	f.Comment("*SyntaxError, a *NotAnObjectError or a *ConstError (after decoding the rest).")
	f.Func().Add(recv(t)).Id("UnmarshalJSON").Params(jen.Id("data").Index().Byte()).Error().Block(
		jen.Return(jen.Qual(codecPkg, "DecodeObject").Call(jen.Id("data"), jen.Id("DecodeOptions").Values(), jen.Id("v").Dot("read"))),
	)
	f.Line()
	f.Comment("UnmarshalJSONWith is UnmarshalJSON with options.")
	f.Func().Add(recv(t)).Id("UnmarshalJSONWith").Params(jen.Id("data").Index().Byte(), jen.Id("opts").Id("DecodeOptions")).Error().Block(
		jen.Return(jen.Qual(codecPkg, "DecodeObject").Call(jen.Id("data"), jen.Id("opts"), jen.Id("v").Dot("read"))),
	)
	f.Line()
	f.Comment("MarshalJSON returns v as compact JSON.")
	f.Func().Add(recv(t)).Id("MarshalJSON").Params().Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Return(jen.Id("v").Dot("AppendJSON").Call(jen.Nil())),
	)
	f.Line()
	f.Comment("AppendJSON appends v to dst as compact JSON; it fails only on NaN and ±Inf.")
	f.Func().Add(recv(t)).Id("AppendJSON").Params(jen.Id("dst").Index().Byte()).Params(jen.Index().Byte(), jen.Error()).Block(
		jen.Var().Id("w").Qual(codecPkg, "Writer"),
		jen.Return(jen.Id("v").Dot("write").Call(jen.Id("dst"), jen.Op("&").Id("w")), jen.Id("w").Dot("Err").Call()),
	)
	f.Line()
}

// structMethods prints the exported validation entry points every struct
// has; they stay with the type, the checks go to the _validate.go file.
func (p *printer) structMethods(f *jen.File, t *model.Type) {
	f.Comment("Validate checks v against its schema. It returns nil or a *ValidationError")
	f.Comment("listing every violation; format and embedded JSON documents are not checked")
	f.Comment("(see ValidateWith).")
	f.Func().Add(recv(t)).Id("Validate").Params().Error().Block(
		jen.Return(jen.Id("v").Dot("ValidateWith").Call(jen.Id("ValidateOptions").Values())),
	)
	f.Line()
	f.Comment("ValidateWith is Validate with the annotation keywords asserted that opts")
	f.Comment("name.")
	f.Func().Add(recv(t)).Id("ValidateWith").Params(jen.Id("opts").Id("ValidateOptions")).Error().Block(
		jen.Return(jen.Qual(validationPkg, "Run").Call(jen.Id("opts"), jen.Id("v").Dot("validate"))),
	)
	f.Line()
}

// eventMethods prints the rest of the Event interface.
func (p *printer) eventMethods(f *jen.File, t *model.Type) {
	f.Commentf("Family returns %q.", t.Event.Family.Name)
	f.Func().Add(recv(t)).Id("Family").Params().String().Block(jen.Return(jen.Lit(t.Event.Family.Name)))
	f.Line()
	ev := t.Event
	f.Commentf("Type returns the %s member.", ev.TypeField.JSONName)
	f.Func().Add(recv(t)).Id("Type").Params().String().Block(jen.Return(jen.Id("v").Dot(ev.TypeField.Name)))
	f.Line()
	f.Commentf("Version returns the %s member.", ev.VersionField.JSONName)
	f.Func().Add(recv(t)).Id("Version").Params().String().Block(jen.Return(jen.Id("v").Dot(ev.VersionField.Name)))
	f.Line()
	f.Commentf("EventTime returns %s as a time.Time.", ev.TimeField.JSONName)
	f.Func().Add(recv(t)).Id("EventTime").Params().Qual("time", "Time").Block(jen.Return(jen.Id("v").Dot(ev.TimeField.Name).Dot("Time").Call()))
	f.Line()
	f.Commentf("ArrivalTime returns %s as a time.Time.", ev.ArrivalField.JSONName)
	f.Func().Add(recv(t)).Id("ArrivalTime").Params().Qual("time", "Time").Block(jen.Return(jen.Id("v").Dot(ev.ArrivalField.Name).Dot("Time").Call()))
	f.Line()
}

// structRead prints the decoder of a struct.
func (p *printer) structRead(f *jen.File, t *model.Type) {
	// Decoding writes only the members present, into the memory the value
	// already has (slices, maps, what optional fields point to, nested
	// structs): a value decoded into again and again allocates nothing.
	// What the input lacks is cleared at the end: required fields whose
	// absent bit is still set, optional ones not seen.
	start := []jen.Code{jen.Id("v").Dot("Rest").Op("=").Id("v").Dot("Rest").Index(jen.Empty(), jen.Lit(0))}
	var absentAll, cleanup []jen.Code
	optional := 0
	for _, fl := range t.Fields {
		switch {
		case fl.Required:
			absentAll = append(absentAll, jen.Id(absentConst(t, fl)))
			cleanup = append(cleanup, jen.Qual(codecPkg, "Clear").Call(jen.Op("&").Id("v").Dot(fl.Name), jen.Id("v").Dot("absent").Op("&").Id(absentConst(t, fl)).Op("!=").Lit(0)))
		case isLazy(fl.Type):
			// drop keeps the memory of the lazy value for the next decode.
			cleanup = append(cleanup, jen.If(jen.Id("seen").Op("&").Add(bitLit(optional)).Op("==").Lit(0)).Block(
				jen.Id("v").Dot(fl.Name).Dot("drop").Call()))
			optional++
		default:
			cleanup = append(cleanup, jen.Qual(codecPkg, "Clear").Call(jen.Op("&").Id("v").Dot(fl.Name), jen.Id("seen").Op("&").Add(bitLit(optional)).Op("==").Lit(0)))
			optional++
		}
	}
	if len(absentAll) > 0 {
		all := jen.Add(absentAll[0])
		for _, a := range absentAll[1:] {
			all = all.Op("|").Add(a)
		}
		start = append(start, jen.Id("v").Dot("absent").Op("=").Add(all))
	}
	if optional > 0 {
		start = append(start, jen.Var().Id("seen").Uint64().Comment("a bit per optional field read"))
	}
	var cases []jen.Code
	optional = 0
	for _, fl := range t.Fields {
		body := []jen.Code{p.readField(t, fl)}
		if !fl.Required {
			body = append([]jen.Code{jen.Id("seen").Op("|=").Add(bitLit(optional))}, body...)
			optional++
		}
		cases = append(cases, jen.Case(jen.Lit(fl.JSONName)).Block(body...))
	}
	cases = append(cases, jen.Default().Block(
		jen.Err().Op("=").Qual(codecPkg, "Keep").Call(jen.Id("d"), jen.Op("&").Id("v").Dot("Rest"), jen.Id("name")),
	))
	var loop []jen.Code
	loop = append(loop,
		jen.List(jen.Id("name"), jen.Id("more"), jen.Err()).Op(":=").Id("d").Dot("NextMember").Call(),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.False(), jen.Err())),
		jen.If(jen.Op("!").Id("more")).Block(append(cleanup, jen.Return(jen.True(), jen.Nil()))...),
	)
	loop = append(loop,
		jen.Switch(jen.String().Call(jen.Id("name"))).Block(cases...),
		jen.If(jen.Err().Op("!=").Nil()).Block(jen.Return(jen.False(), jen.Err())),
	)
	if optional > 64 {
		panic("emit: more than 64 optional fields in " + t.Name)
	}
	body := []jen.Code{
		jen.If(jen.List(jen.Id("ok"), jen.Err()).Op(":=").Id("d").Dot("BeginStruct").Call(), jen.Op("!").Id("ok")).Block(jen.Return(jen.False(), jen.Err())),
	}
	body = append(body, start...)
	body = append(body, jen.For().Block(loop...))
	f.Func().Add(recv(t)).Id("read").Params(jen.Id("d").Op("*").Qual(codecPkg, "Decoder")).Params(jen.Bool(), jen.Error()).Block(body...)
	f.Line()
}

// bitLit is the bit of the i-th optional field in a decoder's seen set.
func bitLit(i int) *jen.Statement {
	return jen.Id("0x" + strconv.FormatUint(uint64(1)<<i, 16))
}

// isStruct reports whether gt is a generated struct.
func isStruct(gt *model.GoType) bool {
	return gt.Kind == model.Named && (gt.Named.Kind == model.Struct || gt.Named.Kind == model.Refined)
}

// isLazy reports whether gt holds a struct decoded on first access.
func isLazy(gt *model.GoType) bool {
	return gt.Kind == model.Named && gt.Named.Kind == model.Lazy
}

// isString reports whether a value of type gt is read as a plain JSON
// string.
func isString(gt *model.GoType) bool {
	return gt.Kind == model.String || gt.Kind == model.NumericString ||
		(gt.Kind == model.Named && gt.Named.Kind == model.StringSet)
}

// fieldReader names the kind of codec function that reads a member into a
// field of type gt (Required<kind> or Optional<kind>): one with a fast path
// for the kinds nearly every member has, or the general Field, which takes
// the type's reader.
func fieldReader(gt *model.GoType) (kind string, takesReader bool) {
	switch {
	case isString(gt):
		return "String", false
	case gt.Kind == model.Int64 || gt.Kind == model.UnixMillis:
		return "Int64", false
	case gt.Kind == model.Float64:
		return "Float64", false
	case isStruct(gt) || isLazy(gt):
		return "Object", true
	}
	return "Field", true
}

// readField is the case of one member in a struct's decoder: one call of
// the codec function for the field's kind (see internal/codec/field.go),
// which keeps an unfit value raw in Rest.
func (p *printer) readField(t *model.Type, fl *model.Field) jen.Code {
	args := []jen.Code{jen.Id("d"), jen.Op("&").Id("v").Dot(fl.Name)}
	kind, takesReader := fieldReader(fl.Type)
	if c := fl.DecodedConst; c != nil {
		kind, takesReader = "Const", false
		args = append(args, jen.Lit(*c))
	}
	if takesReader {
		args = append(args, p.reader(fl.Type))
	}
	args = append(args, jen.Op("&").Id("v").Dot("Rest"), jen.Lit(fl.JSONName))
	switch {
	case fl.Required:
		args = append(args, jen.Op("&").Id("v").Dot("absent"), jen.Id(absentConst(t, fl)))
		return jen.Err().Op("=").Qual(codecPkg, "Required"+kind).Call(args...)
	case byPointer(fl.Type):
		return jen.Err().Op("=").Qual(codecPkg, "Optional"+kind).Call(args...)
	}
	// A slice, map or lazy struct is nil or empty when absent.
	return jen.Err().Op("=").Qual(codecPkg, "Member").Call(jen.Id("d"), jen.Op("&").Id("v").Dot(fl.Name), p.reader(fl.Type), jen.Op("&").Id("v").Dot("Rest"), jen.Lit(fl.JSONName))
}

// quotedKey is a member name as JSON, followed by ':', quoted by the
// function the generated encoders quote their strings with.
func quotedKey(name string) string {
	return string(jsonwire.AppendString(nil, name)) + ":"
}

// memberKey is a member's name as the encoder writes it: quoted, between
// the ',' before it and the ':' after it; a raw string literal when the name
// allows, so that it reads as the JSON it writes.
func memberKey(name string) *jen.Statement {
	key := "," + quotedKey(name)
	if strconv.CanBackquote(key) {
		return jen.Id("`" + key + "`")
	}
	return jen.Lit(key)
}

// memberAppender names the codec function that appends a member of type gt
// in one call (see internal/codec/member.go), or is "".
func memberAppender(gt *model.GoType) string {
	switch {
	case isString(gt):
		return "AppendString"
	case gt.Kind == model.Int64 || gt.Kind == model.UnixMillis:
		return "AppendInt64"
	case gt.Kind == model.Bool:
		return "AppendBool"
	case gt.Kind == model.Float64:
		return "AppendFloat64"
	}
	return ""
}

// writeField is the statement that appends one field to b, if it holds a
// value.
func (p *printer) writeField(t *model.Type, fl *model.Field) jen.Code {
	key := memberKey(fl.JSONName)
	if fn := memberAppender(fl.Type); fn != "" {
		args := []jen.Code{jen.Id("b"), key, jen.Id("v").Dot(fl.Name)}
		if fl.Required {
			args = append(args, present(t, fl))
		} else {
			fn += "Ptr"
		}
		if fl.Type.Kind == model.Float64 {
			return jen.Id("b").Op("=").Id("w").Dot(fn).Call(args...)
		}
		return jen.Id("b").Op("=").Qual(codecPkg, fn).Call(args...)
	}
	value, _, recv := fieldValue(fl)
	if fl.Type.Kind == model.Nullable && !fl.Required {
		value = jen.Op("*").Id("v").Dot(fl.Name)
	}
	withKey := jen.Append(jen.Id("b"), key.Op("..."))
	return jen.If(present(t, fl)).Block(
		jen.Id("b").Op("=").Add(p.appendValueTo(withKey, fl.Type, value, recv)),
	)
}

// structWrite prints the encoder of a struct: each member is appended after
// a ',', which CloseObject turns into the '{'.
func (p *printer) structWrite(f *jen.File, t *model.Type) {
	body := []jen.Code{jen.Id("start").Op(":=").Len(jen.Id("b"))}
	for _, fl := range t.Fields {
		body = append(body, p.writeField(t, fl))
	}
	body = append(body,
		jen.Id("b").Op("=").Qual(codecPkg, "AppendMembers").Call(jen.Id("b"), jen.Id("v").Dot("Rest")),
		jen.Return(jen.Qual(jsonwirePkg, "CloseObject").Call(jen.Id("b"), jen.Id("start"))),
	)
	f.Func().Add(recv(t)).Id("write").Params(jen.Id("b").Index().Byte(), jen.Id("w").Op("*").Qual(codecPkg, "Writer")).Index().Byte().Block(body...)
	f.Line()
}
