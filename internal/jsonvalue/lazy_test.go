package jsonvalue_test

import (
	"strings"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/internal/jsonvalue"
)

// ParseLazy builds no more than what is asked for: the members of an object
// whose one member is a large array cost a handful of allocations, not one
// per element.
func TestParseLazyParsesWhatIsAsked(t *testing.T) {
	data := []byte(`{"a": [` + strings.Repeat(`0, {"b": [1]}, `, 100_000) + `0], "c": "d"}`)
	var members []jsonvalue.Member
	allocs := testing.AllocsPerRun(3, func() {
		v, err := jsonvalue.ParseLazy(data)
		if err != nil {
			t.Fatal(err)
		}
		members = v.Fields()
	})
	if len(members) != 2 || members[0].Name != "a" || members[0].Value.Kind != jsonvalue.Array || members[1].Value.Str != "d" {
		t.Fatalf("members %+v", members)
	}
	if allocs > 20 {
		t.Errorf("%.0f allocations for the members of the top level", allocs)
	}
	if items := members[0].Value.Elems(); len(items) != 200_001 || items[1].Fields()[0].Name != "b" {
		t.Errorf("the array parsed into %d elements", len(items))
	}
}
