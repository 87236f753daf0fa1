package model

import "github.com/pinpoint-events/pinpoint-events/generator/load"

// lowerChecks lowers, before anything is printed, the schema of every type,
// field, container, event type and refinement of pkg to the Check the
// printer reads (Type.Check, Field.Check, GoType.Checks, Event.TypeCheck,
// RefinedField.Check), in pkg.Checks: the printer reads Checks and never a
// schema.
func (pkg *Package) lowerChecks() {
	cs := NewChecks()
	pkg.Checks = cs
	seen := map[*GoType]bool{}
	var goType func(gt *GoType)
	goType = func(gt *GoType) {
		if gt == nil || seen[gt] {
			return
		}
		seen[gt] = true
		gt.Checks = cs.ofAll(gt.Chain)
		goType(gt.Elem)
	}
	for _, t := range pkg.Types {
		t.Check = cs.Of(t.Schema)
		t.Additional = cs.Of(t.AdditionalProperties)
		for _, f := range t.Fields {
			f.Check = cs.Of(f.Schema)
			goType(f.Type)
		}
		goType(t.Target)
		if t.Event != nil {
			t.Event.TypeCheck = cs.Of(t.Event.EventTypeSchema)
		}
		lowerRefinement(cs, t.Refine)
	}
	pkg.nameTypedChecks()
	pkg.nameValidators()
}

func lowerRefinement(cs *Checks, r *Refinement) {
	if r == nil {
		return
	}
	for _, rf := range r.Fields {
		rf.Check = cs.Of(rf.Schema)
		lowerRefinement(cs, rf.Inner)
	}
}

func (cs *Checks) ofAll(schemas []*load.Schema) []*Check {
	out := make([]*Check, len(schemas))
	for i, s := range schemas {
		out[i] = cs.Of(s)
	}
	return out
}

// lowerFormats lowers the schema of every format the dispatcher recognizes
// into p.Checks.
func (p *Producer) lowerFormats() {
	p.Checks = NewChecks()
	for _, f := range p.Formats {
		f.Check = p.Checks.Of(f.Schema)
	}
	p.nameFormats()
}

// Root is a schema lowered for a package of raw-value validators, under a
// name: what the conformance runner prints.
type Root struct {
	Name  string
	Check *Check
}

// NamedSchema is a schema under a name, for LowerRoots.
type NamedSchema struct {
	Name   string
	Schema *load.Schema
}

// LowerRoots lowers schemas that are not part of a producer's model into
// one set of Checks, for a package of raw-value validators.
func LowerRoots(schemas []NamedSchema) (*Checks, []Root) {
	cs := NewChecks()
	roots := make([]Root, len(schemas))
	for i, s := range schemas {
		roots[i] = Root{Name: s.Name, Check: cs.Of(s.Schema)}
	}
	for _, r := range roots {
		r.Check.Func()
	}
	cs.nameQueued()
	return cs, roots
}
