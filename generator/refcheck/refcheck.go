// Package refcheck validates events with the reference validator,
// github.com/santhosh-tekuri/jsonschema/v6, against the same schemas and with
// the same routing (the version and type members each producer file names)
// as the generated code. Tests
// and `make check` use it to hold the generated validators to the reference.
package refcheck

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/santhosh-tekuri/jsonschema/v6/kind"
	"golang.org/x/text/language"
	"golang.org/x/text/message"

	"github.com/pinpoint-events/pinpoint-events/generator"
)

// Options choose the annotation keywords the reference asserts.
type Options struct {
	AssertFormat, AssertContent bool
}

// Checker validates events against the schemas of a schema folder.
type Checker struct {
	routes   []generator.Route
	compiler *jsonschema.Compiler
	compiled map[string]*jsonschema.Schema
}

// New loads every schema under schemaDir (<producer>/<version>/*.json).
func New(schemaDir string, opts Options) (*Checker, error) {
	routes, err := generator.Routes(generator.Config{SchemaDir: schemaDir, ImportPath: "reference"})
	if err != nil {
		return nil, err
	}
	c := jsonschema.NewCompiler()
	c.DefaultDraft(jsonschema.Draft2020)
	if opts.AssertFormat {
		c.AssertFormat()
	}
	if opts.AssertContent {
		c.AssertContent()
	}
	paths, err := filepath.Glob(filepath.Join(schemaDir, "*", "*", "*.json"))
	if err != nil {
		return nil, err
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
		id, _ := doc.(map[string]any)["$id"].(string)
		if id == "" {
			return nil, fmt.Errorf("%s: no $id", p)
		}
		if err := c.AddResource(id, doc); err != nil {
			return nil, fmt.Errorf("%s: %w", p, err)
		}
	}
	return &Checker{routes: routes, compiler: c, compiled: map[string]*jsonschema.Schema{}}, nil
}

// Compile returns the reference's compiled schema at uri.
func (c *Checker) Compile(uri string) (*jsonschema.Schema, error) {
	sch, ok := c.compiled[uri]
	if !ok {
		var err error
		if sch, err = c.compiler.Compile(uri); err != nil {
			return nil, err
		}
		c.compiled[uri] = sch
	}
	return sch, nil
}

// Routes returns every event schema with its routing.
func (c *Checker) Routes() []generator.Route { return c.routes }

// Route returns the route of an event, or nil when no schema covers it.
func (c *Checker) Route(version, eventType string) (*generator.Route, error) {
	var catchall *generator.Route
	for i := range c.routes {
		r := &c.routes[i]
		if r.Version != version {
			continue
		}
		for _, t := range r.EventTypes {
			if t == eventType {
				return r, nil
			}
		}
		if r.EventTypeURI != "" {
			catchall = r
		}
	}
	if catchall != nil {
		res, err := c.Validate(catchall.EventTypeURI, eventType)
		if err != nil {
			return nil, err
		}
		if res.Valid {
			return catchall, nil
		}
	}
	return nil, nil
}

// Result is the reference's verdict on an instance.
type Result struct {
	Valid bool
	// Pointers is the sorted set of instance locations that fail: the leaves
	// of the reference's error tree, except that anyOf, oneOf, not and
	// contentSchema count as failing where they stand (their own causes are
	// failed attempts, not faults of the instance).
	Pointers []string
	// Messages are the leaf errors, as the reference words them.
	Messages []string
}

// ErrReferencePanic is returned when the reference validator panics, as v6
// does on numbers beyond big.Rat's exponent range under minimum, maximum
// and multipleOf.
var ErrReferencePanic = errors.New("the reference validator panicked")

// ErrBeyondReference is returned for an instance that holds a number the
// reference cannot represent: v6 reads numbers with big.Rat, which refuses
// exponents beyond ±10,000,000, and then calls 1e10000000 a non-integer.
// The generated validators are exact there; the two cannot be compared.
var ErrBeyondReference = errors.New("the instance holds a number beyond the reference validator's exponent range")

// beyondReference reports whether v holds such a number.
func beyondReference(v any) bool {
	switch v := v.(type) {
	case json.Number:
		_, ok := new(big.Rat).SetString(string(v))
		return !ok
	case map[string]any:
		for _, x := range v {
			if beyondReference(x) {
				return true
			}
		}
	case []any:
		for _, x := range v {
			if beyondReference(x) {
				return true
			}
		}
	}
	return false
}

