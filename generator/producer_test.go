package generator_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/generator"
)

// camelSchemas is a producer whose events name their members in camelCase,
// as AWS End User Messaging's SMS and voice events do: nothing in the
// generator may assume Pinpoint's event_type and event_version.
var camelSchemas = map[string]string{
	"smsvoice/producer.json": `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://example.com/smsvoice/producer.json",
  "title": "AWS End User Messaging SMS and voice",
  "x-dispatcher": "anysms",
  "x-version-member": "eventVersion",
  "x-type-member": "eventType",
  "x-time-member": "eventTimestamp",
  "x-arrival-member": "receivedTimestamp"
}`,
	"smsvoice/2.0/message.json": `{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://example.com/smsvoice/2.0/message.json",
  "x-family": "message",
  "oneOf": [{"$ref": "#/$defs/MessageEvent"}],
  "$defs": {
    "Millis": {"type": "integer", "x-timestamp": "unix-ms"},
    "MessageEvent": {
      "description": "A text message changed state.",
      "type": "object",
      "properties": {
        "eventType": {"description": "The state.", "enum": ["TEXT_DELIVERED", "TEXT_BLOCKED"]},
        "eventVersion": {"description": "The layout.", "const": "2.0"},
        "eventTimestamp": {"description": "When.", "$ref": "#/$defs/Millis"},
        "receivedTimestamp": {"description": "When it arrived.", "$ref": "#/$defs/Millis"}
      },
      "required": ["eventType", "eventVersion", "eventTimestamp", "receivedTimestamp"]
    }
  }
}`,
}

// TestProducerMembers generates the packages of a camelCase producer and
// checks that the members, title and dispatcher its producer file names are
// the ones the generated code reads and says.
func TestProducerMembers(t *testing.T) {
	dir := t.TempDir()
	for name, text := range camelSchemas {
		p := filepath.Join(dir, "schema", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	files, err := generate(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ file, want string }{
		{"anysms/decode.go", "// Package anysms decodes AWS End User Messaging SMS and voice events of every\n// eventVersion"},
		{"anysms/decode.go", `codec.ReadHead(data, "eventVersion", "eventType")`},
		{"anysms/decode.go", `rawcheck.ParseEvent(data, "eventVersion", "eventType")`},
		{"smsvoice/v2p0/package.go", `whose eventVersion is "2.0"`},
		{"smsvoice/v2p0/package.go", `TypeTextDelivered = "TEXT_DELIVERED"`},
		{"smsvoice/v2p0/message.go", "// Type returns the eventType member.\nfunc (v *MessageEvent) Type() string {\n\treturn v.EventType\n}"},
		{"smsvoice/v2p0/message.go", "// ArrivalTime returns receivedTimestamp as a time.Time.\nfunc (v *MessageEvent) ArrivalTime() time.Time {\n\treturn v.ReceivedTimestamp.Time()\n}"},
	} {
		got, ok := files[tc.file]
		if !ok {
			t.Errorf("%s: not generated", tc.file)
			continue
		}
		if !strings.Contains(string(got), tc.want) {
			t.Errorf("%s does not contain\n%s", tc.file, tc.want)
		}
	}
	// The runtime's module and package are pinpoint-events and
	// pinpointevents; any other mention is Pinpoint leaking in.
	runtime := strings.NewReplacer("pinpoint-events", "", "pinpointevents", "")
	for name, data := range files {
		if text := strings.ToLower(runtime.Replace(string(data))); strings.Contains(text, "pinpoint") {
			t.Errorf("%s names Pinpoint", name)
		}
	}

	wd, _ := os.Getwd()
	if err := os.Chdir(dir); err != nil {
		t.Fatal(err)
	}
	defer os.Chdir(wd)
	routes, err := generator.Routes(generator.Config{SchemaDir: "schema", ImportPath: "example.com/golden"})
	if err != nil {
		t.Fatal(err)
	}
	if len(routes) != 1 || routes[0].VersionMember != "eventVersion" || routes[0].TypeMember != "eventType" || routes[0].GoType != "v2p0.MessageEvent" {
		t.Errorf("Routes = %+v, want one route to v2p0.MessageEvent by eventVersion and eventType", routes)
	}
}
