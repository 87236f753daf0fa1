package load

import (
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

// File is one schema document to load.
type File struct {
	// Path names the file in errors, e.g. "schema/pinpoint/3.1/campaign.json".
	Path string
	Data []byte
	// BaseURI is the document's URI when its root has no $id.
	BaseURI string
}

// Document is a loaded schema file.
type Document struct {
	Path string
	// URI is the document's base URI: its $id, else File.BaseURI.
	URI  string
	Root *Schema
}

// Set is a group of documents loaded together, whose $refs resolve among them.
type Set struct {
	Docs []*Document // in the order given
}

// Error is a problem with a schema, at a place in a file.
type Error struct {
	Loc Location
	Msg string
}

func (e *Error) Error() string { return e.Loc.String() + ": " + e.Msg }

// ErrorList holds every problem found, in file and line order.
type ErrorList []*Error

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

// Load parses, checks and links the files. The error, if any, is an
// ErrorList or a parse error naming the file.
func Load(files []File) (*Set, error) {
	l := &loader{index: map[string]*entry{}, built: map[*node]*Schema{}}
	docs := make([]*docState, 0, len(files))
	for _, f := range files {
		root, err := parseNode(f.Data)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", f.Path, err)
		}
		base := f.BaseURI
		if root.kind == objectNode {
			if id := root.member("$id"); id != nil && id.kind == stringNode {
				resolved, err := resolveURI(base, id.str)
				if err != nil {
					return nil, fmt.Errorf("%s: $id: %w", f.Path, err)
				}
				base = resolved
			}
		}
		if base == "" {
			return nil, fmt.Errorf("%s: the root has no $id and no base URI was given", f.Path)
		}
		base = stripFragment(base)
		d := &docState{file: f, root: root, uri: base}
		docs = append(docs, d)
		l.walk(d, root, "", base, base, "")
	}
	// Metaschema violations come first: the rest of the loader assumes
	// well-formed keywords. Other reference errors (an unresolved $ref) are
	// reported by the loader's own pass when it can say where they stand.
	refErr := compileWithReference(docs)
	if list, ok := refErr.(ErrorList); ok && list.metaschema() {
		return nil, refErr
	}
	set := &Set{}
	for _, d := range docs {
		set.Docs = append(set.Docs, &Document{Path: d.file.Path, URI: d.uri, Root: l.build(l.index[d.uri+"#"])})
	}
	if len(l.errs) > 0 {
		l.errs.sort()
		return nil, l.errs
	}
	if refErr != nil {
		return nil, refErr
	}
	return set, nil
}

// sort puts the list in file, line and column order. The message breaks
// ties, so that the order does not depend on the order problems were found
// in: santhosh-tekuri's causes come from a map and vary from run to run.
func (l ErrorList) sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i].Loc, l[j].Loc
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Column != b.Column {
			return a.Column < b.Column
		}
		return l[i].Msg < l[j].Msg
	})
}

// metaschemaPrefix starts the message of a metaschema violation.
const metaschemaPrefix = "not valid against the 2020-12 metaschema: "

func (l ErrorList) metaschema() bool {
	for _, e := range l {
		if strings.HasPrefix(e.Msg, metaschemaPrefix) {
			return true
		}
	}
	return false
}

// compileWithReference hands every document to santhosh-tekuri/jsonschema,
// which checks it against the 2020-12 metaschema and resolves its $refs. No
// loader is installed: a $ref outside the given files is an error, never a
// download.
func compileWithReference(docs []*docState) error {
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	c.UseLoader(refusingLoader{})
	for _, d := range docs {
		if err := c.AddResource(d.uri, d.root.toAny()); err != nil {
			return fmt.Errorf("%s: %w", d.file.Path, err)
		}
	}
	var errs ErrorList
	for _, d := range docs {
		if _, err := c.Compile(d.uri); err != nil {
			errs = append(errs, referenceErrors(d, err)...)
		}
	}
	if len(errs) > 0 {
		errs.sort()
		return errs
	}
	return nil
}

type refusingLoader struct{}

func (refusingLoader) Load(u string) (any, error) {
	return nil, fmt.Errorf("%s is not one of the schema files being loaded (remote references are not fetched)", u)
}

// referenceErrors turns a santhosh-tekuri compile error into located errors.
func referenceErrors(d *docState, err error) ErrorList {
	var sve *jsonschema.SchemaValidationError
	if errors.As(err, &sve) {
		var verr *jsonschema.ValidationError
		if errors.As(sve.Err, &verr) {
			var out ErrorList
			for _, leaf := range leaves(verr) {
				ptr := ""
				for _, tok := range leaf.InstanceLocation {
					ptr += "/" + escapePointerToken(tok)
				}
				n, lerr := lookupPointer(d.root, ptr)
				if lerr != nil {
					n = d.root
				}
				out = append(out, &Error{Loc: d.loc(n, ptr), Msg: metaschemaPrefix + leaf.ErrorKind.LocalizedString(englishPrinter)})
			}
			return out
		}
	}
	return ErrorList{{Loc: d.loc(d.root, ""), Msg: err.Error()}}
}

