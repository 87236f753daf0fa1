package jsonvalue_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/internal/jsonvalue"
	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
)

func mustParse(t *testing.T, doc string) jsonvalue.Value {
	t.Helper()
	v, err := jsonvalue.Parse([]byte(doc))
	if err != nil {
		t.Fatalf("Parse(%q): %v", doc, err)
	}
	return v
}

// equalTests follow the const, enum and uniqueItems cases of the JSON Schema
// Test Suite.
var equalTests = []struct {
	a, b string
	want bool
}{
	{`null`, `null`, true},
	{`""`, `null`, false},
	{`""`, `""`, true},
	{`false`, `null`, false},
	{`true`, `true`, true},
	{`true`, `false`, false},
	{`true`, `1`, false},
	{`false`, `0`, false},
	{`1`, `1.0`, true},
	{`1`, `"1"`, false},
	{`-0`, `0`, true},
	{`1e400`, `10e399`, true},
	{`0.1`, `0.10000000000000001`, false}, // equal as float64, but not as numbers
	{`"abc"`, `"ABC"`, false},
	{`"\u00e9"`, `"é"`, true},
	{`"e\u0301"`, `"é"`, false}, // no Unicode normalization
	{`[]`, `{}`, false},
	{`[]`, `[]`, true},
	{`{}`, `{}`, true},
	{`[1]`, `[true]`, false},
	{`[0]`, `[false]`, false},
	{`[1]`, `[1.0]`, true},
	{`[1, 2]`, `[1, 2, 3]`, false},
	{`["a", "b"]`, `["b", "a"]`, false},
	{`[[1], [2]]`, `[[1.0], [2e0]]`, true},
	{`{"a": 1}`, `{"a": 1.0}`, true},
	{`{"a": false}`, `{"a": 0}`, false},
	{`{"a": 1}`, `{"a": 1, "b": 2}`, false},
	{`{"a": 1, "b": 2}`, `{"b": 2, "a": 1}`, true},
	{`{"a": 1, "b": 2}`, `{"a": 2, "b": 1}`, false},
	{`{"a": 1, "b": 2}`, `{"a": 1, "c": 2}`, false},
	{`{"a": 1, "a": 2}`, `{"a": 2}`, true},
	{`{"a": [{"b": 1}], "c": {"d": [null]}}`, `{"c": {"d": [null]}, "a": [{"b": 1.0e0}]}`, true},
	{`{"a": [{"b": 1}]}`, `{"a": [{"b": true}]}`, false},
}

