package load

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// loadArchive loads the files of a txtar archive, named by their archive
// names.
func loadArchive(t *testing.T, archive string) (*Set, error) {
	t.Helper()
	var files []File
	for _, f := range txtar.Parse([]byte(archive)).Files {
		files = append(files, File{Path: f.Name, Data: f.Data})
	}
	return Load(files)
}

func mustLoad(t *testing.T, archive string) *Set {
	t.Helper()
	set, err := loadArchive(t, archive)
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	return set
}

// The Go field order is the property order of the file, which a
// map[string]any loses: names here are in neither sorted nor reverse order.
func TestPropertyAndDefsOrderIsFileOrder(t *testing.T) {
	set := mustLoad(t, `
-- a.json --
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://example.com/s/a.json",
  "$defs": {
    "Zeta": {"type": "string"},
    "Alpha": {"type": "integer"},
    "Mu": {"type": "boolean"}
  },
  "type": "object",
  "properties": {
    "mid": {"type": "string"},
    "zed": {"type": "string"},
    "alpha": {"type": "string"},
    "beta": {"type": "string"}
  },
  "required": ["zed", "mid"]
}
`)
	root := set.Docs[0].Root
	var props, defs []string
	for _, p := range root.Properties {
		props = append(props, p.Name)
	}
	for _, d := range root.Defs {
		defs = append(defs, d.Name)
	}
	if want := []string{"mid", "zed", "alpha", "beta"}; !reflect.DeepEqual(props, want) {
		t.Errorf("properties = %q, want %q", props, want)
	}
	if want := []string{"Zeta", "Alpha", "Mu"}; !reflect.DeepEqual(defs, want) {
		t.Errorf("$defs = %q, want %q", defs, want)
	}
	if want := []string{"zed", "mid"}; !reflect.DeepEqual(root.Required, want) {
		t.Errorf("required = %q, want %q", root.Required, want)
	}
}

// Every subschema knows its file, line, column (of its first byte) and JSON
// pointer, and its canonical URI.
func TestLocations(t *testing.T) {
	set := mustLoad(t, `
-- schema/a.json --
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://example.com/s/a.json",
  "properties": {
    "a/b": {
      "type": "array",
      "items": {"type": "string"}
    },
    "list": {"anyOf": [{"type": "null"},   {"type": "integer"}]}
  }
}
`)
	root := set.Docs[0].Root
	tests := []struct {
		name   string
		schema *Schema
		loc    string
		uri    string
		goName string
	}{
		{"root", root, "schema/a.json:1:1 (#)", "https://example.com/s/a.json#", ""},
		{"escaped property name", root.Property("a/b"), "schema/a.json:5:12 (#/properties/a~1b)", "https://example.com/s/a.json#/properties/a~1b", "a/b"},
		{"items", root.Property("a/b").Items, "schema/a.json:7:16 (#/properties/a~1b/items)", "https://example.com/s/a.json#/properties/a~1b/items", "items"},
		{"second anyOf member", root.Property("list").AnyOf[1], "schema/a.json:9:44 (#/properties/list/anyOf/1)", "https://example.com/s/a.json#/properties/list/anyOf/1", "1"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.schema.Loc.String(); got != tt.loc {
				t.Errorf("Loc = %s, want %s", got, tt.loc)
			}
			if tt.schema.URI != tt.uri {
				t.Errorf("URI = %s, want %s", tt.schema.URI, tt.uri)
			}
			if got := tt.schema.Name(); got != tt.goName {
				t.Errorf("Name() = %q, want %q", got, tt.goName)
			}
		})
	}
}