func leaves(e *jsonschema.ValidationError) []*jsonschema.ValidationError {
	if len(e.Causes) == 0 {
		return []*jsonschema.ValidationError{e}
	}
	var out []*jsonschema.ValidationError
	for _, c := range e.Causes {
		out = append(out, leaves(c)...)
	}
	return out
}

type docState struct {
	file File
	root *node
	uri  string
}

func (d *docState) loc(n *node, ptr string) Location {
	line, col := lineCol(d.file.Data, n.offset)
	return Location{File: d.file.Path, Line: line, Column: col, Pointer: ptr}
}

// entry is a schema position known to the loader.
type entry struct {
	doc  *docState
	n    *node
	ptr  string // JSON pointer within the document
	base string // base URI in effect at this schema (after its own $id)
}

type loader struct {
	index map[string]*entry // absolute URI with pointer fragment -> schema
	built map[*node]*Schema
	errs  ErrorList
}

func (l *loader) fail(e *entry, ptr string, format string, args ...any) {
	n, err := lookupPointer(e.doc.root, ptr)
	if err != nil {
		n = e.n
	}
	l.errs = append(l.errs, &Error{Loc: e.doc.loc(n, ptr), Msg: fmt.Sprintf(format, args...)})
}

// Keywords whose values are schemas, and how they hold them.
var (
	singleSchemaKeywords = []string{"additionalProperties", "items", "not", "if", "then", "else", "contentSchema"}
	schemaListKeywords   = []string{"allOf", "anyOf", "oneOf", "prefixItems"}
	schemaMapKeywords    = []string{"$defs", "properties", "patternProperties"}
)

