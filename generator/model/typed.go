package model

import "fmt"

// A typed check is a function that checks a Go value (a string, int64,
// float64 or bool field, or a slice, map or Nullable of them) against a
// Check without making it a raw value first. nameTypedChecks decides which
// typed checks a package has and names them, before printing, walking the
// fields in the order the printer prints their validators so that the
// names (checkX, checkX2) follow the order of the generated code.

// Scalar is the Go type a value of type t is checked as by a typed check:
// string, int64, float64 or bool; false when t is not a scalar.
func (t *GoType) Scalar() (string, bool) {
	switch t.Kind {
	case String, NumericString:
		return "string", true
	case Int64, UnixMillis:
		return "int64", true
	case Float64:
		return "float64", true
	case Bool:
		return "bool", true
	case Named:
		switch t.Named.Kind {
		case StringSet, EmbeddedJSON:
			return "string", true
		}
	}
	return "", false
}

// HasMethodCheck reports whether a value of type t is checked through its
// own validate method: a struct, a refinement or a lazy struct.
func (t *GoType) HasMethodCheck() bool {
	return t.Kind == Named && (t.Named.Kind == Struct || t.Named.Kind == Refined || t.Named.Kind == Lazy)
}

func typedKey(c *Check, goType string) string { return c.Source + "\x00" + goType }

// Typed returns the name of the typed check of c for a Go value of type
// goType (a scalar, or a container's GoType.Key): "" when there is nothing
// to check. It panics when nameTypedChecks did not decide it: the printer
// and the model walked the fields differently.
func (cs *Checks) Typed(c *Check, goType string) string {
	name, ok := cs.typed[typedKey(c, goType)]
	if !ok {
		panic(fmt.Sprintf("model: the typed check of %s for %s was not decided before printing", c.Source, goType))
	}
	return name
}

// TypedRef returns the typed check that the typed check of c for goType
// calls for c's $ref: "" when it calls none (nothing to check there, or a
// $ref cycle that leads back to a check being decided).
func (cs *Checks) TypedRef(c *Check, goType string) string {
	return cs.typedRef[typedKey(c, goType)]
}

// nameTypedChecks decides and names the typed checks of pkg's struct and
// refinement validators.
func (pkg *Package) nameTypedChecks() {
	cs := pkg.Checks
	for _, t := range pkg.Types {
		switch t.Kind {
		case Struct:
			for _, f := range t.Fields {
				cs.fieldCall(f.Type)
			}
		case Refined:
			cs.refinementTyped(t.Refine)
		}
	}
}

func (cs *Checks) refinementTyped(r *Refinement) {
	for _, rf := range r.Fields {
		if rf.Const != nil || rf.Enum {
			if sc, ok := rf.Field.Type.Scalar(); ok {
				cs.typedCheck(rf.Check, sc)
			}
		}
		if rf.Inner != nil {
			cs.refinementTyped(rf.Inner)
		}
	}
}

// fieldCall reports whether a value of type gt has something to check.
func (cs *Checks) fieldCall(gt *GoType) bool {
	if gt.HasMethodCheck() {
		return true
	}
	if sc, ok := gt.Scalar(); ok {
		return cs.typedCheck(gt.Checks[0], sc) != ""
	}
	return cs.containerCheck(gt) != ""
}

// typedCheck decides the typed check of c for the Go scalar goType: it is
// that of the first check along c's $ref chain with a keyword that applies
// (TypedTarget), named after the checks it calls.
func (cs *Checks) typedCheck(c *Check, goType string) string {
	if c = c.TypedTarget(goType); c == nil {
		return ""
	}
	key := typedKey(c, goType)
	if n, ok := cs.typed[key]; ok {
		return n
	}
	cs.typed[key] = "" // a $ref cycle of scalars that leads back checks nothing more
	if c.Ref != nil {
		cs.typedRef[key] = cs.typedCheck(c.Ref, goType)
	}
	n := UniqueName(cs.funcs, "check"+c.Suffix)
	cs.typed[key] = n
	return n
}

// containerCheck decides the typed check of a slice, map or Nullable of
// type gt: "" when neither its own keywords nor its elements check
// anything.
func (cs *Checks) containerCheck(gt *GoType) string {
	head := gt.Checks[0]
	key := typedKey(head, gt.Key())
	if n, ok := cs.typed[key]; ok {
		return n
	}
	cs.typed[key] = ""
	checks := false
	switch gt.Kind {
	case Nullable:
		sc, ok := gt.Elem.Scalar()
		if !ok {
			panic("model: nullable of a non-scalar type")
		}
		checks = cs.typedCheck(head, sc) != ""
		checks = head.hasFunc() && !head.NullNeedsNoCheck() || checks
	case Slice, Map:
		for _, c := range gt.Checks {
			checks = c.containerKeywords(gt.Kind) || checks
		}
		checks = cs.fieldCall(gt.Elem) || checks
	}
	if !checks {
		return ""
	}
	n := UniqueName(cs.funcs, "check"+head.Suffix)
	cs.typed[key] = n
	return n
}

// containerKeywords reports whether c has a keyword that applies to a
// slice (kind Slice) or map as a whole.
func (c *Check) containerKeywords(kind GoKind) bool {
	if kind == Slice && (c.MinItems != nil || c.MaxItems != nil || c.UniqueItems) {
		return true
	}
	if kind == Map && (c.MinProperties != nil || c.MaxProperties != nil) {
		return true
	}
	return (c.Const != nil || c.Enum != nil || c.HasComposition()) && c.hasFunc()
}

// hasFunc reports whether c has a validator (Func is not nil) without
// naming it: raw validators are named in the order they are printed.
func (c *Check) hasFunc() bool {
	if c.resolved {
		return c.fn != nil
	}
	return !c.set.Of(forwardTarget(c.schema)).Accepts
}
