package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/generator/refcheck"
	"github.com/pinpoint-events/pinpoint-events/internal/corpus"
	"github.com/pinpoint-events/pinpoint-events/schema"
)

// refusingLoader fails every load: a bundle must need no other file.
type refusingLoader struct{}

func (refusingLoader) Load(url string) (any, error) {
	return nil, errors.New("the bundle refers outside itself: " + url)
}

// compileAlone compiles a bundle with nothing else to load.
func compileAlone(t *testing.T, name string, bundled []byte) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(bundled))
	if err != nil {
		t.Fatalf("%s: the bundle is not JSON: %v", name, err)
	}
	c := jsonschema.NewCompiler()
	c.UseLoader(refusingLoader{})
	c.AssertFormat()
	c.AssertContent()
	uri := "https://bundle.invalid/" + name + ".json"
	if err := c.AddResource(uri, doc); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	sch, err := c.Compile(uri)
	if err != nil {
		t.Fatalf("%s: the bundle does not compile alone: %v", name, err)
	}
	return sch
}

// Every schema bundles into one that compiles with no loader and judges
// events as the schema files do: the samples, the synthetic events, and a
// corpus with invalid events, against santhosh-tekuri's verdicts on the
// files (refcheck).
func TestBundleJudgesAsTheSchemaFiles(t *testing.T) {
	bundles := map[string]*jsonschema.Schema{} // version + Go type → compiled bundle
	for _, v := range anyevent.Versions() {
		for _, s := range anyevent.Schemas(v) {
			b, err := bundle(schema.FS, producer+"/"+v, s.File, s.Pointer)
			if err != nil {
				t.Fatalf("%s %s: %v", v, s.GoType, err)
			}
			bundles[v+" "+s.GoType] = compileAlone(t, goPackage(v)+"."+s.GoType, b)
		}
	}
	ref, err := refcheck.New("../../schema", refcheck.Options{AssertFormat: true, AssertContent: true})
	if err != nil {
		t.Fatal(err)
	}
	var events [][]byte
	for _, dir := range []string{samples, "../../testdata/synthetic"} {
		paths, _ := filepath.Glob(filepath.Join(dir, "*.json"))
		for _, p := range paths {
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			events = append(events, data)
		}
	}
	events = append(events, corpus.Events(corpus.Options{N: 600, Seed: 7, InvalidShare: 0.3})...)
	judged, invalid := 0, 0
	for i, data := range events {
		route, want, err := ref.Check(data)
		if err != nil || route == nil {
			continue // not an event of a schema here (legacy layouts)
		}
		eventType := eventTypeOf(t, data)
		s, ok := schemaOf(route.Version, eventType)
		if !ok || goPackage(route.Version)+"."+s.GoType != route.GoType {
			t.Errorf("event %d: %s %s: schemaOf gives %s (%v), refcheck %s", i, route.Version, eventType, s.GoType, ok, route.GoType)
			continue
		}
		instance, err := jsonschema.UnmarshalJSON(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		gotErr := bundles[route.Version+" "+s.GoType].Validate(instance)
		if (gotErr == nil) != want.Valid {
			t.Errorf("event %d (%s %s): the bundle says %v, the schema files %v %v\n%.300s", i, route.Version, eventType, gotErr, want.Valid, want.Messages, data)
		}
		judged++
		if !want.Valid {
			invalid++
		}
	}
	t.Logf("%d events judged alike, %d of them invalid", judged, invalid)
	if judged < 500 || invalid < 100 {
		t.Errorf("only %d events judged, %d invalid: the comparison proves little", judged, invalid)
	}
}

func eventTypeOf(t *testing.T, data []byte) string {
	var head struct {
		EventType string `json:"event_type"`
	}
	if err := json.Unmarshal(data, &head); err != nil {
		t.Fatal(err)
	}
	return head.EventType
}

// Recursion, within a file and across files, survives bundling; "$ref"
// where it is a property name or data is left alone.
func TestBundleRecursiveRefs(t *testing.T) {
	fsys := fstest.MapFS{
		"s/a.json": {Data: []byte(`{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://example.test/s/a.json",
  "$defs": {
    "Node": {
      "type": "object",
      "properties": {
        "name": {"$ref": "b.json#/$defs/Name"},
        "children": {"type": "array", "items": {"$ref": "#/$defs/Node"}},
        "other": {"$ref": "b.json#/$defs/Other"},
        "$ref": {"const": {"$ref": "not-a-reference"}}
      }
    }
  }
}`)},
		"s/b.json": {Data: []byte(`{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://example.test/s/b.json",
  "$defs": {
    "Name": {"type": "string", "minLength": 1},
    "Other": {
      "type": "object",
      "properties": {
        "back": {"$ref": "a.json#/$defs/Node"},
        "self": {"$ref": "#/$defs/Other"}
      }
    }
  }
}`)},
	}
	b, err := bundle(fsys, "s", "a.json", "/$defs/Node")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"$ref": "#"`, `"$ref": "#/$defs/b.Name"`, `"$ref": "#/$defs/b.Other"`, `"$ref": "not-a-reference"`, `"b.Other": {`} {
		if !strings.Contains(string(b), want) {
			t.Errorf("the bundle lacks %s:\n%s", want, b)
		}
	}
	sch := compileAlone(t, "recursive", b)
	tests := []struct {
		instance string
		valid    bool
	}{
		{`{"name": "a", "children": [{"name": "b", "children": [{"name": "c"}]}]}`, true},
		{`{"name": "a", "children": [{"name": "b", "children": [{"name": ""}]}]}`, false},
		{`{"other": {"back": {"name": "x"}, "self": {"self": {"back": {"children": [{"name": "y"}]}}}}}`, true},
		{`{"other": {"back": {"name": "x"}, "self": {"self": {"back": {"children": [{"name": 5}]}}}}}`, false},
		{`{"$ref": {"$ref": "not-a-reference"}}`, true},
		{`{"$ref": "not-a-reference"}`, false},
	}
	for _, tt := range tests {
		instance, err := jsonschema.UnmarshalJSON(strings.NewReader(tt.instance))
		if err != nil {
			t.Fatal(err)
		}
		if err := sch.Validate(instance); (err == nil) != tt.valid {
			t.Errorf("%s: %v, want valid %v", tt.instance, err, tt.valid)
		}
	}
}

// A $ref that leads out of the folder, or to nothing, is an error that
// names it, not a bundle that does not compile.
func TestBundleBrokenRefs(t *testing.T) {
	tests := []struct{ ref, errHas string }{
		{"https://elsewhere.test/c.json#/$defs/X", "not a schema file of its folder"},
		{"#/$defs/Missing", `no member "Missing"`},
		{"#anchor", "anchors are not supported"},
	}
	for _, tt := range tests {
		fsys := fstest.MapFS{"s/a.json": {Data: []byte(`{"$id": "https://example.test/s/a.json", "$defs": {"A": {"$ref": "` + tt.ref + `"}}}`)}}
		_, err := bundle(fsys, "s", "a.json", "/$defs/A")
		if err == nil || !strings.Contains(err.Error(), tt.errHas) {
			t.Errorf("$ref %s: %v, want an error with %q", tt.ref, err, tt.errHas)
		}
	}
}

// The bundle schemas show --bundle prints is the one tested above.
func TestSchemasShowBundleEndToEnd(t *testing.T) {
	r := runBinary(t, nil, "schemas", "show", "--bundle", "_email.open")
	if r.exit != exitOK {
		t.Fatalf("exit %d: %s", r.exit, r.stderr)
	}
	sch := compileAlone(t, "email-open", []byte(r.stdout))
	instance, err := jsonschema.UnmarshalJSON(bytes.NewReader(sample(t, "email_open_3.1.json")))
	if err != nil {
		t.Fatal(err)
	}
	if err := sch.Validate(instance); err != nil {
		t.Errorf("the email open sample: %v", err)
	}
}
