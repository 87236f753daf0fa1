package jsonvalue_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/internal/jsonvalue"
	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
)

// fuzzSeeds are documents that reach the corners of the parser: nesting at
// and beyond the depth limit, huge exponents, escapes and invalid UTF-8.
func fuzzSeeds() []string {
	seeds := slices.Clone(parseDocs)
	for _, depth := range []int{jsonvalue.MaxDepth, jsonvalue.MaxDepth + 1} {
		seeds = append(seeds,
			strings.Repeat("[", depth)+strings.Repeat("]", depth),
			strings.Repeat(`{"a":`, depth)+"1"+strings.Repeat("}", depth))
	}
	return append(seeds,
		`[1e999999999999, 1e-99999999999999999999999, -0.0e-0, 1E+400]`,
		`{"a": "\ud800\udc00\uDBFF\uDFFF\u0000\u001f\"\\\/\b\f\n\r\t", "a": [], "b": {"b": "b"}}`,
		"[\"\xc3\x28\", \"\xe2\x82\", \"\xf4\x90\x80\x80\", \"\xc0\xaf\"]",
		`{"x": [true, false, null, 0, -1, "", {}, []]}`,
	)
}

// FuzzParse checks that Parse accepts exactly what encoding/json accepts,
// produces what it produces, and that AppendJSON, FromAny, Equal and
// AppendKey agree with each other and with encoding/json.
func FuzzParse(f *testing.F) {
	for _, seed := range fuzzSeeds() {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		v, err := jsonvalue.Parse(data)
		if valid := json.Valid(data); (err == nil) != valid {
			t.Fatalf("Parse error = %v, but json.Valid = %v", err, valid)
		}
		checkLazy(t, data, v, err)
		if err != nil {
			var se *jsonwire.SyntaxError
			if !errors.As(err, &se) || se.Offset < 0 || se.Offset > int64(len(data)) {
				t.Fatalf("Parse error = %#v", err)
			}
			return
		}
		want := decodeStd(t, data)
		if got := v.ToAny(); !reflect.DeepEqual(got, want) {
			t.Fatalf("ToAny() = %#v, want %#v", got, want)
		}

		// AppendJSON writes a document that parses back to the same value.
		enc := v.AppendJSON(nil)
		again, err := jsonvalue.Parse(enc)
		if err != nil {
			t.Fatalf("Parse(AppendJSON()) of %s: %v", enc, err)
		}
		if !reflect.DeepEqual(again.ToAny(), want) || !jsonvalue.Equal(v, again) {
			t.Fatalf("Parse(AppendJSON()) = %s differs", again.AppendJSON(nil))
		}

		// With members sorted by name, AppendJSON writes what encoding/json
		// writes.
		sorted, err := jsonvalue.FromAny(want)
		if err != nil {
			t.Fatalf("FromAny: %v", err)
		}
		if got, want := string(sorted.AppendJSON(nil)), encodeStd(t, want); got != want {
			t.Fatalf("AppendJSON() = %s, encoding/json writes %s", got, want)
		}

		// Differently written documents of the same value are Equal and have
		// the same key.
		for _, w := range []jsonvalue.Value{sorted, rewrite(t, v)} {
			if !jsonvalue.Equal(v, w) || !jsonvalue.Equal(w, v) {
				t.Fatalf("%s and %s are not Equal", enc, w.AppendJSON(nil))
			}
			if !bytes.Equal(v.AppendKey(nil), w.AppendKey(nil)) {
				t.Fatalf("%s and %s have different keys", enc, w.AppendJSON(nil))
			}
		}
	})
}

// rewrite returns v written differently: object members in reverse order,
// and numbers with an additional trailing zero digit.
func rewrite(t *testing.T, v jsonvalue.Value) jsonvalue.Value {
	switch v.Kind {
	case jsonvalue.Number:
		lit := v.Num.Literal()
		mantissa, exp := lit, ""
		if i := strings.IndexAny(lit, "eE"); i >= 0 {
			mantissa, exp = lit[:i], lit[i:]
		}
		if strings.Contains(mantissa, ".") {
			mantissa += "0"
		} else {
			mantissa += ".0"
		}
		v.Num = mustNumber(t, mantissa+exp)
	case jsonvalue.Array:
		items := make([]jsonvalue.Value, len(v.Items))
		for i, item := range v.Items {
			items[i] = rewrite(t, item)
		}
		v.Items = items
	case jsonvalue.Object:
		members := make([]jsonvalue.Member, len(v.Members))
		for i, m := range v.Members {
			members[len(members)-1-i] = jsonvalue.Member{Name: m.Name, Value: rewrite(t, m.Value)}
		}
		v.Members = members
	}
	return v
}