func TestEqual(t *testing.T) {
	for _, tt := range equalTests {
		a, b := mustParse(t, tt.a), mustParse(t, tt.b)
		if got := jsonvalue.Equal(a, b); got != tt.want {
			t.Errorf("Equal(%s, %s) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
		if got := jsonvalue.Equal(b, a); got != tt.want {
			t.Errorf("Equal(%s, %s) = %v, want %v", tt.b, tt.a, got, tt.want)
		}
		if got := bytes.Equal(a.AppendKey(nil), b.AppendKey(nil)); got != tt.want {
			t.Errorf("keys of %s and %s equal = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

// TestKeyInvalidUTF8 checks that keys keep apart strings that Equal keeps
// apart although both would be written as "\ufffd".
func TestKeyInvalidUTF8(t *testing.T) {
	a := jsonvalue.Value{Kind: jsonvalue.String, Str: "\xff"}
	b := jsonvalue.Value{Kind: jsonvalue.String, Str: "\xfe"}
	if jsonvalue.Equal(a, b) || bytes.Equal(a.AppendKey(nil), b.AppendKey(nil)) {
		t.Error("different invalid UTF-8 strings compare equal")
	}
}

func TestUnknownKindIsNull(t *testing.T) {
	var zero jsonvalue.Value
	null := jsonvalue.Value{Kind: jsonvalue.Null}
	if !jsonvalue.Equal(zero, null) || string(zero.AppendJSON(nil)) != "null" || zero.ToAny() != nil ||
		zero.TypeName() != "null" || !bytes.Equal(zero.AppendKey(nil), null.AppendKey(nil)) {
		t.Error("the zero Value does not behave as null")
	}
	if got := jsonvalue.Kind(0).String(); got != "Kind(0)" {
		t.Errorf("Kind(0).String() = %q", got)
	}
}

func TestTypeName(t *testing.T) {
	tests := map[string]string{
		`null`: "null", `true`: "boolean", `1`: "integer", `1.0`: "integer", `-0`: "integer",
		`1e400`: "integer", `1.5`: "number", `1e-400`: "number", `"1"`: "string", `[]`: "array", `{}`: "object",
	}
	for doc, want := range tests {
		v := mustParse(t, doc)
		if got := v.TypeName(); got != want {
			t.Errorf("%s: TypeName() = %q, want %q", doc, got, want)
		}
		if got := v.IsInteger(); got != (want == "integer") {
			t.Errorf("%s: IsInteger() = %v", doc, got)
		}
	}
}

func TestLookup(t *testing.T) {
	v := mustParse(t, `{"a": 1, "b": [true], "a": "last"}`)
	if got, ok := v.Lookup("a"); !ok || got.Str != "last" {
		t.Errorf(`Lookup("a") = %v, %v`, got, ok)
	}
	if got, ok := v.Lookup("b"); !ok || got.Kind != jsonvalue.Array {
		t.Errorf(`Lookup("b") = %v, %v`, got, ok)
	}
	if _, ok := v.Lookup("c"); ok {
		t.Error(`Lookup("c") found a member`)
	}
	if _, ok := mustParse(t, `["a"]`).Lookup("a"); ok {
		t.Error("Lookup on an array found a member")
	}
}

func TestDuplicateMembers(t *testing.T) {
	v := mustParse(t, `{"a": 1, "b": 2, "a": 3, "c": 4, "b": 5}`)
	if got, want := string(v.AppendJSON(nil)), `{"a":3,"b":5,"c":4}`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
}

func TestRuneCount(t *testing.T) {
	for s, want := range map[string]int{"": 0, "abc": 3, "é": 1, "😀": 1, "e\u0301": 2} {
		if got := jsonvalue.RuneCount(s); got != want {
			t.Errorf("RuneCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// parseDocs are documents to check Parse against encoding/json with, in
// TestParse and as fuzzing seeds.
var parseDocs = []string{
	// Valid.
	`null`, ` true `, "\t\r\n false", `0`, `-0`, `-0.0e-0`, `1E+2`, `123.456e-789`,
	`1e999999999999999999999`, `"\u00e9\n\\\/\"\b\f\r\t"`, `"\ud83d\ude00"`, `"\uD83D\uDE00"`,
	`"\ud83d"`, `"\ude00"`, `"\ud83d\u0041"`, `"\ud83d\ud83d\ude00"`, `"\ude00\ud83d"`, `"\ud83d\\u0041"`,
	"\"\xff\"", "\"\xed\xa0\x80\"", "\"\xf0\x9f\x98\"", "\"a\x7fb\"", `"<&>"`, "\"\u2028\"",
	`[]`, `{}`, `[1, [2, [3]], {"a": {}}]`, `{"": 0, "a": [], "a": null}`, `{"\u0061": 1, "a": 2}`,
	// Invalid.
	``, ` `, `nul`, `nulls`, `True`, `01`, `-`, `1.`, `.1`, `+1`, `1e`, `0x10`, `NaN`, `Infinity`,
	`"abc`, `"\x"`, `"\u12"`, `"\u12g4"`, `"\'"`, "\"a\nb\"", "\"\x00\"", `[1,]`, `[,1]`, `[1 2]`, `{"a"}`,
	`{"a":}`, `{"a":1,}`, `{a:1}`, `{"a" 1}`, `{1:2}`, `[`, `{`, `]`, `1 2`, `[] []`, "\xef\xbb\xbf1",
	"\u00a01", "1\x00",
}

func TestParse(t *testing.T) {
	for _, doc := range parseDocs {
		v, err := jsonvalue.Parse([]byte(doc))
		if valid := json.Valid([]byte(doc)); (err == nil) != valid {
			t.Errorf("Parse(%q) error = %v, but json.Valid = %v", doc, err, valid)
			continue
		}
		if err != nil {
			var se *jsonwire.SyntaxError
			if !errors.As(err, &se) || se.Offset < 0 || se.Offset > int64(len(doc)) {
				t.Errorf("Parse(%q) error = %#v", doc, err)
			}
			continue
		}
		if want := decodeStd(t, []byte(doc)); !reflect.DeepEqual(v.ToAny(), want) {
			t.Errorf("Parse(%q).ToAny() = %#v, want %#v", doc, v.ToAny(), want)
		}
	}
}

// decodeStd decodes a valid document with encoding/json, numbers as
// json.Number.
func decodeStd(t *testing.T, doc []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var x any
	if err := dec.Decode(&x); err != nil {
		t.Fatalf("encoding/json cannot decode %q: %v", doc, err)
	}
	return x
}

// The messages are the decoders' (jsonwire's): one grammar, one set of
// errors.
func TestParseErrors(t *testing.T) {
	tests := []struct {
		doc string
		err string
	}{
		{``, "invalid JSON at byte offset 0: unexpected end of JSON input"},
		{`[1,`, "invalid JSON at byte offset 3: unexpected end of JSON input"},
		{`[1 2]`, "invalid JSON at byte offset 3: invalid character '2' after array element"},
		{`{"a" 1}`, "invalid JSON at byte offset 5: invalid character '1' after object key"},
		{`{"a":1 "b"}`, "invalid JSON at byte offset 7: invalid character '\"' after object key:value pair"},
		{`{1:2}`, "invalid JSON at byte offset 1: invalid character '1' looking for beginning of object key string"},
		{`nul`, "invalid JSON at byte offset 3: unexpected end of JSON input"},
		{`nulL`, "invalid JSON at byte offset 3: invalid character 'L' in literal null (expecting 'l')"},
		{`01`, "invalid JSON at byte offset 1: invalid character '1' after top-level value"},
		{`-x`, "invalid JSON at byte offset 1: invalid character 'x' in numeric literal"},
		{`"\x"`, `invalid JSON at byte offset 1: invalid escape sequence "\x"`},
		{`"\u00g0"`, `invalid JSON at byte offset 1: invalid escape sequence "\u00g"`},
		{"\"\t\"", "invalid JSON at byte offset 1: control character U+0009 in string"},
		{"\xff", "invalid JSON at byte offset 0: invalid character 'ÿ' looking for beginning of value"},
	}
	for _, tt := range tests {
		_, err := jsonvalue.Parse([]byte(tt.doc))
		if err == nil || err.Error() != tt.err {
			t.Errorf("Parse(%q) error = %v, want %s", tt.doc, err, tt.err)
		}
	}
}

func TestParseDepth(t *testing.T) {
	for _, open := range []string{"[", `{"":`} {
		closing := map[string]string{"[": "]", `{"":`: "}"}[open]
		for _, depth := range []int{jsonvalue.MaxDepth, jsonvalue.MaxDepth + 1, 100000} {
			doc := []byte(strings.Repeat(open, depth) + "0" + strings.Repeat(closing, depth))
			_, err := jsonvalue.Parse(doc)
			if valid := json.Valid(doc); (err == nil) != valid || valid != (depth <= jsonvalue.MaxDepth) {
				t.Errorf("depth %d of %s: error %v, json.Valid %v", depth, open, err, valid)
			}
		}
	}
}

// TestAppendJSON checks that strings are escaped as encoding/json escapes
// them, including strings that Parse cannot produce.
func TestAppendJSON(t *testing.T) {
	strs := []string{
		"", "plain", "<&>", "\"\\/", "\b\f\n\r\t", "\x00\x01\x1f", "\x7f", "é😀", "\u2028\u2029",
		"\xff", "a\xed\xa0\x80b", "\xf0\x9f\x98", "\ufffd",
	}
	for _, s := range strs {
		v := jsonvalue.Value{Kind: jsonvalue.Array, Items: []jsonvalue.Value{
			{Kind: jsonvalue.String, Str: s},
			{Kind: jsonvalue.Object, Members: []jsonvalue.Member{{Name: s, Value: jsonvalue.Value{Kind: jsonvalue.Bool, Bool: true}}}},
		}}
		if got, want := string(v.AppendJSON(nil)), encodeStd(t, []any{s, map[string]any{s: true}}); got != want {
			t.Errorf("AppendJSON of %q = %s, want %s", s, got, want)
		}
	}
	v := mustParse(t, ` { "n" : [ 1.50 , -0 , 1E+2 , null , false ] , "o" : { } , "a" : [ ] } `)
	if got, want := string(v.AppendJSON([]byte("x"))), `x{"n":[1.50,-0,1E+2,null,false],"o":{},"a":[]}`; got != want {
		t.Errorf("AppendJSON = %s, want %s", got, want)
	}
}

// encodeStd encodes x with encoding/json without HTML escaping.
func encodeStd(t *testing.T, x any) string {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(x); err != nil {
		t.Fatalf("encoding/json cannot encode %#v: %v", x, err)
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

func TestFromAny(t *testing.T) {
	tests := []struct {
		x    any
		want string // AppendJSON of the result
	}{
		{nil, `null`},
		{true, `true`},
		{"a\"b", `"a\"b"`},
		{0.1, `0.1`},
		{1e21, `1e+21`},
		{json.Number("1.50"), `1.50`},
		{[]any{}, `[]`},
		{map[string]any{}, `{}`},
		{map[string]any{"b": []any{1.0, nil}, "a": map[string]any{"z": false, "y": "s"}}, `{"a":{"y":"s","z":false},"b":[1,null]}`},
	}
	for _, tt := range tests {
		v, err := jsonvalue.FromAny(tt.x)
		if err != nil {
			t.Errorf("FromAny(%#v): %v", tt.x, err)
			continue
		}
		if got := string(v.AppendJSON(nil)); got != tt.want {
			t.Errorf("FromAny(%#v) = %s, want %s", tt.x, got, tt.want)
		}
	}
	if v, _ := jsonvalue.FromAny(0.1); v.Num.Cmp(mustNumber(t, "0.1")) != 0 {
		t.Error("FromAny(0.1) is not exactly 0.1")
	}

	cyclic := []any{nil}
	cyclic[0] = cyclic
	deep := map[string]any{}
	for range jsonvalue.MaxDepth {
		deep = map[string]any{"": deep}
	}
	for _, x := range []any{math.NaN(), math.Inf(1), json.Number(""), json.Number("01"), 1, float32(1), []string{}, cyclic, deep} {
		if _, err := jsonvalue.FromAny(x); err == nil {
			t.Errorf("FromAny(%T) did not fail", x)
		}
	}
}

func TestToAny(t *testing.T) {
	v := mustParse(t, `{"a": [1.50, "s", true, null, {}, []], "a": 2, "b": -0}`)
	want := map[string]any{"a": json.Number("2"), "b": json.Number("-0")}
	if got := v.ToAny(); !reflect.DeepEqual(got, want) {
		t.Errorf("ToAny() = %#v, want %#v", got, want)
	}
	v = mustParse(t, `[1.50, "s", true, null, {}, []]`)
	wantArr := []any{json.Number("1.50"), "s", true, nil, map[string]any{}, []any{}}
	if got := v.ToAny(); !reflect.DeepEqual(got, wantArr) {
		t.Errorf("ToAny() = %#v, want %#v", got, wantArr)
	}
}

func TestKindString(t *testing.T) {
	want := []string{"null", "boolean", "number", "string", "array", "object"}
	for i, k := range []jsonvalue.Kind{jsonvalue.Null, jsonvalue.Bool, jsonvalue.Number, jsonvalue.String, jsonvalue.Array, jsonvalue.Object} {
		if k.String() != want[i] {
			t.Errorf("Kind %d String() = %q, want %q", k, k.String(), want[i])
		}
	}
}

func ExampleDecimal_MultipleOf() {
	price, _ := jsonvalue.ParseNumber("19.99")
	cent, _ := jsonvalue.ParseNumber("0.01")
	fmt.Println(price.MultipleOf(cent))

	// float64 arithmetic gets this wrong.
	f, c := 19.99, 0.01
	fmt.Println(math.Mod(f, c) == 0)
	// Output:
	// true
	// false
}
