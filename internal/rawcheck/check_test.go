package rawcheck

import (
	"strings"
	"testing"

	pinpointevents "github.com/pinpoint-events/pinpoint-events"
	"github.com/pinpoint-events/pinpoint-events/internal/jsonvalue"
	"github.com/pinpoint-events/pinpoint-events/internal/validation"
)

// CheckMemberOf reports what CheckMember reports, for every kind of value,
// with checks that begin with a type guard as generated validators do.
func TestCheckMemberOfReportsAsCheckMember(t *testing.T) {
	guard := func(want string, accepts func(*jsonvalue.Value) bool) Check {
		return func(v *jsonvalue.Value, c *validation.Collector) {
			if !accepts(v) {
				c.Type(v, want)
				return
			}
			if v.Kind == jsonvalue.Object {
				RequiredMembers(v, c, "id")
			}
			if v.Kind == jsonvalue.Array && len(v.Items) > 2 {
				c.Count("maxItems", len(v.Items), 2)
			}
		}
	}
	checks := []struct {
		name  string
		check Check
		kinds Kinds
	}{
		{"object", guard("object", func(v *jsonvalue.Value) bool { return v.Kind == jsonvalue.Object }), ObjectKind},
		{"integer", guard("integer", func(v *jsonvalue.Value) bool { return v.IsInteger() }), IntegerKind},
		{"string or null", guard("string or null", func(v *jsonvalue.Value) bool {
			return v.Kind == jsonvalue.String || v.Kind == jsonvalue.Null
		}), StringKind | NullKind},
		{"array", guard("array", func(v *jsonvalue.Value) bool { return v.Kind == jsonvalue.Array }), ArrayKind},
	}
	values := []string{`{}`, `{"id":1}`, `[1,2,3]`, `[]`, `"s"`, `1`, `1.5`, `-0`, `1e400`, `true`, `null`, ` [0] `, `[1,`, `{"a":}`, ``}
	for _, ck := range checks {
		for _, value := range values {
			m := pinpointevents.Member{Name: "m", Value: []byte(value)}
			var want, got validation.Collector
			CheckMember(&m, &want, ck.check)
			CheckMemberOf(&m, &got, ck.check, ck.kinds)
			if w, g := violations(&want), violations(&got); w != g {
				t.Errorf("%s, %s: CheckMemberOf reports %s, CheckMember %s", ck.name, value, g, w)
			}
		}
	}
}

func violations(c *validation.Collector) string {
	var out []string
	for _, v := range c.Violations() {
		out = append(out, v.String())
	}
	return strings.Join(out, "; ")
}

// A member of a kind its check rejects is not parsed: a megabyte array
// where an object belongs costs next to nothing.
func TestCheckMemberOfDoesNotParseAWrongKind(t *testing.T) {
	value := []byte("[" + strings.Repeat("0,", 1<<19) + "0]")
	m := pinpointevents.Member{Name: "attributes", Value: value}
	check := func(v *jsonvalue.Value, c *validation.Collector) {
		if v.Kind != jsonvalue.Object {
			c.Type(v, "object")
		}
	}
	var c validation.Collector
	allocs := testing.AllocsPerRun(3, func() {
		c.Truncate(0)
		CheckMemberOf(&m, &c, check, ObjectKind)
	})
	if c.Len() != 1 || allocs > 10 {
		t.Errorf("%d violations, %.0f allocations", c.Len(), allocs)
	}
}

func TestPropertiesCheckRest(t *testing.T) {
	isString := func(v *jsonvalue.Value, c *validation.Collector) {
		if v.Kind != jsonvalue.String {
			c.Type(v, "string")
		}
	}
	known := []Member{{Name: "id", Check: isString, Kinds: StringKind}, {Name: "note", Check: Valid}}
	members := func(kv ...string) pinpointevents.Members {
		var ms pinpointevents.Members
		for i := 0; i < len(kv); i += 2 {
			ms = append(ms, pinpointevents.Member{Name: kv[i], Value: []byte(kv[i+1])})
		}
		return ms
	}
	tests := []struct {
		name string
		rest Properties
		in   pinpointevents.Members
		want string
	}{
		{"empty", Properties{Known: known}, nil, ""},
		{"known member checked", Properties{Known: known}, members("id", `1`), `/id: must be a string, not a number`},
		{"known member without kinds parsed", Properties{Known: known}, members("note", `{"a":`), `/note: holds malformed JSON`},
		{"known member without a check parsed", Properties{Known: []Member{{Name: "note"}}}, members("note", `{"a":`), `/note: holds malformed JSON`},
		{"open: other accepted", Properties{Known: known}, members("x", `1`), ""},
		{"other checked", Properties{Known: known, Other: Member{Check: isString, Kinds: StringKind}}, members("x", `1`, "y", `"s"`), `/x: must be a string, not a number`},
		{"closed", Properties{Known: known, Closed: true}, members("x", `1`, "id", `"s"`), `(root): member "x" is not allowed`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c validation.Collector
			tt.rest.CheckRest(tt.in, &c)
			if got := violations(&c); !strings.HasPrefix(got, tt.want) || (tt.want == "") != (got == "") {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

// Bit k of absent is the k-th required member of Known.
func TestCheckAbsent(t *testing.T) {
	props := Properties{Known: []Member{{Name: "a", Required: true}, {Name: "opt"}, {Name: "b", Required: true}, {Name: "c", Required: true}}}
	tests := []struct {
		name   string
		absent uint64
		rest   pinpointevents.Members
		want   string
	}{
		{"none absent", 0, nil, ""},
		{"one absent", 1 << 1, nil, `(root): missing required member "b"`},
		{"absent but kept raw", 1 << 1, pinpointevents.Members{{Name: "b", Value: []byte(`1`)}}, ""},
		{"two absent", 1<<0 | 1<<2, nil, `(root): missing required member "a"; (root): missing required member "c"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var c validation.Collector
			props.CheckAbsent(tt.absent, tt.rest, &c)
			if got := violations(&c); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}

func TestPropertiesCheckFields(t *testing.T) {
	isString := func(v *jsonvalue.Value, c *validation.Collector) {
		if v.Kind != jsonvalue.String {
			c.Type(v, "string")
		}
	}
	known := []Member{{Name: "id", Check: isString}, {Name: "note"}}
	tests := []struct {
		name  string
		props Properties
		in    string
		want  string
	}{
		{"empty", Properties{Known: known}, `{}`, ""},
		{"known member checked", Properties{Known: known}, `{"id":1,"note":2}`, `/id: must be a string, not a number`},
		{"open: other accepted", Properties{Known: known}, `{"x":1}`, ""},
		{"other checked", Properties{Known: known, Other: Member{Check: isString}}, `{"x":1,"y":"s"}`, `/x: must be a string, not a number`},
		{"closed", Properties{Known: known, Closed: true}, `{"x":1,"note":1}`, `(root): member "x" is not allowed`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := MustParse(tt.in)
			var c validation.Collector
			tt.props.CheckFields(v.Fields(), &c)
			if got := violations(&c); got != tt.want {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
