package load

import (
	"reflect"
	"testing"
)

func TestInterfaces(t *testing.T) {
	set := mustLoad(t, `
-- a.json --
{
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "https://example.com/s/a.json",
  "x-interfaces": {
    "Owned": {
      "description": "Owned has an owner.",
      "implementers": ["#/$defs/B", "#/$defs/A"],
      "methods": {
        "OwnerName": {"description": "The name.", "pointer": "/owner/name"},
        "Slashed": {"description": "Escaped.", "pointer": "/a~1b/c~0d", "optional": true}
      }
    }
  },
  "$defs": {"A": {"type": "object"}, "B": {"type": "object"}}
}
`)
	root := set.Docs[0].Root
	if len(root.Interfaces) != 1 {
		t.Fatalf("Interfaces = %v, want one", root.Interfaces)
	}
	it := root.Interfaces[0]
	if it.Name != "Owned" || it.Description != "Owned has an owner." {
		t.Errorf("name, description = %q, %q", it.Name, it.Description)
	}
	var impl []string
	for _, s := range it.Implementers {
		impl = append(impl, s.Name())
	}
	if want := []string{"B", "A"}; !reflect.DeepEqual(impl, want) {
		t.Errorf("implementers = %q, want %q (the order of the list)", impl, want)
	}
	if len(it.Methods) != 2 {
		t.Fatalf("methods = %v, want two", it.Methods)
	}
	m := it.Methods[0]
	if m.Name != "OwnerName" || m.Description != "The name." || m.Pointer != "/owner/name" || m.Optional ||
		!reflect.DeepEqual(m.Tokens, []string{"owner", "name"}) {
		t.Errorf("first method = %+v", m)
	}
	if m.Loc.Line != 9 || m.Loc.Pointer != "/x-interfaces/Owned/methods/OwnerName/pointer" {
		t.Errorf("first method at %v, want line 9, at its pointer", m.Loc)
	}
	m = it.Methods[1]
	if !m.Optional || !reflect.DeepEqual(m.Tokens, []string{"a/b", "c~d"}) {
		t.Errorf("second method: optional %v, tokens %q", m.Optional, m.Tokens)
	}
}

func TestInterfaceErrors(t *testing.T) {
	const head = `"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": "https://example.com/s/a.json", "$defs": {"A": {"type": "object"}},`
	method := `"description": "d", "implementers": ["#/$defs/A"], "methods": {"M": {"description": "d", "pointer": "/m"}}`
	tests := []struct {
		name string
		body string // after head, on line 2
		want string
	}{
		{"not on the root", `"properties": {"p": {"x-interfaces": {}}}`,
			`a.json:2:39 (#/properties/p/x-interfaces): x-interfaces belongs on the root of a schema file`},
		{"not an object", `"x-interfaces": []`,
			`a.json:2:18 (#/x-interfaces): x-interfaces must be an object: interface name -> {description, implementers, methods}`},
		{"unexported name", `"x-interfaces": {"owned": {` + method + `}}`,
			`a.json:2:28 (#/x-interfaces/owned): x-interfaces: "owned" is not an exported Go identifier: the key names the Go interface`},
		{"unknown member", `"x-interfaces": {"I": {` + method + `, "embeds": []}}`,
			`a.json:2:143 (#/x-interfaces/I/embeds): x-interfaces: unknown member "embeds" (description, implementers and methods are known)`},
		{"no methods", `"x-interfaces": {"I": {"description": "d", "implementers": ["#/$defs/A"]}}`,
			`a.json:2:24 (#/x-interfaces/I): x-interfaces: I needs methods`},
		{"empty implementers", `"x-interfaces": {"I": {"description": "d", "implementers": [], "methods": {"M": {"description": "d", "pointer": "/m"}}}}`,
			`a.json:2:61 (#/x-interfaces/I/implementers): implementers must be a non-empty array of $refs to event schemas`},
		{"implementer not a string", `"x-interfaces": {"I": {"description": "d", "implementers": [1], "methods": {"M": {"description": "d", "pointer": "/m"}}}}`,
			`a.json:2:62 (#/x-interfaces/I/implementers/0): must be a non-empty string: a $ref to an event schema`},
		{"empty description", `"x-interfaces": {"I": {"description": "", "implementers": ["#/$defs/A"], "methods": {"M": {"description": "d", "pointer": "/m"}}}}`,
			`a.json:2:40 (#/x-interfaces/I/description): must be a non-empty string: the interface's Go doc comment`},
		{"no pointer", `"x-interfaces": {"I": {"description": "d", "implementers": ["#/$defs/A"], "methods": {"M": {"description": "d"}}}}`,
			`a.json:2:93 (#/x-interfaces/I/methods/M): methods: M needs pointer`},
		{"root pointer", `"x-interfaces": {"I": {"description": "d", "implementers": ["#/$defs/A"], "methods": {"M": {"description": "d", "pointer": ""}}}}`,
			`a.json:2:125 (#/x-interfaces/I/methods/M/pointer): must be a non-empty string: a JSON pointer into the event, such as /attributes/campaign_id`},
		{"empty token", `"x-interfaces": {"I": {"description": "d", "implementers": ["#/$defs/A"], "methods": {"M": {"description": "d", "pointer": "/a//b"}}}}`,
			`a.json:2:125 (#/x-interfaces/I/methods/M/pointer): pointer "/a//b" is not a JSON pointer to a member: it starts with / and names one member per token (~0 for ~, ~1 for /)`},
		{"bad escape", `"x-interfaces": {"I": {"description": "d", "implementers": ["#/$defs/A"], "methods": {"M": {"description": "d", "pointer": "/a~2"}}}}`,
			`a.json:2:125 (#/x-interfaces/I/methods/M/pointer): pointer "/a~2" is not a JSON pointer to a member: it starts with / and names one member per token (~0 for ~, ~1 for /)`},
		{"optional not a boolean", `"x-interfaces": {"I": {"description": "d", "implementers": ["#/$defs/A"], "methods": {"M": {"description": "d", "pointer": "/m", "optional": "yes"}}}}`,
			`a.json:2:143 (#/x-interfaces/I/methods/M/optional): optional must be a boolean`},
		{"method name not exported", `"x-interfaces": {"I": {"description": "d", "implementers": ["#/$defs/A"], "methods": {"m": {"description": "d", "pointer": "/m"}}}}`,
			`a.json:2:93 (#/x-interfaces/I/methods/m): methods: "m" is not an exported Go identifier: the key names the Go method`},
		{"implementer not found", `"x-interfaces": {"I": {"description": "d", "implementers": ["#/$defs/B"], "methods": {"M": {"description": "d", "pointer": "/m"}}}}`,
			`a.json:2:62 (#/x-interfaces/I/implementers/0): $ref "#/$defs/B": no schema at https://example.com/s/a.json#/$defs/B among the loaded files`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := loadArchive(t, "-- a.json --\n{"+head+"\n "+tt.body+"}\n")
			if err == nil {
				t.Fatal("Load succeeded")
			}
			if err.Error() != tt.want {
				t.Errorf("error:\n got: %v\nwant: %s", err, tt.want)
			}
		})
	}
}