// $ref resolves within a file, across files (relative to the $id), into an
// embedded resource with an $id of its own, and through percent-encoding;
// every $ref to one place gets the same *Schema.
func TestRefResolution(t *testing.T) {
	set := mustLoad(t, `
-- a.json --
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://example.com/s/a.json",
  "type": "object",
  "properties": {
    "first": {"$ref": "b.json#/$defs/Name"},
    "second": {"$ref": "https://example.com/s/b.json#/$defs/Name"},
    "local": {"$ref": "#/$defs/With Space"},
    "encoded": {"$ref": "#/$defs/With%20Space"},
    "embedded": {"$ref": "inner.json"},
    "whole": {"$ref": "b.json"}
  },
  "$defs": {
    "With Space": {"type": "integer"},
    "Inner": {"$id": "inner.json", "type": "boolean"}
  }
}
-- b.json --
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://example.com/s/b.json",
  "$defs": {
    "Name": {"type": "string", "minLength": 1}
  }
}
`)
	a, b := set.Docs[0].Root, set.Docs[1].Root
	ref := func(prop string) *Schema { return a.Property(prop).Ref }
	tests := []struct {
		prop string
		want *Schema
	}{
		{"first", b.Defs[0].Schema},
		{"second", b.Defs[0].Schema},
		{"local", a.Defs[0].Schema},
		{"encoded", a.Defs[0].Schema},
		{"embedded", a.Defs[1].Schema},
		{"whole", b},
	}
	for _, tt := range tests {
		if got := ref(tt.prop); got != tt.want {
			t.Errorf("%s: $ref resolved to %v, want the schema at %s", tt.prop, got, tt.want.Loc)
		}
	}
	if got := ref("first").Loc.String(); got != "b.json:5:13 (#/$defs/Name)" {
		t.Errorf("the target's location is %s, want it in b.json", got)
	}
	if got, want := set.Docs[1].URI, "https://example.com/s/b.json"; got != want {
		t.Errorf("Docs[1].URI = %s, want %s", got, want)
	}
}

// A document without $id takes its URI from File.BaseURI, as the
// conformance suite's in-memory schemas do.
func TestBaseURI(t *testing.T) {
	set, err := Load([]File{{
		Path:    "mem",
		BaseURI: "https://example.com/mem/schema.json",
		Data:    []byte(`{"$defs": {"N": {"type": "number"}}, "$ref": "#/$defs/N"}`),
	}})
	if err != nil {
		t.Fatal(err)
	}
	root := set.Docs[0].Root
	if root.Ref != root.Defs[0].Schema {
		t.Errorf("$ref did not resolve against the base URI")
	}
	if got, want := root.Ref.URI, "https://example.com/mem/schema.json#/$defs/N"; got != want {
		t.Errorf("URI = %s, want %s", got, want)
	}
}

// Keywords land in their fields, literals keep their JSON text, and the
// project's x- annotations (schema/README.md) are read.
func TestKeywordsAndAnnotations(t *testing.T) {
	set := mustLoad(t, `
-- a.json --
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://example.com/s/a.json",
  "x-family": "sms",
  "$defs": {
    "Status": {"type": "string", "x-known-values": ["DELIVERED", "PENDING"]},
    "Millis": {"type": "integer", "minimum": 0, "maximum": 9223372036854775807, "x-timestamp": "unix-ms"},
    "Parts": {"type": "string", "x-numeric-string": true, "minLength": 1.0, "maxLength": 20},
    "Endpoint": {"type": "object", "x-lazy": true},
    "Legacy": {"x-format-kind": "legacy"},
    "SES": {"x-format-kind": "foreign", "x-producer": "Amazon SES", "x-envelope": "Amazon SNS notification"},
    "Test": {"x-format-kind": "non-event"},
    "Kind": {"enum": ["a", 1, null, {"b": [true]}]},
    "Version": {"const": "3.1", "description": "The layout's version."},
    "Nothing": false,
    "Anything": true,
    "Text": {"type": ["string", "null"], "contentMediaType": "application/json", "contentEncoding": "base64", "contentSchema": {"type": "object"}}
  }
}
`)
	root := set.Docs[0].Root
	def := func(name string) *Schema {
		for _, d := range root.Defs {
			if d.Name == name {
				return d.Schema
			}
		}
		t.Fatalf("no $defs/%s", name)
		return nil
	}
	check := func(what string, got, want any) {
		t.Helper()
		if !reflect.DeepEqual(got, want) {
			t.Errorf("%s = %#v, want %#v", what, got, want)
		}
	}
	check("x-family", root.Family, "sms")
	check("x-known-values", def("Status").KnownValues, []string{"DELIVERED", "PENDING"})
	check("x-timestamp", def("Millis").Timestamp, "unix-ms")
	check("maximum (kept as written, beyond float64's exact integers)", *def("Millis").Maximum, "9223372036854775807")
	check("x-numeric-string", def("Parts").NumericString, true)
	check("minLength 1.0", *def("Parts").MinLength, 1)
	check("maxLength", *def("Parts").MaxLength, 20)
	check("x-lazy", def("Endpoint").Lazy, true)
	check("x-format-kind legacy", def("Legacy").FormatKind, "legacy")
	check("x-format-kind foreign", def("SES").FormatKind, "foreign")
	check("x-producer", def("SES").Producer, "Amazon SES")
	check("x-envelope", def("SES").Envelope, "Amazon SNS notification")
	check("x-format-kind non-event", def("Test").FormatKind, "non-event")
	check("enum", def("Kind").Enum, []Literal{
		{JSON: `"a"`, Kind: "string", String: "a"},
		{JSON: `1`, Kind: "number"},
		{JSON: `null`, Kind: "null"},
		{JSON: `{"b":[true]}`, Kind: "object"},
	})
	check("const", *def("Version").Const, Literal{JSON: `"3.1"`, Kind: "string", String: "3.1"})
	check("description", def("Version").Description, "The layout's version.")
	check("false is false", def("Nothing").IsFalse(), true)
	check("false is not true", def("Nothing").IsTrue(), false)
	check("true is true", def("Anything").IsTrue(), true)
	text := def("Text")
	check("type", text.Types, []string{"string", "null"})
	check("HasType string", text.HasType("string"), true)
	check("HasType integer", text.HasType("integer"), false)
	check("contentMediaType", text.ContentMediaType, "application/json")
	check("contentEncoding", text.ContentEncoding, "base64")
	check("contentSchema type", text.ContentSchema.Types, []string{"object"})
	check("absent keywords stay nil", def("Status").MinLength == nil && def("Status").Enum == nil && def("Status").Const == nil, true)
}

