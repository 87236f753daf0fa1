package refcheck

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"
)

// testdata/schema holds one producer version (acme 1.0) with an event
// schema for two event types and a catch-all for the event types that do
// not start with an underscore: small, and free of Pinpoint's schemas, so
// that these tests say what refcheck does rather than what the schemas are.
const (
	thingURI  = "https://example.com/acme/1.0/thing.json#/$defs/ThingEvent"
	customURI = "https://example.com/acme/1.0/thing.json#/$defs/CustomEvent"
)

func newChecker(t *testing.T, opts Options) *Checker {
	t.Helper()
	c, err := New(filepath.Join("testdata", "schema"), opts)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// Check routes by event_version and event_type as the generated dispatcher
// does, and reports the failing places as sorted, RFC 6901-escaped
// pointers: "" for the event itself (a missing member), the member's
// pointer otherwise. anyOf and contentSchema fail where they stand, not at
// their failed attempts.
func TestCheck(t *testing.T) {
	const valid = `"event_timestamp":1,"arrival_timestamp":2,"event_version":"1.0"`
	tests := []struct {
		name     string
		event    string
		opts     Options
		route    string // SchemaURI of the route; "" for none
		valid    bool
		pointers []string
		messages []string
	}{
		{
			name:  "valid",
			event: `{"event_type":"_thing.made",` + valid + `}`,
			route: thingURI, valid: true,
		},
		{
			name:  "second event type of the same schema",
			event: `{"event_type":"_thing.broken",` + valid + `,"tags":["a"],"level":12}`,
			route: thingURI, valid: true,
		},
		{
			name:  "the catch-all takes an event type no schema lists",
			event: `{"event_type":"pageView",` + valid + `}`,
			route: customURI, valid: true,
		},
		{
			name:     "every violation, sorted by pointer",
			event:    `{"event_type":"_thing.made","event_timestamp":-1,"event_version":"1.0","code":"abcd","tags":["a",1,"c"],"level":5,"a/b~c":"x"}`,
			route:    thingURI,
			pointers: []string{"", "/a~1b~0c", "/code", "/event_timestamp", "/level", "/tags", "/tags/1"},
			messages: []string{
				"/a~1b~0c: got string, want integer",
				"/code: 'abcd' does not match pattern '^[A-Z]{3}$'",
				"/event_timestamp: minimum: got -1, want 0",
				"/level: 'anyOf' failed",
				"/tags/1: got number, want string",
				"/tags: maxItems: got 3, want 2",
				": missing property 'arrival_timestamp'",
			},
		},
		{
			name:  "format and content are annotations by default",
			event: `{"event_type":"_thing.made",` + valid + `,"contact":"nobody","doc":"{\"n\":3}"}`,
			route: thingURI, valid: true,
		},
		{
			name:     "AssertFormat",
			event:    `{"event_type":"_thing.made",` + valid + `,"contact":"nobody","doc":"{\"n\":3}"}`,
			opts:     Options{AssertFormat: true},
			route:    thingURI,
			pointers: []string{"/contact"},
			messages: []string{"/contact: 'nobody' is not valid email: missing @"},
		},
		{
			name:     "AssertContent",
			event:    `{"event_type":"_thing.made",` + valid + `,"contact":"nobody","doc":"{\"n\":3}"}`,
			opts:     Options{AssertContent: true},
			route:    thingURI,
			pointers: []string{"/doc"},
			messages: []string{"/doc: 'contentSchema' failed"},
		},
		{
			name:     "AssertContent, a document that is no JSON",
			event:    `{"event_type":"_thing.made",` + valid + `,"doc":"{"}`,
			opts:     Options{AssertContent: true},
			route:    thingURI,
			pointers: []string{"/doc"},
			messages: []string{"/doc: value is not of mediatype 'application/json': unexpected EOF"},
		},
		{name: "an event type no schema covers", event: `{"event_type":"_other",` + valid + `}`},
		{name: "a version no schema covers", event: `{"event_type":"_thing.made","event_version":"2.0"}`},
		{name: "no event_version", event: `{"event_type":"_thing.made"}`},
		{name: "event_type not a string", event: `{"event_type":7,"event_version":"1.0"}`},
		{name: "not an object", event: `[1]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			route, res, err := newChecker(t, tt.opts).Check([]byte(tt.event))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if route != nil {
				got = route.SchemaURI
			}
			if got != tt.route {
				t.Fatalf("route = %q, want %q", got, tt.route)
			}
			if res.Valid != tt.valid {
				t.Errorf("Valid = %v, want %v", res.Valid, tt.valid)
			}
			if !reflect.DeepEqual(res.Pointers, tt.pointers) {
				t.Errorf("Pointers = %q\nwant       %q", res.Pointers, tt.pointers)
			}
			if !reflect.DeepEqual(res.Messages, tt.messages) {
				t.Errorf("Messages = %q\nwant       %q", res.Messages, tt.messages)
			}
		})
	}
}

func TestCheckErrors(t *testing.T) {
	c := newChecker(t, Options{})
	tests := []struct {
		name   string
		event  string
		target error // matched with errors.Is; nil for any error
	}{
		{"malformed JSON", `{"event_type":`, nil},
		// big.Rat refuses exponents beyond ±10,000,000: the reference
		// cannot judge such a number, so the comparison is skipped.
		{"number beyond the reference", `{"event_type":"_thing.made","event_version":"1.0","weight":1e10000000}`, ErrBeyondReference},
		{"beyond the reference, nested", `{"event_type":"_thing.made","event_version":"1.0","tags":[{"x":-1E-10000001}]}`, ErrBeyondReference},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			route, _, err := c.Check([]byte(tt.event))
			if err == nil {
				t.Fatalf("Check routed to %v and returned no error", route)
			}
			if tt.target != nil && !errors.Is(err, tt.target) {
				t.Errorf("error %v, want %v", err, tt.target)
			}
		})
	}
}

func TestRoute(t *testing.T) {
	c := newChecker(t, Options{})
	tests := []struct {
		version, eventType string
		goType             string // "" for no route
	}{
		{"1.0", "_thing.made", "v1p0.ThingEvent"},
		{"1.0", "_thing.broken", "v1p0.ThingEvent"},
		{"1.0", "custom", "v1p0.CustomEvent"},
		{"1.0", "_thing.lost", ""},
		{"1.1", "_thing.made", ""},
	}
	for _, tt := range tests {
		r, err := c.Route(tt.version, tt.eventType)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		if r != nil {
			got = r.GoType
		}
		if got != tt.goType {
			t.Errorf("Route(%q, %q) = %q, want %q", tt.version, tt.eventType, got, tt.goType)
		}
	}
	if n := len(c.Routes()); n != 2 {
		t.Errorf("Routes() has %d routes, want 2", n)
	}
}

func TestCompile(t *testing.T) {
	c := newChecker(t, Options{})
	a, err := c.Compile(thingURI)
	if err != nil {
		t.Fatal(err)
	}
	b, err := c.Compile(thingURI)
	if err != nil {
		t.Fatal(err)
	}
	if a != b {
		t.Error("Compile compiled the same schema twice")
	}
	if _, err := c.Compile("https://example.com/acme/1.0/missing.json"); err == nil {
		t.Error("Compile of a schema that is not loaded succeeded: it must never be fetched")
	}
}

func TestNewErrors(t *testing.T) {
	noID := t.TempDir()
	dir := filepath.Join(noID, "acme", "1.0")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "thing.json"), []byte(`{"x-family": "thing", "oneOf": []}`), 0o644); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name, dir string
	}{
		{"no such folder", filepath.Join(t.TempDir(), "missing")},
		{"a schema without $id", noID},
	}
	for _, tt := range tests {
		if _, err := New(tt.dir, Options{}); err == nil {
			t.Errorf("%s: New succeeded", tt.name)
		}
	}
}

// pointerFromKeywords works around a bug of santhosh-tekuri v6, whose
// contentSchema errors can carry another member's instance location: the
// pointer is rebuilt from the keyword location.
func TestPointerFromKeywords(t *testing.T) {
	tests := []struct {
		kwLoc    string
		reported []string
		want     string
	}{
		{
			"/properties/client_context/properties/custom/properties/endpoint/contentSchema",
			[]string{"device", "platform", "endpoint"}, // what v6 reported
			"/client_context/custom/endpoint",
		},
		{"/properties/a~1b/properties/c~0d", nil, "/a~1b/c~0d"},
		{"/properties/list/items/properties/x", []string{"list", "7", "x"}, "/list/7/x"},
		{"/properties/m/additionalProperties/contentSchema", []string{"m", "key/with slash"}, "/m/key~1with slash"},
		{"/properties/m/patternProperties/^a/contentSchema", []string{"m", "abc"}, "/m/abc"},
		{"/prefixItems/1/contentSchema", []string{"1"}, "/1"},
		{"/$ref/properties/doc/contentSchema", []string{"doc"}, "/doc"},
		{"", nil, ""},
	}
	for _, tt := range tests {
		if got := pointerFromKeywords(tt.kwLoc, tt.reported); got != tt.want {
			t.Errorf("pointerFromKeywords(%q, %q) = %q, want %q", tt.kwLoc, tt.reported, got, tt.want)
		}
	}
}

func TestPointer(t *testing.T) {
	tests := []struct {
		tokens []string
		want   string
	}{
		{nil, ""},
		{[]string{""}, "/"},
		{[]string{"a", "0"}, "/a/0"},
		{[]string{"a/b", "~c"}, "/a~1b/~0c"},
		{[]string{"~/"}, "/~0~1"},
		{[]string{"a b"}, "/a b"}, // not percent-encoded: a pointer, not a URI fragment
	}
	for _, tt := range tests {
		if got := pointer(tt.tokens); got != tt.want {
			t.Errorf("pointer(%q) = %q, want %q", tt.tokens, got, tt.want)
		}
	}
}

// Validate, unlike Check, takes the instance as it is; where v6 panics (a
// number beyond big.Rat's exponent range under minimum), the panic becomes
// ErrReferencePanic.
func TestValidateRecoversThePanic(t *testing.T) {
	c := newChecker(t, Options{})
	instance := map[string]any{
		"event_type":        "_thing.made",
		"event_timestamp":   json.Number("1"),
		"arrival_timestamp": json.Number("2"),
		"event_version":     "1.0",
		"weight":            json.Number("1e10000000"),
	}
	_, err := c.Validate(thingURI, instance)
	if !errors.Is(err, ErrReferencePanic) {
		t.Errorf("Validate: %v, want ErrReferencePanic", err)
	}
}
