package model

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pinpoint-events/pinpoint-events/generator/load"
)

// Interface is a Go interface that events of several schemas implement
// (x-interfaces): every method returns one member of the event.
type Interface struct {
	Name    string
	Doc     string
	Methods []*Method
	// Implementers are the event types that implement it, by name.
	Implementers []*Type
}

// Method is one method of an Interface.
type Method struct {
	// Interface names the interface that declares the method.
	Interface string
	Name      string
	Doc       string
	// Path is the member the method returns, as a dotted JSON path for
	// comments (attributes.campaign_id).
	Path string
	// Result is the Go type the method returns; ByAddress says it is
	// returned as a pointer to it (a struct: nil when absent).
	Result    *GoType
	ByAddress bool
}

// Accessor is the method of one implementer that returns a member.
type Accessor struct {
	// Receiver is the implementer, or the struct it embeds when it is a
	// refinement: implementers that refine one shape share its accessors,
	// which Go promotes to them. Shared says it is such a struct.
	Receiver *Type
	Shared   bool
	Method   *Method
	// Steps are the fields from the receiver to the member, nil when the
	// receiver's schema does not declare the member (an optional method:
	// it returns the zero value).
	Steps []Step
	// Deref says the last field holds a pointer to the result: the method
	// returns what it points to, or the zero value when it is nil.
	Deref bool
	// AddressOf says the result is a struct the last field holds by value:
	// the method returns its address.
	AddressOf bool
}

// Step is one field on the way to a member.
type Step struct {
	Field string // Go name
	// Pointer says the field holds a pointer (an optional member), nil when
	// the member is absent.
	Pointer bool
	// Check says the accessor checks the field for nil before it reads
	// through it: a pointer on the way, or the pointer it dereferences.
	Check bool
}

// eventMethods are the methods every generated event type has, which an
// interface method cannot be named after.
var eventMethods = []string{"Family", "Type", "Version", "EventTime", "ArrivalTime", "Validate", "ValidateWith",
	"AppendJSON", "MarshalJSON", "UnmarshalJSON", "UnmarshalJSONWith"}

// interfaces lowers the x-interfaces of every document into Interfaces and
// the Accessors that implement them, once per receiver and method name.
func (b *builder) interfaces(set *load.Set) error {
	accessors := map[accessorKey]*Accessor{}
	for _, doc := range set.Docs {
		for _, li := range doc.Root.Interfaces {
			it, err := b.iface(li)
			if err != nil {
				return err
			}
			for _, lm := range li.Methods {
				m, steps, err := b.method(it, lm)
				if err != nil {
					return err
				}
				it.Methods = append(it.Methods, m)
				if err := b.addAccessors(accessors, it, m, steps, lm.Loc); err != nil {
					return err
				}
			}
			b.pkg.Interfaces = append(b.pkg.Interfaces, it)
		}
	}
	sort.Slice(b.pkg.Interfaces, func(i, j int) bool { return b.pkg.Interfaces[i].Name < b.pkg.Interfaces[j].Name })
	sort.SliceStable(b.pkg.Accessors, func(i, j int) bool {
		return b.pkg.Accessors[i].Receiver.Name < b.pkg.Accessors[j].Receiver.Name
	})
	return nil
}

// iface checks an interface's name and resolves its implementers.
func (b *builder) iface(li *load.Interface) (*Interface, error) {
	failAt := func(format string, args ...any) error {
		return &Error{Loc: li.Loc, Msg: fmt.Sprintf(format, args...)}
	}
	if other, ok := b.byName[li.Name]; ok {
		return nil, failAt("the interface %s has the name of the Go type made by the schema at %s", li.Name, other.Schema.Loc)
	}
	for _, other := range b.pkg.Interfaces {
		if other.Name == li.Name {
			return nil, failAt("a second interface named %s", li.Name)
		}
	}
	it := &Interface{Name: li.Name, Doc: li.Description}
	seen := map[*Type]bool{}
	for _, s := range li.Implementers {
		t := b.types[s]
		switch {
		case t == nil || t.Event == nil:
			return nil, failAt("implementers: the schema at %s is not an event schema (one a family root lists in its oneOf)", s.Loc)
		case seen[t]:
			return nil, failAt("implementers: %s is listed twice", t.Name)
		}
		seen[t] = true
		it.Implementers = append(it.Implementers, t)
	}
	sort.Slice(it.Implementers, func(i, j int) bool { return it.Implementers[i].Name < it.Implementers[j].Name })
	return it, nil
}

type accessorKey struct {
	recv   *Type
	method string
}

// addAccessors records the accessor of m on each implementer of it. Two
// interfaces may share a method, printed once, if it returns the same.
func (b *builder) addAccessors(seen map[accessorKey]*Accessor, it *Interface, m *Method, steps [][]Step, loc load.Location) error {
	for i, impl := range it.Implementers {
		recv := declaring(impl)
		a := &Accessor{Receiver: recv, Shared: recv != impl, Method: m, Steps: steps[i]}
		if n := len(a.Steps); n > 0 {
			last := &a.Steps[n-1]
			a.Deref = last.Pointer && !m.ByAddress
			a.AddressOf = m.ByAddress && !last.Pointer
			last.Check = a.Deref
		}
		k := accessorKey{recv, m.Name}
		if prev, ok := seen[k]; ok {
			if prev.Method.Path != m.Path || prev.Method.Result.Key() != m.Result.Key() || prev.Method.ByAddress != m.ByAddress {
				return &Error{Loc: loc, Msg: fmt.Sprintf("%s.%s returns %s but %s.%s returns %s, and %s can have one method %s only", it.Name, m.Name, m.Path, prev.Method.Interface, m.Name, prev.Method.Path, recv.Name, m.Name)}
			}
			continue
		}
		seen[k] = a
		b.pkg.Accessors = append(b.pkg.Accessors, a)
	}
	return nil
}