func TestEmptyEnumIsNotAbsent(t *testing.T) {
	// An empty enum allows nothing; the metaschema of 2020-12 accepts it.
	set := mustLoad(t, `
-- a.json --
{"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/s/a.json", "enum": []}
`)
	if e := set.Docs[0].Root.Enum; e == nil || len(e) != 0 {
		t.Errorf("Enum = %#v, want an empty non-nil slice", e)
	}
}

// Every problem is reported with the file, line, column and pointer of the
// value at fault, and with words that say what to do.
func TestErrors(t *testing.T) {
	const head = `"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/s/a.json",`
	tests := []struct {
		name string
		body string // a.json, after head; the keyword under test is on line 2
		want string
	}{
		// Not JSON, or not one schema document.
		{"malformed JSON", `{"type": }`, "a.json: offset 9: invalid character '}' looking for beginning of value"},
		{"duplicate member", `{"type": "object", "type": "string"}`, `a.json: offset 19: duplicate member "type"`},
		{"two values", `{"$id": "https://example.com/s/a.json"} {}`, "a.json: offset 41: more than one JSON value"},
		{"no $id, no base URI", `{"type": "string"}`, "a.json: the root has no $id and no base URI was given"},

		// The metaschema, through santhosh-tekuri.
		{"type name misspelt", "{" + head + "\n \"type\": \"strnig\"}",
			"a.json:2:10 (#/type): not valid against the 2020-12 metaschema: got string, want array\n" +
				"a.json:2:10 (#/type): not valid against the 2020-12 metaschema: value must be one of 'array', 'boolean', 'integer', 'null', 'number', 'object', 'string'"},
		{"negative minLength", "{" + head + "\n \"minLength\": -1}",
			"a.json:2:15 (#/minLength): not valid against the 2020-12 metaschema: minimum: got -1, want 0"},
		{"property that is not a schema", "{" + head + "\n \"properties\": {\"a\": 5}}",
			"a.json:2:22 (#/properties/a): not valid against the 2020-12 metaschema: got number, want boolean or object"},
		{"pattern Go does not accept", "{" + head + "\n \"pattern\": \"(?=x)\"}",
			"a.json:2:13 (#/pattern): not valid against the 2020-12 metaschema: '(?=x)' is not valid regex: error parsing regexp: invalid or unsupported Perl syntax: `(?=`"},

		// What the generator cannot turn into code.
		{"other draft", `{"$schema": "http://json-schema.org/draft-07/schema#", "$id": "https://example.com/s/a.json"}`,
			`a.json:1:13 (#/$schema): unsupported $schema "http://json-schema.org/draft-07/schema#": only draft 2020-12 (https://json-schema.org/draft/2020-12/schema) is supported`},
		{"unsupported keyword", "{" + head + "\n \"propertyNames\": {}}",
			`a.json:2:19 (#/propertyNames): unsupported keyword "propertyNames": the generator has no code for it`},
		{"$anchor", "{" + head + "\n \"$anchor\": \"x\"}",
			`a.json:2:13 (#/$anchor): unsupported keyword "$anchor": the generator has no code for it`},
		{"unknown x- keyword", "{" + head + "\n \"x-nullable\": true}",
			`a.json:2:16 (#/x-nullable): unsupported keyword "x-nullable": the generator has no code for it`},
		{"contentMediaType", "{" + head + "\n \"contentMediaType\": \"text/csv\"}",
			`a.json:2:22 (#/contentMediaType): contentMediaType "text/csv" is not supported: only application/json is`},
		{"contentEncoding", "{" + head + "\n \"contentEncoding\": \"base32\"}",
			`a.json:2:21 (#/contentEncoding): contentEncoding "base32" is not supported: only base64 is`},

		// References: no schema is ever fetched.
		{"$ref to a file not loaded", "{" + head + "\n \"$ref\": \"other.json\"}",
			`a.json:2:10 (#/$ref): $ref "other.json": no schema at https://example.com/s/other.json# among the loaded files`},
		{"$ref to a remote schema", "{" + head + "\n \"$ref\": \"https://json-schema.org/draft/2020-12/schema\"}",
			`a.json:2:10 (#/$ref): $ref "https://json-schema.org/draft/2020-12/schema": no schema at https://json-schema.org/draft/2020-12/schema# among the loaded files`},
		{"$ref to a missing pointer", "{" + head + "\n \"$ref\": \"#/$defs/Nope\"}",
			`a.json:2:10 (#/$ref): $ref "#/$defs/Nope": no schema at https://example.com/s/a.json#/$defs/Nope among the loaded files`},
		{"$ref to a plain name", "{" + head + "\n \"$ref\": \"#Foo\"}",
			`a.json:2:10 (#/$ref): $ref "#Foo": plain-name fragments need $anchor, which is not supported; use a JSON pointer`},

		// The project's annotations.
		{"x-known-values", "{" + head + "\n \"x-known-values\": [\"a\", 1]}",
			`a.json:2:20 (#/x-known-values): x-known-values lists strings only`},
		{"x-timestamp", "{" + head + "\n \"x-timestamp\": \"unix-s\"}",
			`a.json:2:17 (#/x-timestamp): x-timestamp must be "unix-ms" (milliseconds since the Unix epoch)`},
		{"x-numeric-string", "{" + head + "\n \"x-numeric-string\": \"yes\"}",
			`a.json:2:22 (#/x-numeric-string): x-numeric-string must be a boolean`},
		{"x-lazy", "{" + head + "\n \"x-lazy\": 1}",
			`a.json:2:12 (#/x-lazy): x-lazy must be a boolean`},
		{"x-format-kind", "{" + head + "\n \"x-format-kind\": \"old\"}",
			`a.json:2:19 (#/x-format-kind): x-format-kind must be "legacy", "foreign" or "non-event"`},
		{"x-producer", "{" + head + "\n \"x-producer\": \"\"}",
			`a.json:2:16 (#/x-producer): x-producer must be a non-empty string: the service that wrote the record`},
		{"x-envelope", "{" + head + "\n \"x-envelope\": \"\"}",
			`a.json:2:16 (#/x-envelope): x-envelope must be a non-empty string: the envelope around the producer's record`},
		{"x-family", "{" + head + "\n \"x-family\": \"\"}",
			`a.json:2:14 (#/x-family): x-family must be a non-empty string: the family name`},

		// Several problems: all of them, in line order.
		{"every problem, in line order", "{" + head + "\n \"properties\": {\n  \"b\": {\"frob\": 1},\n  \"a\": {\"x-lazy\": 1}},\n \"x-family\": \"\"}",
			"a.json:3:17 (#/properties/b/frob): unsupported keyword \"frob\": the generator has no code for it\n" +
				"a.json:4:19 (#/properties/a/x-lazy): x-lazy must be a boolean\n" +
				"a.json:5:14 (#/x-family): x-family must be a non-empty string: the family name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set, err := Load([]File{{Path: "a.json", Data: []byte(tt.body)}})
			if err == nil {
				t.Fatalf("Load succeeded with %d documents, want an error", len(set.Docs))
			}
			if got := err.Error(); got != tt.want {
				t.Errorf("error:\n%s\nwant:\n%s", got, tt.want)
			}
		})
	}
}

