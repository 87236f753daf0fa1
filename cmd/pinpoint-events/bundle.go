package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
)

// bundle returns the schema at pointer of file, in the folder dir of fsys,
// as one self-contained draft 2020-12 schema: every schema its $refs lead
// to, directly or not, is copied into its $defs under a name made of the
// file and the pointer (common.UnixMillis for common.json#/$defs/UnixMillis),
// and every $ref points there; a $ref back to the schema itself points to
// "#", so recursion survives. $refs are resolved against the $id of the
// file they stand in, as a validator would.
func bundle(fsys fs.FS, dir, file, pointer string) ([]byte, error) {
	b := &bundler{names: map[schemaAt]string{}, files: map[string]any{}, byID: map[string]string{}, ids: map[string]*url.URL{}}
	if err := b.load(fsys, dir); err != nil {
		return nil, err
	}
	root := schemaAt{file, pointer}
	b.names[root] = ""
	rootSchema, err := b.at(root)
	if err != nil {
		return nil, err
	}
	// Names of the root's own $defs, if it has any, are taken.
	if obj, ok := rootSchema.(jsonObject); ok {
		if own, ok := obj.get("$defs").(jsonObject); ok {
			for _, m := range own {
				b.taken = append(b.taken, m.Name)
			}
		}
	}
	top, ok := b.copyTarget(root, rootSchema).(jsonObject)
	if b.err != nil {
		return nil, b.err
	}
	if !ok {
		return nil, fmt.Errorf("%s#%s is not a schema object", file, pointer)
	}
	var ownDefs jsonObject
	top = slices.DeleteFunc(top, func(m jsonMember) bool {
		if m.Name != "$defs" {
			return false
		}
		ownDefs, _ = m.Value.(jsonObject)
		return true
	})
	var defs jsonObject
	for len(b.queue) > 0 {
		t := b.queue[0]
		b.queue = b.queue[1:]
		s, err := b.at(t)
		if err != nil {
			return nil, err
		}
		defs = append(defs, jsonMember{b.names[t], b.copyTarget(t, s)})
		if b.err != nil {
			return nil, b.err
		}
	}
	slices.SortFunc(defs, func(x, y jsonMember) int { return strings.Compare(x.Name, y.Name) })
	out := jsonObject{{"$schema", "https://json-schema.org/draft/2020-12/schema"}}
	if !top.has("$comment") {
		out = append(out, jsonMember{"$comment", fmt.Sprintf("schema/%s/%s#%s with the schemas it refers to in $defs (pinpoint-events schemas show --bundle)", dir, file, pointer)})
	}
	out = append(out, top...)
	if all := append(ownDefs, defs...); len(all) > 0 {
		out = append(out, jsonMember{"$defs", all})
	}
	var buf bytes.Buffer
	writeJSON(&buf, out, "")
	return buf.Bytes(), nil
}

// schemaAt is a schema in a file: the file's name and a JSON pointer.
type schemaAt struct{ file, pointer string }

type bundler struct {
	files map[string]any      // file name → parsed document
	ids   map[string]*url.URL // file name → its base URI ($id)
	byID  map[string]string   // base URI → file name
	names map[schemaAt]string // a schema copied into the bundle → its name in $defs ("" for the root)
	taken []string            // names in use
	queue []schemaAt          // schemas named but not yet copied
	err   error               // the first error met while copying
}

// load reads every JSON file of dir: a $ref may lead to any of them.
func (b *bundler) load(fsys fs.FS, dir string) error {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		data, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			return err
		}
		doc, err := parseJSON(data)
		if err != nil {
			return fmt.Errorf("%s: %w", e.Name(), err)
		}
		// A file without $id has the base URI of its place in the folder.
		id := "bundle:///" + path.Join(dir, e.Name())
		if obj, ok := doc.(jsonObject); ok {
			if s, ok := obj.get("$id").(string); ok {
				id = s
			}
		}
		base, err := url.Parse(id)
		if err != nil {
			return fmt.Errorf("%s: $id: %w", e.Name(), err)
		}
		base.Fragment = ""
		b.files[e.Name()], b.ids[e.Name()], b.byID[base.String()] = doc, base, e.Name()
	}
	return nil
}

