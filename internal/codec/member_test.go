package codec

import (
	"math"
	"testing"
)

type label string

func TestAppendMember(t *testing.T) {
	s, l, n, f, yes := "a\"b", label("x"), int64(-7), 0.5, true
	nan := math.NaN()
	var w Writer
	for _, c := range []struct {
		name string
		got  []byte
		want string
	}{
		{"string", AppendString([]byte("{"), `,"k":`, s, true), `{,"k":"a\"b"`},
		{"string type", AppendString(nil, `,"k":`, l, true), `,"k":"x"`},
		{"string absent", AppendString([]byte("{"), `,"k":`, s, false), `{`},
		{"string pointer", AppendStringPtr(nil, `,"k":`, &l), `,"k":"x"`},
		{"string nil", AppendStringPtr[string](nil, `,"k":`, nil), ``},
		{"int64", AppendInt64(nil, `,"k":`, n, true), `,"k":-7`},
		{"int64 absent", AppendInt64(nil, `,"k":`, n, false), ``},
		{"int64 pointer", AppendInt64Ptr(nil, `,"k":`, &n), `,"k":-7`},
		{"int64 nil", AppendInt64Ptr[int64](nil, `,"k":`, nil), ``},
		{"bool", AppendBool(nil, `,"k":`, true, true), `,"k":true`},
		{"bool absent", AppendBool(nil, `,"k":`, true, false), ``},
		{"bool pointer", AppendBoolPtr(nil, `,"k":`, &yes), `,"k":true`},
		{"bool nil", AppendBoolPtr(nil, `,"k":`, nil), ``},
		{"float64", w.AppendFloat64(nil, `,"k":`, f, true), `,"k":0.5`},
		{"float64 absent", w.AppendFloat64(nil, `,"k":`, f, false), ``},
		{"float64 pointer", w.AppendFloat64Ptr(nil, `,"k":`, &f), `,"k":0.5`},
		{"float64 nil", w.AppendFloat64Ptr(nil, `,"k":`, nil), ``},
	} {
		if string(c.got) != c.want {
			t.Errorf("%s: got %s, want %s", c.name, c.got, c.want)
		}
	}
	if w.Err() != nil {
		t.Fatalf("Err = %v before a NaN", w.Err())
	}
	if got := w.AppendFloat64Ptr(nil, `,"k":`, &nan); string(got) != `,"k":null` || w.Err() == nil {
		t.Errorf("NaN: got %s, Err %v; want null and an error", got, w.Err())
	}
}