// Validate checks an instance (as jsonschema.UnmarshalJSON gives it) against
// the schema at uri.
func (c *Checker) Validate(uri string, instance any) (res Result, err error) {
	sch, err := c.Compile(uri)
	if err != nil {
		return res, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", ErrReferencePanic, r)
		}
	}()
	verr := sch.Validate(instance)
	if verr == nil {
		return Result{Valid: true}, nil
	}
	var ve *jsonschema.ValidationError
	if !errors.As(verr, &ve) {
		return res, verr
	}
	set := map[string]bool{}
	for _, l := range leaves(ve) {
		set[l.pointer] = true
		res.Messages = append(res.Messages, l.pointer+": "+l.err.ErrorKind.LocalizedString(englishPrinter))
	}
	for p := range set {
		res.Pointers = append(res.Pointers, p)
	}
	sort.Strings(res.Pointers)
	sort.Strings(res.Messages)
	return res, nil
}

// Check routes an event and validates it; route is nil when no schema covers
// the event (then res is empty).
func (c *Checker) Check(data []byte) (route *generator.Route, res Result, err error) {
	instance, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
	if err != nil {
		return nil, res, err
	}
	if beyondReference(instance) {
		return nil, res, ErrBeyondReference
	}
	obj, _ := instance.(map[string]any)
	// Each producer names its own version and type members.
	tried := map[[2]string]bool{}
	for _, r := range c.routes {
		members := [2]string{r.VersionMember, r.TypeMember}
		if tried[members] {
			continue
		}
		tried[members] = true
		version, okVersion := obj[r.VersionMember].(string)
		eventType, okType := obj[r.TypeMember].(string)
		if !okVersion || !okType {
			continue
		}
		route, err = c.Route(version, eventType)
		if err != nil {
			return nil, res, err
		}
		if route != nil {
			res, err = c.Validate(route.SchemaURI, instance)
			return route, res, err
		}
	}
	return nil, res, nil
}

// leaf is a failing place found by the reference.
type leaf struct {
	pointer string
	err     *jsonschema.ValidationError
}

// leaves flattens the reference's error tree. It follows the keyword
// locations the way santhosh-tekuri's own output does, to work around a bug
// of v6: a contentSchema error keeps a slice of the validator's instance
// path that later siblings overwrite, so its InstanceLocation can name
// another member (/device/platform/endpoint for
// /client_context/custom/endpoint). Its pointer is rebuilt from the keyword
// location instead: each properties/NAME step is the member NAME.
func leaves(e *jsonschema.ValidationError) []leaf {
	var out []leaf
	var walk func(e *jsonschema.ValidationError, schemaURL, kwLoc string)
	walk = func(e *jsonschema.ValidationError, schemaURL, kwLoc string) {
		if schemaURL != "" && strings.HasPrefix(e.SchemaURL, schemaURL) {
			kwLoc += e.SchemaURL[len(schemaURL):]
		}
		if ref, ok := e.ErrorKind.(*kind.Reference); ok {
			if schemaURL != "" {
				kwLoc += "/" + ref.Keyword
			}
			schemaURL = ref.URL
		} else {
			schemaURL = e.SchemaURL
		}
		switch e.ErrorKind.(type) {
		case *kind.ContentSchema:
			out = append(out, leaf{pointer: pointerFromKeywords(kwLoc, e.InstanceLocation), err: e})
			return
		case *kind.AnyOf, *kind.OneOf, *kind.Not:
			out = append(out, leaf{pointer: pointer(e.InstanceLocation), err: e})
			return
		}
		if len(e.Causes) == 0 {
			out = append(out, leaf{pointer: pointer(e.InstanceLocation), err: e})
			return
		}
		for _, c := range e.Causes {
			walk(c, schemaURL, kwLoc)
		}
	}
	walk(e, "", "")
	return out
}

// pointerFromKeywords rebuilds an instance pointer from a keyword location:
// properties/NAME is member NAME, prefixItems/I is element I; for other
// steps into an instance (items, additionalProperties, patternProperties)
// the token of the reported location at that depth is kept.
func pointerFromKeywords(kwLoc string, reported []string) string {
	segs := strings.Split(strings.TrimPrefix(kwLoc, "/"), "/")
	var toks []string
	for i := 0; i < len(segs); i++ {
		switch segs[i] {
		case "properties", "prefixItems":
			if i+1 < len(segs) {
				toks = append(toks, strings.NewReplacer("~1", "/", "~0", "~").Replace(segs[i+1]))
				i++
			}
		case "items", "additionalProperties", "patternProperties":
			if len(toks) < len(reported) {
				toks = append(toks, reported[len(toks)])
			}
			if segs[i] == "patternProperties" {
				i++
			}
		}
	}
	return pointer(toks)
}

func pointer(tokens []string) string {
	var b strings.Builder
	for _, t := range tokens {
		b.WriteByte('/')
		b.WriteString(strings.NewReplacer("~", "~0", "/", "~1").Replace(t))
	}
	return b.String()
}

// englishPrinter words the reference validator's messages.
var englishPrinter = message.NewPrinter(language.English)