// at returns the schema a schemaAt designates.
func (b *bundler) at(t schemaAt) (any, error) {
	node, ok := b.files[t.file]
	if !ok {
		return nil, fmt.Errorf("no schema file %s", t.file)
	}
	if t.pointer == "" {
		return node, nil
	}
	if !strings.HasPrefix(t.pointer, "/") {
		return nil, fmt.Errorf("%s#%s: not a JSON pointer (anchors are not supported)", t.file, t.pointer)
	}
	for _, tok := range strings.Split(t.pointer[1:], "/") {
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		switch n := node.(type) {
		case jsonObject:
			if !n.has(tok) {
				return nil, fmt.Errorf("%s#%s: no member %q", t.file, t.pointer, tok)
			}
			node = n.get(tok)
		case []any:
			i, err := strconv.Atoi(tok)
			if err != nil || i < 0 || i >= len(n) {
				return nil, fmt.Errorf("%s#%s: no element %q", t.file, t.pointer, tok)
			}
			node = n[i]
		default:
			return nil, fmt.Errorf("%s#%s: %q is inside a scalar", t.file, t.pointer, tok)
		}
	}
	return node, nil
}

// refTo resolves a $ref found in file and returns the $ref that points to
// the same schema in the bundle, naming the schema (and queueing it for
// copying) the first time it is met.
func (b *bundler) refTo(file, ref string) string {
	u, err := url.Parse(ref)
	if err != nil {
		b.fail(fmt.Errorf("%s: $ref %q: %w", file, ref, err))
		return ref
	}
	target := b.ids[file].ResolveReference(u)
	fragment := target.Fragment
	target.Fragment = ""
	targetFile, ok := b.byID[target.String()]
	if !ok {
		b.fail(fmt.Errorf("%s: $ref %q leads to %s, which is not a schema file of its folder", file, ref, target))
		return ref
	}
	t := schemaAt{targetFile, fragment}
	name, ok := b.names[t]
	if !ok {
		name = b.newName(t)
		b.names[t] = name
		b.queue = append(b.queue, t)
	}
	if name == "" {
		return "#"
	}
	return "#/$defs/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(name)
}

// newName names a schema in the bundle's $defs: the file's name without
// .json, then the pointer without its $defs steps, joined by dots.
func (b *bundler) newName(t schemaAt) string {
	parts := []string{strings.TrimSuffix(t.file, ".json")}
	for _, tok := range strings.Split(strings.TrimPrefix(t.pointer, "/"), "/") {
		if tok != "" && tok != "$defs" {
			parts = append(parts, tok)
		}
	}
	name := strings.Join(parts, ".")
	for i := 2; slices.Contains(b.taken, name); i++ {
		name = strings.Join(parts, ".") + "." + strconv.Itoa(i)
	}
	b.taken = append(b.taken, name)
	return name
}

func (b *bundler) fail(err error) {
	if b.err == nil {
		b.err = err
	}
}

// Keywords whose values are data, not schemas: a "$ref" inside them is not
// a reference.
var dataKeywords = []string{"const", "enum", "default", "examples", "required", "dependentRequired"}

// Keywords whose values map names to schemas: the names are not keywords.
var schemaMapKeywords = []string{"$defs", "definitions", "properties", "patternProperties", "dependentSchemas"}

// copyTarget copies a schema of file t.file into the bundle. Its $id and
// $schema go: the bundle has one base URI and one dialect.
func (b *bundler) copyTarget(t schemaAt, s any) any {
	if obj, ok := s.(jsonObject); ok {
		s = slices.DeleteFunc(slices.Clone(obj), func(m jsonMember) bool { return m.Name == "$id" || m.Name == "$schema" })
	}
	return b.copySchema(t.file, s)
}