// walk indexes every schema position under n: by its place in the document,
// and by its place in the nearest resource ($id) that holds it.
func (l *loader) walk(d *docState, n *node, ptr, base, resURI, resPtr string) {
	if n.kind == objectNode {
		if id := n.member("$id"); id != nil && id.kind == stringNode && ptr != "" {
			if resolved, err := resolveURI(base, id.str); err == nil {
				base = stripFragment(resolved)
				resURI, resPtr = base, ""
			}
		}
	}
	e := &entry{doc: d, n: n, ptr: ptr, base: base}
	l.index[d.uri+"#"+ptr] = e
	l.index[resURI+"#"+resPtr] = e
	if n.kind != objectNode {
		return
	}
	for i, k := range n.keys {
		v := n.vals[i]
		switch {
		case contains(singleSchemaKeywords, k):
			l.walk(d, v, ptr+"/"+escapePointerToken(k), base, resURI, resPtr+"/"+escapePointerToken(k))
		case contains(schemaListKeywords, k) && v.kind == arrayNode:
			for j, item := range v.items {
				tok := "/" + escapePointerToken(k) + "/" + strconv.Itoa(j)
				l.walk(d, item, ptr+tok, base, resURI, resPtr+tok)
			}
		case contains(schemaMapKeywords, k) && v.kind == objectNode:
			for j, name := range v.keys {
				tok := "/" + escapePointerToken(k) + "/" + escapePointerToken(name)
				l.walk(d, v.vals[j], ptr+tok, base, resURI, resPtr+tok)
			}
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// build turns an indexed schema position into a *Schema, once.
func (l *loader) build(e *entry) *Schema {
	if s, ok := l.built[e.n]; ok {
		return s
	}
	s := &Schema{Loc: e.doc.loc(e.n, e.ptr), URI: e.doc.uri + "#" + e.ptr}
	l.built[e.n] = s
	n := e.n
	switch n.kind {
	case boolNode:
		b := n.boolV
		s.Bool = &b
		return s
	case objectNode:
	default:
		l.fail(e, e.ptr, "a schema must be an object or a boolean, not a %s", n.kind)
		return s
	}
	child := func(ptr string, sub *node) *Schema {
		ce := l.index[e.doc.uri+"#"+ptr]
		if ce == nil || ce.n != sub {
			ce = &entry{doc: e.doc, n: sub, ptr: ptr, base: e.base}
		}
		return l.build(ce)
	}
	for i, k := range n.keys {
		v := n.vals[i]
		kptr := e.ptr + "/" + escapePointerToken(k)
		switch k {
		case "$schema":
			if v.kind == stringNode && v.str != "https://json-schema.org/draft/2020-12/schema" {
				l.fail(e, kptr, "unsupported $schema %q: only draft 2020-12 (https://json-schema.org/draft/2020-12/schema) is supported", v.str)
			}
		case "$id", "$comment", "default", "examples", "deprecated", "readOnly", "writeOnly":
		case "title":
			s.Title = v.str
		case "description":
			s.Description = v.str
		case "type":
			if v.kind == stringNode {
				s.Types = []string{v.str}
			} else {
				for _, t := range v.items {
					s.Types = append(s.Types, t.str)
				}
			}
		case "const":
			lit := literal(v)
			s.Const = &lit
		case "enum":
			s.Enum = []Literal{} // an empty enum allows nothing; nil means absent
			for _, item := range v.items {
				s.Enum = append(s.Enum, literal(item))
			}
		case "format":
			s.Format = v.str
		case "$ref":
			s.Ref = l.resolveRef(e, kptr, v.str)
		case "$defs":
			for j, name := range v.keys {
				s.Defs = append(s.Defs, &Def{Name: name, Schema: child(kptr+"/"+escapePointerToken(name), v.vals[j])})
			}
		case "properties":
			for j, name := range v.keys {
				s.Properties = append(s.Properties, &Property{Name: name, Schema: child(kptr+"/"+escapePointerToken(name), v.vals[j])})
			}
		case "patternProperties":
			for j, pat := range v.keys {
				if _, err := regexp.Compile(pat); err != nil {
					l.fail(e, kptr, "patternProperties: %q is not a regular expression Go accepts: %v", pat, err)
				}
				s.PatternProperties = append(s.PatternProperties, &PatternProperty{Pattern: pat, Schema: child(kptr+"/"+escapePointerToken(pat), v.vals[j])})
			}
		case "required":
			for _, item := range v.items {
				s.Required = append(s.Required, item.str)
			}
		case "dependentRequired":
			for j, name := range v.keys {
				dep := &Dependency{Property: name}
				for _, item := range v.vals[j].items {
					dep.Required = append(dep.Required, item.str)
				}
				s.DependentRequired = append(s.DependentRequired, dep)
			}
		case "additionalProperties":
			s.AdditionalProperties = child(kptr, v)
		case "items":
			s.Items = child(kptr, v)
		case "not":
			s.Not = child(kptr, v)
		case "if":
			s.If = child(kptr, v)
		case "then":
			s.Then = child(kptr, v)
		case "else":
			s.Else = child(kptr, v)
		case "contentSchema":
			s.ContentSchema = child(kptr, v)
		case "prefixItems", "allOf", "anyOf", "oneOf":
			var list []*Schema
			for j, item := range v.items {
				list = append(list, child(kptr+"/"+strconv.Itoa(j), item))
			}
			switch k {
			case "prefixItems":
				s.PrefixItems = list
			case "allOf":
				s.AllOf = list
			case "anyOf":
				s.AnyOf = list
			case "oneOf":
				s.OneOf = list
			}
		case "minProperties", "maxProperties", "minItems", "maxItems", "minLength", "maxLength":
			n, ok := nonNegativeInt(v)
			if !ok {
				l.fail(e, kptr, "%s must be a non-negative integer that fits an int", k)
				continue
			}
			switch k {
			case "minProperties":
				s.MinProperties = &n
			case "maxProperties":
				s.MaxProperties = &n
			case "minItems":
				s.MinItems = &n
			case "maxItems":
				s.MaxItems = &n
			case "minLength":
				s.MinLength = &n
			case "maxLength":
				s.MaxLength = &n
			}
		case "uniqueItems":
			s.UniqueItems = v.boolV
		case "pattern":
			if _, err := regexp.Compile(v.str); err != nil {
				l.fail(e, kptr, "pattern %q is not a regular expression Go accepts: %v", v.str, err)
			}
			p := v.str
			s.Pattern = &p
		case "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf":
			lit := v.str
			switch k {
			case "minimum":
				s.Minimum = &lit
			case "maximum":
				s.Maximum = &lit
			case "exclusiveMinimum":
				s.ExclusiveMinimum = &lit
			case "exclusiveMaximum":
				s.ExclusiveMaximum = &lit
			case "multipleOf":
				s.MultipleOf = &lit
			}
		case "contentMediaType":
			s.ContentMediaType = v.str
			if v.str != "application/json" {
				l.fail(e, kptr, "contentMediaType %q is not supported: only application/json is", v.str)
			}
		case "contentEncoding":
			s.ContentEncoding = v.str
			if v.str != "base64" {
				l.fail(e, kptr, "contentEncoding %q is not supported: only base64 is", v.str)
			}
		case "x-known-values":
			for _, item := range v.items {
				if item.kind != stringNode {
					l.fail(e, kptr, "x-known-values lists strings only")
					break
				}
				s.KnownValues = append(s.KnownValues, item.str)
			}
		case "x-timestamp":
			if v.kind != stringNode || v.str != "unix-ms" {
				l.fail(e, kptr, `x-timestamp must be "unix-ms" (milliseconds since the Unix epoch)`)
			}
			s.Timestamp = v.str
		case "x-numeric-string":
			if v.kind != boolNode {
				l.fail(e, kptr, "x-numeric-string must be a boolean")
			}
			s.NumericString = v.boolV
		case "x-lazy":
			if v.kind != boolNode {
				l.fail(e, kptr, "x-lazy must be a boolean")
			}
			s.Lazy = v.boolV
		case "x-format-kind":
			if v.kind != stringNode || (v.str != "legacy" && v.str != "foreign" && v.str != "non-event") {
				l.fail(e, kptr, `x-format-kind must be "legacy", "foreign" or "non-event"`)
			}
			s.FormatKind = v.str
		case "x-producer":
			if v.kind != stringNode || v.str == "" {
				l.fail(e, kptr, "x-producer must be a non-empty string: the service that wrote the record")
			}
			s.Producer = v.str
		case "x-envelope":
			if v.kind != stringNode || v.str == "" {
				l.fail(e, kptr, "x-envelope must be a non-empty string: the envelope around the producer's record")
			}
			s.Envelope = v.str
		case "x-dispatcher", "x-type-member", "x-version-member", "x-time-member", "x-arrival-member":
			if v.kind != stringNode || v.str == "" {
				l.fail(e, kptr, "%s must be a non-empty string", k)
			}
			if s.ProducerInfo == nil {
				s.ProducerInfo = map[string]string{}
			}
			s.ProducerInfo[k] = v.str
		case "x-family":
			if v.kind != stringNode || v.str == "" {
				l.fail(e, kptr, "x-family must be a non-empty string: the family name")
			}
			s.Family = v.str
		case "x-interfaces":
			s.Interfaces = l.interfaces(e, kptr, v)
		default:
			l.fail(e, kptr, "unsupported keyword %q: the generator has no code for it", k)
		}
	}
	return s
}

func literal(n *node) Literal {
	lit := Literal{JSON: n.compactJSON(), Kind: n.kind.String()}
	if n.kind == stringNode {
		lit.String = n.str
	}
	return lit
}

func nonNegativeInt(n *node) (int, bool) {
	if n.kind != numberNode {
		return 0, false
	}
	// The metaschema allows 2 and 2.0 alike.
	lit := strings.TrimSuffix(strings.TrimRight(n.str, "0"), ".")
	if !strings.Contains(n.str, ".") {
		lit = n.str
	}
	i, err := strconv.Atoi(lit)
	return i, err == nil && i >= 0
}

// resolveRef finds the schema a $ref names.
func (l *loader) resolveRef(e *entry, ptr, ref string) *Schema {
	abs, err := resolveURI(e.base, ref)
	if err != nil {
		l.fail(e, ptr, "$ref %q: %v", ref, err)
		return nil
	}
	resource, frag, _ := strings.Cut(abs, "#")
	frag, err = url.PathUnescape(frag)
	if err != nil {
		l.fail(e, ptr, "$ref %q: bad percent-encoding in the fragment", ref)
		return nil
	}
	if frag != "" && frag[0] != '/' {
		l.fail(e, ptr, "$ref %q: plain-name fragments need $anchor, which is not supported; use a JSON pointer", ref)
		return nil
	}
	if target := l.index[resource+"#"+frag]; target != nil {
		return l.build(target)
	}
	// A pointer into a resource that passes through non-schema members.
	if res := l.index[resource+"#"]; res != nil {
		if n, err := lookupPointer(res.n, frag); err == nil {
			return l.build(&entry{doc: res.doc, n: n, ptr: res.ptr + frag, base: res.base})
		}
	}
	l.fail(e, ptr, "$ref %q: no schema at %s among the loaded files", ref, abs)
	return nil
}

func resolveURI(base, ref string) (string, error) {
	r, err := url.Parse(ref)
	if err != nil {
		return "", err
	}
	if base == "" {
		return r.String(), nil
	}
	b, err := url.Parse(base)
	if err != nil {
		return "", err
	}
	out := b.ResolveReference(r).String()
	if !strings.Contains(out, "#") {
		out += "#"
	}
	return out, nil
}

func stripFragment(u string) string {
	u, _, _ = strings.Cut(u, "#")
	return u
}

// englishPrinter words the reference validator's messages.
var englishPrinter = message.NewPrinter(language.English)