// Errors are an ErrorList whose elements are *Error values with their
// location as fields, for tools that point an editor at them.
func TestErrorListFields(t *testing.T) {
	_, err := Load([]File{{Path: "a.json", Data: []byte(`{"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/s/a.json",
 "x-lazy": 1}`)}})
	list, ok := err.(ErrorList)
	if !ok || len(list) != 1 {
		t.Fatalf("error is %T %v, want an ErrorList of one", err, err)
	}
	want := Location{File: "a.json", Line: 2, Column: 12, Pointer: "/x-lazy"}
	if list[0].Loc != want {
		t.Errorf("Loc = %+v, want %+v", list[0].Loc, want)
	}
	if list[0].Msg != "x-lazy must be a boolean" {
		t.Errorf("Msg = %q", list[0].Msg)
	}
}

// santhosh-tekuri reports the causes of a metaschema failure in an order
// that varies from run to run (they come from a map); Load's must not, or
// go generate would print its errors differently each time.
func TestMetaschemaErrorsAreSorted(t *testing.T) {
	src := []byte(`{"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/s/a.json",
 "properties": {"a": {"type": 5}, "b": {"minLength": -1}, "c": {"required": "x"}},
 "type": "strnig"}`)
	want := strings.Join([]string{
		"a.json:2:31 (#/properties/a/type): not valid against the 2020-12 metaschema: got number, want array",
		"a.json:2:31 (#/properties/a/type): not valid against the 2020-12 metaschema: value must be one of 'array', 'boolean', 'integer', 'null', 'number', 'object', 'string'",
		"a.json:2:54 (#/properties/b/minLength): not valid against the 2020-12 metaschema: minimum: got -1, want 0",
		"a.json:2:77 (#/properties/c/required): not valid against the 2020-12 metaschema: got string, want array",
		"a.json:3:10 (#/type): not valid against the 2020-12 metaschema: got string, want array",
		"a.json:3:10 (#/type): not valid against the 2020-12 metaschema: value must be one of 'array', 'boolean', 'integer', 'null', 'number', 'object', 'string'",
	}, "\n")
	for i := 0; i < 50; i++ {
		_, err := Load([]File{{Path: "a.json", Data: src}})
		if err == nil {
			t.Fatal("Load succeeded")
		}
		if got := err.Error(); got != want {
			t.Fatalf("run %d:\n%s\nwant:\n%s", i, got, want)
		}
	}
}