// method resolves one method's pointer in every implementer of it, and
// returns the method and, per implementer, the steps to its member.
func (b *builder) method(it *Interface, lm *load.InterfaceMethod) (*Method, [][]Step, error) {
	failAt := func(format string, args ...any) error {
		return &Error{Loc: lm.Loc, Msg: fmt.Sprintf(format, args...)}
	}
	for _, name := range eventMethods {
		if lm.Name == name {
			return nil, nil, failAt("%s.%s: every event already has a method %s; pick another name", it.Name, lm.Name, name)
		}
	}
	m := &Method{Interface: it.Name, Name: lm.Name, Doc: lm.Description, Path: strings.Join(lm.Tokens, ".")}
	steps := make([][]Step, len(it.Implementers))
	var from *Type // the implementer whose member set Result
	for i, t := range it.Implementers {
		for _, f := range fieldsOf(t) {
			if f.Name == lm.Name {
				return nil, nil, failAt("%s.%s: %s has a field %s, and a Go type cannot have a field and a method of one name", it.Name, lm.Name, t.Name, f.Name)
			}
		}
		for e := t; e.Kind == Refined; e = e.Base {
			if e.Base.Name == lm.Name {
				return nil, nil, failAt("%s.%s: %s embeds %s, whose field would hide the method", it.Name, lm.Name, e.Name, e.Base.Name)
			}
		}
		path, leaf, missing, err := walkPointer(t, lm.Tokens)
		if err != nil {
			return nil, nil, failAt("%s.%s: in %s, %s", it.Name, lm.Name, t.Name, err)
		}
		if missing != "" {
			if !lm.Optional {
				return nil, nil, failAt("%s.%s: %s has no member %s (%s); list only events that have it, or mark the method optional", it.Name, lm.Name, t.Name, lm.Pointer, missing)
			}
			continue
		}
		steps[i] = path
		result, byAddress := leaf.Type, isStruct(leaf.Type)
		if m.Result == nil {
			m.Result, m.ByAddress, from = result, byAddress, t
		} else if m.Result.Key() != result.Key() {
			return nil, nil, failAt("%s.%s: %s is %s in %s but %s in %s: a method returns one Go type", it.Name, lm.Name, lm.Pointer, result.Key(), t.Name, m.Result.Key(), from.Name)
		}
	}
	if m.Result == nil {
		return nil, nil, failAt("%s.%s: no implementer has the member %s", it.Name, lm.Name, lm.Pointer)
	}
	switch m.Result.Kind {
	case String, Int64, Float64, Bool, UnixMillis, NumericString, Slice, Map, Nullable:
	case Named:
		if k := m.Result.Named.Kind; k != Struct && k != StringSet {
			return nil, nil, failAt("%s.%s: %s is a %s, which an interface method cannot return (a struct, a value set or a plain value can)", it.Name, lm.Name, lm.Pointer, m.Result.Named.Name)
		}
	}
	return m, steps, nil
}

// walkPointer follows tokens through the fields of t. missing names the
// first member a struct on the way does not declare; err is a path that
// leaves structs before its end.
func walkPointer(t *Type, tokens []string) (steps []Step, leaf *Field, missing string, err error) {
	cur := t
	for i, tok := range tokens {
		var f *Field
		for _, cf := range fieldsOf(cur) {
			if cf.JSONName == tok {
				f = cf
			}
		}
		if f == nil {
			return nil, nil, fmt.Sprintf("%s declares no property %q", cur.Name, tok), nil
		}
		pointer := !f.Required && byPointer(f.Type)
		steps = append(steps, Step{Field: f.Name, Pointer: pointer, Check: pointer})
		if i == len(tokens)-1 {
			return steps, f, "", nil
		}
		if !isStruct(f.Type) {
			return nil, nil, "", fmt.Errorf("%s.%s is not a struct: a pointer goes through objects with properties only", cur.Name, f.Name)
		}
		cur = f.Type.Named
	}
	panic("model: walkPointer with no tokens") // load refuses empty pointers
}

// fieldsOf are the fields of t a pointer can step through: those of the
// struct it embeds, for a refinement.
func fieldsOf(t *Type) []*Field {
	return t.StructFields()
}

// declaring is the type that declares the fields of t: t, or the struct a
// refinement embeds (at any depth).
func declaring(t *Type) *Type {
	for t.Kind == Refined {
		t = t.Base
	}
	return t
}

// byPointer reports whether an optional field of type gt is held by
// pointer; slices and maps tell absent by nil, and a lazy member by its
// Present method.
func byPointer(gt *GoType) bool {
	return gt.Kind != Slice && gt.Kind != Map && !(gt.Kind == Named && gt.Named.Kind == Lazy)
}
