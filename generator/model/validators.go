package model

// Raw validators are named on first reference (Check.Func): a validator's
// name can depend on which of two equal schemas is met first, and the
// order of the validators in the generated files is that of their names.
// The passes below make those references before printing, in the order
// the printer prints them (the event type switch, then each struct's
// fields and members table, then each validator in turn), so that every
// validator is named before printing and Validators lists them in the
// order they are printed. After them the set is sealed: a validator named
// while printing is a printer that walks what the model did not.

// Validators returns the raw validators to print, in order.
func (cs *Checks) Validators() []*Check { return cs.queue }

// nameValidators names the raw validators of pkg.
func (pkg *Package) nameValidators() {
	cs := pkg.Checks
	if ca := pkg.Catchall; ca != nil {
		ca.TypeCheck.Func() // New
	}
	for _, fam := range pkg.Families { // ValidateJSON's switch
		for _, ev := range fam.Events {
			if len(ev.EventTypes) > 0 {
				ev.Type.Check.Func()
			}
		}
	}
	if ca := pkg.Catchall; ca != nil {
		ca.TypeCheck.Func()
		ca.Type.Check.Func()
	}
	met := map[string]bool{} // typed checks, by typedKey
	for _, t := range pkg.Types {
		switch t.Kind {
		case Struct:
			for _, f := range t.Fields {
				cs.refField(f.Type, met)
			}
			refMembersTable(t)
		case Refined:
			cs.refRefinement(t.Refine, met)
		}
	}
	cs.nameQueued()
}

// nameFormats names the validators of the formats the dispatcher
// recognizes.
func (p *Producer) nameFormats() {
	for _, f := range p.Formats {
		if f.Kind != FormatNonEvent {
			f.Check.Func()
		}
	}
	p.Checks.nameQueued()
}

// nameQueued makes the references of each validator named so far, in
// turn, which names those it calls; then it seals the set.
func (cs *Checks) nameQueued() {
	for i := 0; i < len(cs.queue); i++ {
		cs.queue[i].refValidator()
	}
	cs.sealed = true
}

// refField refers to what the check of a field of type gt calls.
func (cs *Checks) refField(gt *GoType, met map[string]bool) {
	if gt.HasMethodCheck() {
		return
	}
	if sc, ok := gt.Scalar(); ok {
		cs.refTyped(gt.Checks[0], sc, met)
		return
	}
	head := gt.Checks[0]
	if key := typedKey(head, gt.Key()); met[key] {
		return
	} else {
		met[key] = true
	}
	switch gt.Kind {
	case Nullable:
		sc, _ := gt.Elem.Scalar()
		cs.refTyped(head, sc, met)
		head.Func()
	case Slice, Map:
		for _, c := range gt.Checks {
			if c.Const != nil || c.Enum != nil || c.HasComposition() {
				c.Func()
			}
		}
		cs.refField(gt.Elem, met)
	}
}

// refTyped refers to what the typed check of c for the Go scalar goType
// calls, the first time it is met.
func (cs *Checks) refTyped(c *Check, goType string, met map[string]bool) {
	if c = c.TypedTarget(goType); c == nil {
		return
	}
	key := typedKey(c, goType)
	if met[key] {
		return
	}
	met[key] = true
	if c.False {
		return
	}
	if c.Ref != nil {
		cs.refTyped(c.Ref, goType, met)
	}
	if goType == "string" {
		c.refContent()
	}
	if c.HasComposition() {
		c.refComposition()
	}
}

// refMembersTable refers to the validators of a struct's members table.
func refMembersTable(t *Type) {
	if c := t.Check.Func(); c != nil && c.PropertiesTable() != "" {
		c.refPropertiesTable()
		return
	}
	for _, f := range t.Fields {
		f.Check.Func()
	}
	if add := t.Additional; add != nil && !add.False {
		add.Func()
	}
}

func (cs *Checks) refRefinement(r *Refinement, met map[string]bool) {
	for _, rf := range r.Fields {
		if rf.Const != nil || rf.Enum {
			sc, _ := rf.Field.Type.Scalar()
			cs.refTyped(rf.Check, sc, met)
			rf.Check.Func()
		}
		if rf.Inner != nil {
			cs.refRefinement(rf.Inner, met)
		}
	}
}

// refValidator refers to what the validator of c calls, keyword by keyword.
func (c *Check) refValidator() {
	if c.False {
		return
	}
	c.Ref.Func()
	if c.allows("object") {
		loop := c.Properties != nil || c.PatternProperties != nil || c.Additional != nil
		switch {
		case c.PropertiesTable() != "":
			c.refPropertiesTable()
		case loop:
			for _, p := range c.Properties {
				p.Check.Func()
			}
			for _, p := range c.PatternProperties {
				p.Check.Func()
			}
			if c.Additional != nil && !c.Closed {
				c.Additional.Func()
			}
		}
	}
	if c.allows("array") {
		c.Items.Func()
		for _, p := range c.PrefixItems {
			p.Func()
		}
	}
	if c.allows("string") {
		c.refContent()
	}
	c.refComposition()
}

func (c *Check) refPropertiesTable() {
	for _, p := range c.Properties {
		p.Check.Func()
	}
	if !c.Closed {
		c.Additional.Func()
	}
}

func (c *Check) refContent() {
	if c.ContentMediaType != "" {
		c.ContentSchema.Func()
	}
}

func (c *Check) refComposition() {
	c.Not.Func()
	for _, s := range c.AllOf {
		s.Func()
	}
	for _, s := range c.AnyOf {
		s.Func()
	}
	for _, s := range c.OneOf {
		s.Func()
	}
	if c.hasIf {
		c.If.Func()
		c.Then.Func()
		c.Else.Func()
	}
}

// allows reports whether a value of the JSON kind (object, array, string)
// gets past c's type keyword.
func (c *Check) allows(kind string) bool {
	if len(c.Types) == 0 {
		return true
	}
	for _, t := range c.Types {
		if t == kind {
			return true
		}
	}
	return false
}