// copySchema copies a schema (or a value that holds schemas, such as the
// array of allOf) with its $refs rewritten.
func (b *bundler) copySchema(file string, node any) any {
	switch n := node.(type) {
	case jsonObject:
		out := make(jsonObject, 0, len(n))
		for _, m := range n {
			v := m.Value
			switch {
			case m.Name == "$ref":
				if ref, ok := v.(string); ok {
					v = b.refTo(file, ref)
				}
			case m.Name == "$id", m.Name == "$anchor", m.Name == "$dynamicRef", m.Name == "$dynamicAnchor":
				b.fail(fmt.Errorf("%s: %s inside a schema is not supported by --bundle", file, m.Name))
			case slices.Contains(dataKeywords, m.Name), strings.HasPrefix(m.Name, "x-"):
				// kept as it is
			case slices.Contains(schemaMapKeywords, m.Name):
				if schemas, ok := v.(jsonObject); ok {
					copied := make(jsonObject, len(schemas))
					for i, s := range schemas {
						copied[i] = jsonMember{s.Name, b.copySchema(file, s.Value)}
					}
					v = copied
				}
			default:
				v = b.copySchema(file, v)
			}
			out = append(out, jsonMember{m.Name, v})
		}
		return out
	case []any:
		out := make([]any, len(n))
		for i, e := range n {
			out[i] = b.copySchema(file, e)
		}
		return out
	}
	return node
}

// jsonObject is a JSON object that keeps the order of its members, which a
// schema's reader relies on (and this project's generator, for the order of
// Go fields).
type jsonObject []jsonMember

type jsonMember struct {
	Name  string
	Value any // jsonObject, []any, string, json.Number, bool or nil
}

func (o jsonObject) has(name string) bool {
	return slices.ContainsFunc(o, func(m jsonMember) bool { return m.Name == name })
}

func (o jsonObject) get(name string) any {
	for _, m := range o {
		if m.Name == name {
			return m.Value
		}
	}
	return nil
}

// parseJSON parses one JSON document, keeping the order of members and
// numbers as they are written.
func parseJSON(data []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	v, err := parseValue(d)
	if err != nil {
		return nil, err
	}
	if _, err := d.Token(); !errors.Is(err, io.EOF) {
		return nil, fmt.Errorf("data after the document at byte offset %d", d.InputOffset())
	}
	return v, nil
}

func parseValue(d *json.Decoder) (any, error) {
	tok, err := d.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		obj := jsonObject{}
		for d.More() {
			name, err := d.Token()
			if err != nil {
				return nil, err
			}
			v, err := parseValue(d)
			if err != nil {
				return nil, err
			}
			obj = append(obj, jsonMember{name.(string), v})
		}
		_, err := d.Token()
		return obj, err
	case json.Delim('['):
		arr := []any{}
		for d.More() {
			v, err := parseValue(d)
			if err != nil {
				return nil, err
			}
			arr = append(arr, v)
		}
		_, err := d.Token()
		return arr, err
	}
	return tok, nil
}

// writeJSON writes v indented by two spaces, members in order, without
// escaping <, > and & as json.Marshal does (patterns use them).
func writeJSON(w *bytes.Buffer, v any, indent string) {
	inner := indent + "  "
	switch n := v.(type) {
	case jsonObject:
		if len(n) == 0 {
			w.WriteString("{}")
			return
		}
		w.WriteString("{\n")
		for i, m := range n {
			w.WriteString(inner)
			writeString(w, m.Name)
			w.WriteString(": ")
			writeJSON(w, m.Value, inner)
			if i < len(n)-1 {
				w.WriteByte(',')
			}
			w.WriteByte('\n')
		}
		w.WriteString(indent + "}")
	case []any:
		if len(n) == 0 {
			w.WriteString("[]")
			return
		}
		w.WriteString("[\n")
		for i, e := range n {
			w.WriteString(inner)
			writeJSON(w, e, inner)
			if i < len(n)-1 {
				w.WriteByte(',')
			}
			w.WriteByte('\n')
		}
		w.WriteString(indent + "]")
	case string:
		writeString(w, n)
	case json.Number:
		w.WriteString(n.String())
	case bool:
		w.WriteString(strconv.FormatBool(n))
	case nil:
		w.WriteString("null")
	}
}

func writeString(w *bytes.Buffer, s string) {
	e := json.NewEncoder(w)
	e.SetEscapeHTML(false)
	e.Encode(s)             // a string always encodes
	w.Truncate(w.Len() - 1) // Encode's newline
}
