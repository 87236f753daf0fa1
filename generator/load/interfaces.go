package load

import (
	"go/token"
	"strconv"
)

// Interface is one member of x-interfaces: a Go interface the generator
// declares for events of different schemas that share members, so a
// consumer can reach those members without a case per Go type.
type Interface struct {
	// Name is the Go name of the interface (the member's key).
	Name        string
	Description string
	Loc         Location
	Methods     []*InterfaceMethod // in file order
	// Implementers are the event schemas the implementers list names, in
	// its order.
	Implementers []*Schema
}

// InterfaceMethod is one member of an interface's methods: a method that
// returns the member of the event at Pointer.
type InterfaceMethod struct {
	// Name is the Go name of the method (the member's key).
	Name        string
	Description string
	// Pointer is a JSON pointer (RFC 6901) into the event, e.g.
	// /attributes/campaign_id; Tokens are its reference tokens, unescaped.
	Pointer string
	Tokens  []string
	// Optional lets an implementer's schema lack the member: its method
	// returns the zero value. Without it, every implementer must declare
	// every member along the pointer.
	Optional bool
	// Loc is where the pointer is written, for errors about the path.
	Loc Location
}

// interfaces reads x-interfaces, at kptr in the document of e (a root).
// The shape is checked here; whether each pointer leads somewhere in each
// implementer is the model's to check, which knows the Go types.
func (l *loader) interfaces(e *entry, kptr string, v *node) []*Interface {
	if e.ptr != "" {
		l.fail(e, kptr, "x-interfaces belongs on the root of a schema file")
		return nil
	}
	if v.kind != objectNode {
		l.fail(e, kptr, "x-interfaces must be an object: interface name -> {description, implementers, methods}")
		return nil
	}
	var out []*Interface
	for i, name := range v.keys {
		iptr := kptr + "/" + escapePointerToken(name)
		body := v.vals[i]
		if !exportedIdent(name) {
			l.fail(e, iptr, "x-interfaces: %q is not an exported Go identifier: the key names the Go interface", name)
			continue
		}
		if body.kind != objectNode {
			l.fail(e, iptr, "x-interfaces: %s must be an object with description, implementers and methods", name)
			continue
		}
		it := &Interface{Name: name, Loc: e.doc.loc(body, iptr)}
		for j, k := range body.keys {
			val, ptr := body.vals[j], iptr+"/"+escapePointerToken(k)
			switch k {
			case "description":
				it.Description = l.nonEmptyString(e, ptr, val, "the interface's Go doc comment")
			case "implementers":
				if val.kind != arrayNode || len(val.items) == 0 {
					l.fail(e, ptr, "implementers must be a non-empty array of $refs to event schemas")
					continue
				}
				for n, item := range val.items {
					ref := l.nonEmptyString(e, ptr+"/"+strconv.Itoa(n), item, "a $ref to an event schema")
					if ref == "" {
						continue
					}
					if s := l.resolveRef(e, ptr+"/"+strconv.Itoa(n), ref); s != nil {
						it.Implementers = append(it.Implementers, s)
					}
				}
			case "methods":
				it.Methods = l.interfaceMethods(e, ptr, val)
			default:
				l.fail(e, ptr, "x-interfaces: unknown member %q (description, implementers and methods are known)", k)
			}
		}
		for _, k := range []string{"description", "implementers", "methods"} {
			if body.member(k) == nil {
				l.fail(e, iptr, "x-interfaces: %s needs %s", name, k)
			}
		}
		out = append(out, it)
	}
	return out
}

func (l *loader) interfaceMethods(e *entry, kptr string, v *node) []*InterfaceMethod {
	if v.kind != objectNode || len(v.keys) == 0 {
		l.fail(e, kptr, "methods must be a non-empty object: method name -> {description, pointer}")
		return nil
	}
	var out []*InterfaceMethod
	for i, name := range v.keys {
		mptr := kptr + "/" + escapePointerToken(name)
		body := v.vals[i]
		if !exportedIdent(name) {
			l.fail(e, mptr, "methods: %q is not an exported Go identifier: the key names the Go method", name)
			continue
		}
		if body.kind != objectNode {
			l.fail(e, mptr, "methods: %s must be an object with description and pointer", name)
			continue
		}
		m := &InterfaceMethod{Name: name, Loc: e.doc.loc(body, mptr)}
		for j, k := range body.keys {
			val, ptr := body.vals[j], mptr+"/"+escapePointerToken(k)
			switch k {
			case "description":
				m.Description = l.nonEmptyString(e, ptr, val, "the method's Go doc comment")
			case "pointer":
				m.Loc = e.doc.loc(val, ptr)
				m.Pointer = l.nonEmptyString(e, ptr, val, "a JSON pointer into the event, such as /attributes/campaign_id")
				if m.Pointer == "" {
					continue
				}
				tokens, ok := pointerTokens(m.Pointer)
				if !ok {
					l.fail(e, ptr, "pointer %q is not a JSON pointer to a member: it starts with / and names one member per token (~0 for ~, ~1 for /)", m.Pointer)
					continue
				}
				m.Tokens = tokens
			case "optional":
				if val.kind != boolNode {
					l.fail(e, ptr, "optional must be a boolean")
				}
				m.Optional = val.boolV
			default:
				l.fail(e, ptr, "methods: unknown member %q (description, pointer and optional are known)", k)
			}
		}
		for _, k := range []string{"description", "pointer"} {
			if body.member(k) == nil {
				l.fail(e, mptr, "methods: %s needs %s", name, k)
			}
		}
		out = append(out, m)
	}
	return out
}

// nonEmptyString returns the string v holds, or fails saying what it is for.
func (l *loader) nonEmptyString(e *entry, ptr string, v *node, what string) string {
	if v.kind != stringNode || v.str == "" {
		l.fail(e, ptr, "must be a non-empty string: %s", what)
		return ""
	}
	return v.str
}

// pointerTokens splits a JSON pointer into its unescaped reference tokens.
// The root pointer "" names no member, and neither does an empty token.
func pointerTokens(ptr string) ([]string, bool) {
	if len(ptr) < 2 || ptr[0] != '/' {
		return nil, false
	}
	var out []string
	start := 1
	for i := 1; i <= len(ptr); i++ {
		if i < len(ptr) && ptr[i] != '/' {
			continue
		}
		tok, err := unescapePointerToken(ptr[start:i])
		if err != nil || tok == "" {
			return nil, false
		}
		out = append(out, tok)
		start = i + 1
	}
	return out, true
}

// exportedIdent reports whether s can name an exported Go declaration.
func exportedIdent(s string) bool {
	return token.IsIdentifier(s) && token.IsExported(s)
}