// Errors in several files come in file order whatever the order of the
// files given.
func TestErrorsAcrossFiles(t *testing.T) {
	_, err := loadArchive(t, `
-- b.json --
{"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/s/b.json", "x-lazy": 0}
-- a.json --
{"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/s/a.json", "x-lazy": "no"}
`)
	want := "a.json:1:110 (#/x-lazy): x-lazy must be a boolean\nb.json:1:110 (#/x-lazy): x-lazy must be a boolean"
	if err == nil || err.Error() != want {
		t.Errorf("error:\n%v\nwant:\n%s", err, want)
	}
}

func TestSchemaHelpers(t *testing.T) {
	set := mustLoad(t, `
-- a.json --
{"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/s/a.json",
 "type": "object", "properties": {"a": {"type": "string"}, "b~c": {}}, "required": ["b~c"]}
`)
	root := set.Docs[0].Root
	tests := []struct {
		what      string
		got, want any
	}{
		{"Property(a) is a string", root.Property("a").HasType("string"), true},
		{"Property(missing)", root.Property("missing") == nil, true},
		{"IsRequired(b~c)", root.IsRequired("b~c"), true},
		{"IsRequired(a)", root.IsRequired("a"), false},
		{"Name of b~c unescapes ~0", root.Property("b~c").Name(), "b~c"},
		{"HasType with no type keyword", root.Property("b~c").HasType("string"), false},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s = %v, want %v", tt.what, tt.got, tt.want)
		}
	}
}