// FuzzEqual checks Equal for symmetry, against AppendKey, and against a
// reference implementation over encoding/json trees with big.Rat numbers.
func FuzzEqual(f *testing.F) {
	for _, tt := range equalTests {
		f.Add([]byte(tt.a), []byte(tt.b))
	}
	f.Fuzz(func(t *testing.T, a, b []byte) {
		va, errA := jsonvalue.Parse(a)
		vb, errB := jsonvalue.Parse(b)
		if errA != nil || errB != nil {
			return
		}
		eq := jsonvalue.Equal(va, vb)
		if jsonvalue.Equal(vb, va) != eq {
			t.Fatalf("Equal is not symmetric")
		}
		if keyEq := bytes.Equal(va.AppendKey(nil), vb.AppendKey(nil)); keyEq != eq {
			t.Fatalf("Equal = %v, but equal keys = %v", eq, keyEq)
		}
		if want, ok := refEqual(va.ToAny(), vb.ToAny()); ok && want != eq {
			t.Fatalf("Equal = %v, want %v", eq, want)
		}
	})
}

// refEqual is JSON Schema equality on encoding/json trees. It reports false
// for ok when a number's exponent is too large for big.Rat to be practical.
func refEqual(a, b any) (eq, ok bool) {
	switch a := a.(type) {
	case json.Number:
		b, isNum := b.(json.Number)
		if !isNum {
			return false, true
		}
		ra, okA := smallRat(a)
		rb, okB := smallRat(b)
		return okA && okB && ra.Cmp(rb) == 0, okA && okB
	case []any:
		b, isArr := b.([]any)
		if !isArr || len(a) != len(b) {
			return false, true
		}
		for i := range a {
			if eq, ok := refEqual(a[i], b[i]); !eq || !ok {
				return eq, ok
			}
		}
		return true, true
	case map[string]any:
		b, isObj := b.(map[string]any)
		if !isObj || len(a) != len(b) {
			return false, true
		}
		for name, av := range a {
			bv, found := b[name]
			if !found {
				return false, true
			}
			if eq, ok := refEqual(av, bv); !eq || !ok {
				return eq, ok
			}
		}
		return true, true
	}
	return a == b, true // nil, bool, string; false for different types
}

// smallRat returns the value of n if its exponent has at most four digits.
func smallRat(n json.Number) (*big.Rat, bool) {
	if i := strings.IndexAny(string(n), "eE"); i >= 0 && len(strings.TrimLeft(string(n[i+1:]), "+-0")) > 4 {
		return nil, false
	}
	return new(big.Rat).SetString(string(n))
}

// checkLazy checks that ParseLazy fails as Parse does, and otherwise gives
// what Parse gives (v), whether its contents are read by the functions of
// the package or parsed in place by Elems and Fields.
func checkLazy(t *testing.T, data []byte, v jsonvalue.Value, parseErr error) {
	t.Helper()
	lazy, err := jsonvalue.ParseLazy(data)
	if fmt.Sprint(err) != fmt.Sprint(parseErr) {
		t.Fatalf("ParseLazy error = %v, Parse error = %v", err, parseErr)
	}
	if err != nil {
		return
	}
	if got, want := lazy.AppendJSON(nil), v.AppendJSON(nil); !bytes.Equal(got, want) {
		t.Fatalf("AppendJSON of ParseLazy = %s, of Parse = %s", got, want)
	}
	if !jsonvalue.Equal(lazy, v) || !jsonvalue.Equal(v, lazy) || !bytes.Equal(lazy.AppendKey(nil), v.AppendKey(nil)) {
		t.Fatal("ParseLazy and Parse give values that are not Equal")
	}
	if !reflect.DeepEqual(lazy.ToAny(), v.ToAny()) {
		t.Fatal("ToAny of ParseLazy and Parse differ")
	}
	full := v.AppendJSON(nil)
	for _, n := range []int{0, 1, 7, 64} {
		for _, w := range []jsonvalue.Value{v, lazy} {
			prefix := w.AppendJSONPrefix(nil, n)
			if !bytes.HasPrefix(full, prefix) || (len(prefix) <= n && len(prefix) != len(full)) {
				t.Fatalf("AppendJSONPrefix(%d) = %s, AppendJSON = %s", n, prefix, full)
			}
		}
	}
	parseAll(&lazy)
	if !reflect.DeepEqual(lazy, v) {
		t.Fatalf("ParseLazy parsed in place = %#v, Parse = %#v", lazy, v)
	}
}

// parseAll parses every array and object inside v in place.
func parseAll(v *jsonvalue.Value) {
	items := v.Elems()
	for i := range items {
		parseAll(&items[i])
	}
	members := v.Fields()
	for i := range members {
		parseAll(&members[i].Value)
	}
}
