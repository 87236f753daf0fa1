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
