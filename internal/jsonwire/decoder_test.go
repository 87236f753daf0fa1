package jsonwire_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
)

func TestKindString(t *testing.T) {
	tests := []struct {
		kind jsonwire.Kind
		want string
	}{
		{jsonwire.KindInvalid, "invalid"},
		{jsonwire.KindNull, "null"},
		{jsonwire.KindBool, "boolean"},
		{jsonwire.KindNumber, "number"},
		{jsonwire.KindString, "string"},
		{jsonwire.KindArray, "array"},
		{jsonwire.KindObject, "object"},
		{jsonwire.Kind(200), "invalid"},
	}
	for _, tt := range tests {
		if got := tt.kind.String(); got != tt.want {
			t.Errorf("Kind(%d).String() = %q, want %q", tt.kind, got, tt.want)
		}
	}
}

// validate reports whether data is one JSON value, as Skip then End.
func validate(data []byte) error {
	d := jsonwire.NewDecoder(data)
	if err := d.Skip(); err != nil {
		return err
	}
	return d.End()
}

func TestSyntaxVerdict(t *testing.T) {
	valid := []string{
		`0`, `-0`, `1`, `-1`, `123`, `0.5`, `-0.5e10`, `1E+2`, `1e-2`, `1.5E2`, `0e0`,
		`true`, `false`, `null`, `""`, `"a"`, `"\"\\\/\b\f\n\r\t\u00e9\uD83D\uDE00"`,
		`"\ud800"`, "\"\xff\xfe invalid utf8 is fine\"", `"` + "\x7f" + `"`,
		`[]`, `{}`, `[1,2,3]`, `{"a":1,"b":[true,false,null],"c":{"d":"e"}}`,
		" \t\r\n[ 1 , { \"a\" : [ ] } ] \n", `[[[[]]]]`, `{"":{"":{}}}`,
		`{"a":1,"a":2}`,
	}
	invalid := []string{
		``, ` `, `01`, `-`, `+1`, `.5`, `5.`, `1e`, `1e+`, `-a`, `1.e5`, `00`, `-01`,
		`tru`, `truee`, `True`, `nul`, `nulL`, `fals`, `falsy`,
		`"`, `"abc`, `"\q"`, `"\u12"`, `"\u12G4"`, "\"a\nb\"", "\"\x00\"", `"\`,
		`[`, `]`, `[1`, `[1,`, `[1,]`, `[,1]`, `[1 2]`, `[1:2]`, `{`, `}`,
		`{"a"}`, `{"a":}`, `{"a":1,}`, `{"a" 1}`, `{1:2}`, `{"a":1 "b":2}`, `{,}`,
		`{"a":1]`, `[1}`, `1 2`, `{} {}`, "\xef\xbb\xbf1", "\v1", "1\f", `[1]x`,
		`nan`, `Infinity`, `'a'`,
	}
	for _, in := range valid {
		if err := validate([]byte(in)); err != nil {
			t.Errorf("validate(%q) = %v, want nil", in, err)
		}
		if !json.Valid([]byte(in)) {
			t.Errorf("test table: json.Valid(%q) = false", in)
		}
	}
	for _, in := range invalid {
		err := validate([]byte(in))
		var se *jsonwire.SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("validate(%q) = %v, want *SyntaxError", in, err)
		}
		if json.Valid([]byte(in)) {
			t.Errorf("test table: json.Valid(%q) = true", in)
		}
	}
}

func TestSyntaxErrorDetails(t *testing.T) {
	tests := []struct {
		in     string
		offset int64
		msg    string
	}{
		{``, 0, `unexpected end of JSON input`},
		{`  `, 2, `unexpected end of JSON input`},
		{`x`, 0, `invalid character 'x' looking for beginning of value`},
		{`[1,]`, 3, `invalid character ']' looking for beginning of value`},
		{`{"a":1,}`, 7, `invalid character '}' looking for beginning of object key string`},
		{`{"a" 1}`, 5, `invalid character '1' after object key`},
		{`{"a":1 "b":2}`, 7, `invalid character '"' after object key:value pair`},
		{`[1 2]`, 3, `invalid character '2' after array element`},
		{`{1:2}`, 1, `invalid character '1' looking for beginning of object key string`},
		{`"ab\qc"`, 3, `invalid escape sequence "\q"`},
		{`"\u12G4"`, 1, `invalid escape sequence "\u12G"`},
		{`"\u12"`, 1, `invalid escape sequence "\u12\""`},
		{"\"ab\ncd\"", 3, `control character U+000A in string`},
		{"\"\x1f\"", 1, `control character U+001F in string`},
		{`"abc`, 4, `unexpected end of JSON input`},
		{`-x`, 1, `invalid character 'x' in numeric literal`},
		{`1.x`, 2, `invalid character 'x' after decimal point in numeric literal`},
		{`1e+x`, 3, `invalid character 'x' in exponent of numeric literal`},
		{`01`, 1, `invalid character '1' after top-level value`},
		{`trux`, 3, `invalid character 'x' in literal true (expecting 'e')`},
		{`nul`, 3, `unexpected end of JSON input`},
		{`[1]]`, 3, `invalid character ']' after top-level value`},
		{`{"a":1]`, 6, `invalid character ']' after object key:value pair`},
		{"\t[\xff]", 2, `invalid character 'ÿ' looking for beginning of value`},
		{`'`, 0, `invalid character '\'' looking for beginning of value`},
		{"\"\\\x01\"", 1, `invalid escape sequence "\\x01"`},
		{`[{"a":1,`, 8, `unexpected end of JSON input`},
		{`[{"a":1,"b`, 10, `unexpected end of JSON input`},
		{`[{"a":1,"b"`, 11, `unexpected end of JSON input`},
		{`[{"a":1,"b":`, 12, `unexpected end of JSON input`},
		{`[{"a":1,"b"}`, 11, `invalid character '}' after object key`},
		{`[{"a":1,"b\q"}`, 10, `invalid escape sequence "\q"`},
		{`[{`, 2, `unexpected end of JSON input`},
		{`[{"a":1`, 7, `unexpected end of JSON input`},
		{`[tru`, 4, `unexpected end of JSON input`},
		{`[nulx]`, 4, `invalid character 'x' in literal null (expecting 'l')`},
		{`[falsE]`, 5, `invalid character 'E' in literal false (expecting 'e')`},
	}
	for _, tt := range tests {
		err := validate([]byte(tt.in))
		var se *jsonwire.SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("validate(%q) = %v, want *SyntaxError", tt.in, err)
			continue
		}
		if se.Offset != tt.offset || se.Msg != tt.msg {
			t.Errorf("validate(%q) = {%d, %q}, want {%d, %q}", tt.in, se.Offset, se.Msg, tt.offset, tt.msg)
		}
	}
	want := "invalid JSON at byte offset 17: unexpected end of JSON input"
	if got := (&jsonwire.SyntaxError{Offset: 17, Msg: "unexpected end of JSON input"}).Error(); got != want {
		t.Errorf("Error() = %q, want %q", got, want)
	}
}

func TestDepthLimit(t *testing.T) {
	nested := func(n int) []byte {
		return []byte(strings.Repeat("[", n) + strings.Repeat("]", n))
	}
	mixed := func(n int) []byte {
		return []byte(strings.Repeat(`{"a":[`, n/2) + strings.Repeat(`]}`, n/2))
	}
	tests := []struct {
		name string
		data []byte
		ok   bool
	}{
		{"arrays at the limit", nested(jsonwire.MaxDepth), true},
		{"arrays beyond the limit", nested(jsonwire.MaxDepth + 1), false},
		{"objects and arrays at the limit", mixed(jsonwire.MaxDepth), true},
		{"objects and arrays beyond the limit", mixed(jsonwire.MaxDepth + 2), false},
		{"unclosed far beyond the limit", []byte(strings.Repeat("[", 1_000_000)), false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if json.Valid(tt.data) != tt.ok {
				t.Fatalf("test table: json.Valid = %v", !tt.ok)
			}
			err := validate(tt.data)
			if (err == nil) != tt.ok {
				t.Fatalf("validate = %v, want ok=%v", err, tt.ok)
			}
			if !tt.ok && tt.data[0] == '[' && err.Error() != "invalid JSON at byte offset 10000: nesting depth exceeds 10000" {
				t.Errorf("error = %v", err)
			}
		})
	}

	// The limit counts the levels opened with BeginArray too.
	t.Run("BeginArray then Skip", func(t *testing.T) {
		for _, n := range []int{jsonwire.MaxDepth, jsonwire.MaxDepth + 1} {
			d := jsonwire.NewDecoder(nested(n))
			var err error
			for range 100 {
				if err = d.BeginArray(); err != nil {
					t.Fatal(err)
				}
				if _, err = d.NextElement(); err != nil {
					t.Fatal(err)
				}
			}
			err = d.Skip()
			if (err == nil) != (n <= jsonwire.MaxDepth) {
				t.Errorf("depth %d: Skip = %v", n, err)
			}
		}
	})
	t.Run("BeginArray only", func(t *testing.T) {
		d := jsonwire.NewDecoder(nested(jsonwire.MaxDepth + 1))
		for i := range jsonwire.MaxDepth + 1 {
			err := d.BeginArray()
			if i < jsonwire.MaxDepth && err != nil {
				t.Fatalf("level %d: %v", i+1, err)
			}
			if i == jsonwire.MaxDepth && err == nil {
				t.Fatalf("level %d: no error", i+1)
			}
			if err == nil {
				if _, err := d.NextElement(); err != nil {
					t.Fatal(err)
				}
			}
		}
	})
}

func TestPeek(t *testing.T) {
	tests := []struct {
		in   string
		want jsonwire.Kind
	}{
		{``, jsonwire.KindInvalid},
		{`   `, jsonwire.KindInvalid},
		{` null`, jsonwire.KindNull},
		{`true`, jsonwire.KindBool},
		{"\n\tfalse", jsonwire.KindBool},
		{`-1`, jsonwire.KindNumber},
		{`7`, jsonwire.KindNumber},
		{`"s"`, jsonwire.KindString},
		{`[`, jsonwire.KindArray},
		{`{`, jsonwire.KindObject},
		{`]`, jsonwire.KindInvalid},
		{`,`, jsonwire.KindInvalid},
		{`x`, jsonwire.KindInvalid},
	}
	for _, tt := range tests {
		d := jsonwire.NewDecoder([]byte(tt.in))
		if got := d.Peek(); got != tt.want {
			t.Errorf("Peek(%q) = %v, want %v", tt.in, got, tt.want)
		}
		if got := d.Peek(); got != tt.want {
			t.Errorf("second Peek(%q) = %v, want %v", tt.in, got, tt.want)
		}
	}
}

func TestObject(t *testing.T) {
	type member struct {
		name  string
		value string
	}
	tests := []struct {
		in      string
		members []member
		err     string // substring of the error, "" for none
	}{
		{`{}`, nil, ""},
		{` { } `, nil, ""},
		{`{"a":"x"}`, []member{{"a", "x"}}, ""},
		{`{ "a" : "x" , "b":"y" }`, []member{{"a", "x"}, {"b", "y"}}, ""},
		{`{"\u0061\n":"x","caf\u00e9":"y","\ud83d\ude00":"z"}`, []member{{"a\n", "x"}, {"café", "y"}, {"😀", "z"}}, ""},
		{"{\"\xff\":\"x\"}", []member{{"\uFFFD", "x"}}, ""},
		{"{\"é\":\"x\"}", []member{{"é", "x"}}, ""},
		{`{"a":"x",}`, []member{{"a", "x"}}, "looking for beginning of object key string"},
		{`{"a""x"}`, nil, "after object key"},
		{`{"a":"x" "b":"y"}`, []member{{"a", "x"}}, "after object key:value pair"},
		{`{1:"x"}`, nil, "looking for beginning of object key string"},
		{`{,"a":"x"}`, nil, "looking for beginning of object key string"},
		{`{"a":"x"]`, []member{{"a", "x"}}, "after object key:value pair"},
		{`{"a":"x"`, []member{{"a", "x"}}, "unexpected end"},
		{`{"a":"x",`, []member{{"a", "x"}}, "unexpected end"},
		{`{"a`, nil, "unexpected end"},
		{`{"a"`, nil, "unexpected end"},
		{`{`, nil, "unexpected end"},
		{`{"a\q":1}`, nil, "invalid escape"},
	}
	for _, tt := range tests {
		d := jsonwire.NewDecoder([]byte(tt.in))
		if err := d.BeginObject(); err != nil {
			t.Errorf("%s: BeginObject: %v", tt.in, err)
			continue
		}
		var got []member
		var err error
		for {
			var name []byte
			var more bool
			if name, more, err = d.NextMember(); err != nil || !more {
				break
			}
			n := string(name)
			var v string
			if v, err = d.String(); err != nil {
				break
			}
			got = append(got, member{n, v})
		}
		if err == nil {
			err = d.End()
		}
		if !reflect.DeepEqual(got, tt.members) {
			t.Errorf("%s: members %q, want %q", tt.in, got, tt.members)
		}
		if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("%s: error %v, want %q", tt.in, err, tt.err)
		}
	}
}

func TestArray(t *testing.T) {
	tests := []struct {
		in    string
		elems []int64
		err   string
	}{
		{`[]`, nil, ""},
		{` [ ] `, nil, ""},
		{`[1]`, []int64{1}, ""},
		{`[1, 2 ,3]`, []int64{1, 2, 3}, ""},
		{`[1,]`, []int64{1}, "invalid character ']' looking for beginning of value"},
		{`[,1]`, nil, "invalid character ',' looking for beginning of value"},
		{`[1 2]`, []int64{1}, "after array element"},
		{`[1}`, []int64{1}, "after array element"},
		{`[1`, []int64{1}, "unexpected end"},
		{`[`, nil, "unexpected end"},
	}
	for _, tt := range tests {
		d := jsonwire.NewDecoder([]byte(tt.in))
		if err := d.BeginArray(); err != nil {
			t.Errorf("%s: BeginArray: %v", tt.in, err)
			continue
		}
		var got []int64
		var err error
		for {
			var more bool
			if more, err = d.NextElement(); err != nil || !more {
				break
			}
			var v int64
			if v, _, err = d.Int64(); err != nil {
				break
			}
			got = append(got, v)
		}
		if err == nil {
			err = d.End()
		}
		if !reflect.DeepEqual(got, tt.elems) {
			t.Errorf("%s: elements %v, want %v", tt.in, got, tt.elems)
		}
		if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("%s: error %v, want %q", tt.in, err, tt.err)
		}
	}
}

func TestKindMismatch(t *testing.T) {
	readers := []struct {
		kind jsonwire.Kind
		read func(d *jsonwire.Decoder) error
	}{
		{jsonwire.KindObject, (*jsonwire.Decoder).BeginObject},
		{jsonwire.KindArray, (*jsonwire.Decoder).BeginArray},
		{jsonwire.KindString, func(d *jsonwire.Decoder) error { _, err := d.String(); return err }},
		{jsonwire.KindNumber, func(d *jsonwire.Decoder) error { _, _, err := d.Int64(); return err }},
		{jsonwire.KindNumber, func(d *jsonwire.Decoder) error { _, _, err := d.Float64(); return err }},
		{jsonwire.KindNumber, func(d *jsonwire.Decoder) error { _, err := d.Number(); return err }},
		{jsonwire.KindBool, func(d *jsonwire.Decoder) error { _, err := d.Bool(); return err }},
		{jsonwire.KindNull, (*jsonwire.Decoder).Null},
	}
	inputs := map[jsonwire.Kind]string{
		jsonwire.KindObject: ` {}`,
		jsonwire.KindArray:  ` []`,
		jsonwire.KindString: ` ""`,
		jsonwire.KindNumber: ` 1`,
		jsonwire.KindBool:   ` true`,
		jsonwire.KindNull:   ` null`,
	}
	for _, r := range readers {
		for kind, in := range inputs {
			d := jsonwire.NewDecoder([]byte(in))
			err := r.read(d)
			if kind == r.kind {
				if err != nil {
					t.Errorf("%v reader on %q: %v", r.kind, in, err)
				}
				continue
			}
			var ke *jsonwire.KindError
			if !errors.As(err, &ke) || ke.Offset != 1 || ke.Want != r.kind || ke.Got != kind {
				t.Errorf("%v reader on %q: error %#v, want KindError{1, %v, %v}", r.kind, in, err, r.kind, kind)
				continue
			}
			// Nothing was consumed: the value can still be skipped.
			if err := d.Skip(); err != nil {
				t.Errorf("%v reader on %q: Skip after KindError: %v", r.kind, in, err)
			}
		}
		var se *jsonwire.SyntaxError
		if err := r.read(jsonwire.NewDecoder([]byte(`]`))); !errors.As(err, &se) {
			t.Errorf("%v reader on ']': error %v, want SyntaxError", r.kind, err)
		}
		if err := r.read(jsonwire.NewDecoder(nil)); !errors.As(err, &se) || se.Msg != "unexpected end of JSON input" {
			t.Errorf("%v reader on empty input: error %v, want unexpected end", r.kind, err)
		}
	}
	for _, tt := range []struct {
		err  jsonwire.KindError
		want string
	}{
		{jsonwire.KindError{Offset: 3, Want: jsonwire.KindNumber, Got: jsonwire.KindString}, "JSON value at byte offset 3 is a string, want number"},
		{jsonwire.KindError{Offset: 0, Want: jsonwire.KindString, Got: jsonwire.KindArray}, "JSON value at byte offset 0 is an array, want string"},
	} {
		if got := tt.err.Error(); got != tt.want {
			t.Errorf("KindError.Error() = %q, want %q", got, tt.want)
		}
	}
}

func TestString(t *testing.T) {
	tests := []struct {
		in  string
		err string
	}{
		{`""`, ""},
		{`"hello, world"`, ""},
		{`"a long ASCII string that spans several eight-byte words"`, ""},
		{`"\"\\\/\b\f\n\r\t"`, ""},
		{`"\u0041\u00e9\u20ac\uffff\u0000"`, ""},
		{`"\uD83D\uDE00 pair"`, ""},
		{`"\uD83D lone high"`, ""},
		{`"\uDE00 lone low"`, ""},
		{`"\uD83D\uD83D\uDE00 high, then a pair"`, ""},
		{`"\uDE00\uD83D reversed"`, ""},
		{`"\uD83D\u0041 high then BMP"`, ""},
		{`"\uD83D\n high then other escape"`, ""},
		{`"\ud83d"`, ""},
		{`"caf` + "\u00e9" + `, 😀, ` + "\u2028" + `"`, ""},
		{"\"\xff\xfe bad bytes \xc3\x28 \xed\xa0\x80 \xf0\x9f\x98\"", ""},
		{"\"\xe2\x82\"", ""},
		{"\"\xef\xbf\xbd literal U+FFFD\"", ""},
		{"\"\x7f DEL\"", ""},
		{`"tab` + "\t" + `"`, "control character U+0009 in string"},
		{`"\x"`, `invalid escape sequence "\x"`},
		{`"\u00"`, `invalid escape sequence "\u00\""`},
		{`"\u`, "unexpected end"},
		{`"abc`, "unexpected end"},
	}
	for _, tt := range tests {
		d := jsonwire.NewDecoder([]byte(tt.in))
		got, err := d.String()
		if tt.err != "" {
			if err == nil || !strings.Contains(err.Error(), tt.err) {
				t.Errorf("String(%q) error = %v, want %q", tt.in, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("String(%q) error = %v", tt.in, err)
			continue
		}
		var want string
		if err := json.Unmarshal([]byte(tt.in), &want); err != nil {
			t.Fatalf("test table: %q: %v", tt.in, err)
		}
		if got != want {
			t.Errorf("String(%q) = %q, want %q", tt.in, got, want)
		}
		if d.Offset() != len(tt.in) {
			t.Errorf("String(%q) left offset %d", tt.in, d.Offset())
		}
	}
}

// TestStringDoesNotAlias checks that returned strings survive reuse of the
// input buffer and of the Decoder, across arena chunks.
func TestStringDoesNotAlias(t *testing.T) {
	buf := make([]byte, 0, 64<<10)
	d := jsonwire.NewDecoder(nil)
	var got, want []string
	for i := range 3000 {
		s := strings.Repeat(string(rune('a'+i%26)), i%50)
		if i%7 == 0 {
			s += "\n\u00e9"
		}
		if i%500 == 0 {
			s = strings.Repeat("x", 40<<10) // larger than a chunk
		}
		buf = jsonwire.AppendString(buf[:0], s)
		d.Reset(buf)
		v, err := d.String()
		if err != nil {
			t.Fatal(err)
		}
		got = append(got, v)
		want = append(want, s)
		for j := range buf {
			buf[j] = '#' // the caller reuses its buffer
		}
	}
	for i := range got {
		if got[i] != want[i] {
			t.Fatalf("string %d changed: %q, want %q", i, got[i], want[i])
		}
	}
}

func TestInt64(t *testing.T) {
	tests := []struct {
		in    string
		v     int64
		exact bool
	}{
		{`0`, 0, true},
		{`-0`, 0, true},
		{`7`, 7, true},
		{`-7`, -7, true},
		{`123456789012345678`, 123456789012345678, true},
		{`1732675200123`, 1732675200123, true},
		{`9223372036854775807`, math.MaxInt64, true},
		{`9223372036854775808`, 0, false},
		{`-9223372036854775808`, math.MinInt64, true},
		{`-9223372036854775809`, 0, false},
		{`18446744073709551616`, 0, false},
		{`99999999999999999999999`, 0, false},
		{`1e18`, 1_000_000_000_000_000_000, true},
		{`1e19`, 0, false},
		{`9.223372036854775807e18`, math.MaxInt64, true},
		{`92233720368547758.07e2`, math.MaxInt64, true},
		{`1.5`, 0, false},
		{`1.0`, 1, true},
		{`1.000000000000000000000000000`, 1, true},
		{`1.000000000000000000000000001`, 0, false},
		{`10.5e1`, 105, true},
		{`1050e-1`, 105, true},
		{`1051e-1`, 0, false},
		{`0.5`, 0, false},
		{`-0.0`, 0, true},
		{`1e3`, 1000, true},
		{`1E+3`, 1000, true},
		{`100e-2`, 1, true},
		{`0.00001e5`, 1, true},
		{`1e-999999999`, 0, false},
		{`1e999999999`, 0, false},
		{`0e999999999`, 0, true},
		{`0.0e-999999999`, 0, true},
		{`-1e999999999999999999999999`, 0, false},
		{`10000000000000000000000e-4`, 1_000_000_000_000_000_000, true},
	}
	for _, tt := range tests {
		d := jsonwire.NewDecoder([]byte(tt.in + " "))
		v, exact, err := d.Int64()
		if err != nil || v != tt.v || exact != tt.exact {
			t.Errorf("Int64(%s) = %d, %v, %v; want %d, %v", tt.in, v, exact, err, tt.v, tt.exact)
		}
		if d.Offset() != len(tt.in) {
			t.Errorf("Int64(%s) left offset %d", tt.in, d.Offset())
		}
	}
	for _, in := range []string{`-`, `1.`, `1e`, `-x`, `.5`} {
		if _, _, err := jsonwire.NewDecoder([]byte(in)).Int64(); err == nil {
			t.Errorf("Int64(%s): no error", in)
		}
	}
	// A leading zero ends the number, as in encoding/json.
	d := jsonwire.NewDecoder([]byte(`012`))
	if v, exact, err := d.Int64(); v != 0 || !exact || err != nil || d.Offset() != 1 {
		t.Errorf("Int64(012) = %d, %v, %v at offset %d; want 0 at offset 1", v, exact, err, d.Offset())
	}
}

func TestFloat64(t *testing.T) {
	tests := []struct {
		in    string
		exact bool
	}{
		{`0`, true},
		{`-0`, true},
		{`0.1`, true},
		{`0.3`, true},
		{`1.5`, true},
		{`-2.25e-3`, true},
		{`3.141592653589793`, true},
		{`3.1415926535897932`, false}, // the float64 is 3.141592653589793
		{`1.00000000000000000001`, false},
		{`123456789012345`, true},
		{`1234567890123456789`, false},
		{`9007199254740993`, false}, // 2^53+1 rounds to 2^53
		{`9007199254740992`, true},
		{`1e22`, true},
		{`1e23`, true},
		{`1e300`, true},
		{`1.7976931348623157e308`, true},
		{`1.7976931348623159e308`, false}, // overflows
		{`1e309`, false},
		{`-1e999999999`, false},
		{`1e-999999999`, false},
		{`0e999999999`, true},
		{`5e-324`, true},
		{`4.9e-324`, false}, // the smallest denormal's shortest form is 5e-324
		{`2e-324`, false},   // rounds to zero
		{`1e-400`, false},
		{`0.1000000000000000000000000000000`, true},
		{`100000000000000000000000000000000`, true},
		{`1732675200123`, true},
		{`39.98`, true},
		{`-5.5e-1`, true},
		{`-0.0`, true},
		{`0.000000000000001`, true},                     // 16 digits with the leading zeros: not the fast path
		{`123456789012345.0`, true},                     // likewise
		{`0.1000000000000000055511151231257827`, false}, // the exact value of the float64 0.1
	}
	for _, tt := range tests {
		d := jsonwire.NewDecoder([]byte(tt.in + ","))
		v, exact, err := d.Float64()
		want, _ := strconv.ParseFloat(tt.in, 64)
		if err != nil || exact != tt.exact || math.Float64bits(v) != math.Float64bits(want) {
			t.Errorf("Float64(%s) = %v, %v, %v; want %v, %v", tt.in, v, exact, err, want, tt.exact)
		}
		if d.Offset() != len(tt.in) {
			t.Errorf("Float64(%s) left offset %d", tt.in, d.Offset())
		}
	}
	// Past 800 integer digits strconv.ParseFloat of the literal as written
	// is wrong (golang/go#42436); these give the value itself.
	long := []struct {
		in    string
		want  float64
		exact bool
	}{
		{strings.Repeat("5", 1825) + "e-999", math.Inf(1), false},
		{strings.Repeat("1", 900) + "e-800", 1.1111111111111111e99, false},
		{"-" + strings.Repeat("9", 1000) + "e-1300", -1e-300, false},
		{"1" + strings.Repeat("0", 900) + "e-850", 1e50, true},
		{"0." + strings.Repeat("0", 1000) + "15e1100", 1.5e99, true},
		{strings.Repeat("3", 800) + "." + strings.Repeat("3", 100) + "e-799", 3.3333333333333335, false},
		// Just above the halfway point between two float64s: ParseFloat
		// needs all the digits here, and gave 9.007199254740992e-102.
		{"9007199254740993" + strings.Repeat("0", 900) + "1e-901", 9007199254740994, false},
	}
	for _, tt := range long {
		d := jsonwire.NewDecoder([]byte(tt.in))
		v, exact, err := d.Float64()
		if err != nil || exact != tt.exact || v != tt.want {
			t.Errorf("Float64(%.20s…) = %v, %v, %v; want %v, %v", tt.in, v, exact, err, tt.want, tt.exact)
		}
	}
	for _, in := range []string{`-`, `1.`, `1.e1`, `1e`, `-x`, `.5`} {
		if _, _, err := jsonwire.NewDecoder([]byte(in)).Float64(); err == nil {
			t.Errorf("Float64(%s): no error", in)
		}
	}
	d := jsonwire.NewDecoder([]byte(`00.5`))
	if v, exact, err := d.Float64(); v != 0 || !exact || err != nil || d.Offset() != 1 {
		t.Errorf("Float64(00.5) = %v, %v, %v at offset %d; want 0 at offset 1", v, exact, err, d.Offset())
	}
}

func TestNumberBoolNull(t *testing.T) {
	d := jsonwire.NewDecoder([]byte(` [ -12.5e+3 , true, false , null ] `))
	if err := d.BeginArray(); err != nil {
		t.Fatal(err)
	}
	if more, err := d.NextElement(); !more || err != nil {
		t.Fatal(more, err)
	}
	if n, err := d.Number(); string(n) != "-12.5e+3" || err != nil {
		t.Errorf("Number = %q, %v", n, err)
	}
	for _, want := range []bool{true, false} {
		if more, err := d.NextElement(); !more || err != nil {
			t.Fatal(more, err)
		}
		if b, err := d.Bool(); b != want || err != nil {
			t.Errorf("Bool = %v, %v; want %v", b, err, want)
		}
	}
	if more, err := d.NextElement(); !more || err != nil {
		t.Fatal(more, err)
	}
	if err := d.Null(); err != nil {
		t.Errorf("Null: %v", err)
	}
	if more, err := d.NextElement(); more || err != nil {
		t.Fatal(more, err)
	}
	if err := d.End(); err != nil {
		t.Error(err)
	}

	for _, in := range []string{`tru`, `trUe`, `nul`, `nulx`, `f`} {
		d := jsonwire.NewDecoder([]byte(in))
		var err error
		if in[0] == 'n' {
			err = d.Null()
		} else {
			_, err = d.Bool()
		}
		if err == nil {
			t.Errorf("%s: no error", in)
		}
	}
	if _, err := jsonwire.NewDecoder([]byte(`-`)).Number(); err == nil {
		t.Error("Number(-): no error")
	}
}

func TestRawAndCompact(t *testing.T) {
	tests := []struct {
		in   string
		raw  string
		rest string // what End finds after the value, "" for nothing
	}{
		{` 1 `, `1`, ""},
		{`"a b" `, `"a b"`, ""},
		{" { \"a b\" : [ 1 ,\t2 ] ,\n\"c\\\" d\":\"\\\\\" } ", "{ \"a b\" : [ 1 ,\t2 ] ,\n\"c\\\" d\":\"\\\\\" }", ""},
		{`[1] x`, `[1]`, "x"},
	}
	for _, tt := range tests {
		d := jsonwire.NewDecoder([]byte(tt.in))
		m := d.Mark()
		raw, err := d.Raw()
		if err != nil || string(raw) != tt.raw {
			t.Errorf("Raw(%q) = %q, %v; want %q", tt.in, raw, err, tt.raw)
		}
		d.Rewind(m)
		got, err := d.AppendCompact([]byte("prefix:"))
		if err != nil {
			t.Errorf("AppendCompact(%q): %v", tt.in, err)
		}
		want := bytes.NewBufferString("prefix:")
		if err := json.Compact(want, []byte(tt.raw)); err != nil {
			t.Fatal(err)
		}
		if string(got) != want.String() {
			t.Errorf("AppendCompact(%q) = %q, want %q", tt.in, got, want.String())
		}
		err = d.End()
		if (tt.rest == "") != (err == nil) {
			t.Errorf("End after %q: %v", tt.in, err)
		}
	}
	d := jsonwire.NewDecoder([]byte(`[1,]`))
	if got, err := d.AppendCompact([]byte("keep")); err == nil || string(got) != "keep" {
		t.Errorf("AppendCompact on bad input = %q, %v", got, err)
	}
	if raw, err := jsonwire.NewDecoder([]byte(`{"a":}`)).Raw(); err == nil || raw != nil {
		t.Errorf("Raw on bad input = %q, %v", raw, err)
	}
}

func TestMarkRewind(t *testing.T) {
	d := jsonwire.NewDecoder([]byte(`{"a": 12.5, "b": [1, {"c": null}], "d": "x"}`))
	if err := d.BeginObject(); err != nil {
		t.Fatal(err)
	}
	start := d.Mark()
	name, more, err := d.NextMember()
	if string(name) != "a" || !more || err != nil {
		t.Fatal(name, more, err)
	}
	atValue := d.Mark()
	if _, exact, _ := d.Int64(); exact {
		t.Error("12.5 exact as int64")
	}
	d.Rewind(atValue)
	if v, exact, err := d.Float64(); v != 12.5 || !exact || err != nil {
		t.Errorf("Float64 after Rewind = %v, %v, %v", v, exact, err)
	}
	d.Rewind(atValue)
	if n, err := d.Number(); string(n) != "12.5" || err != nil {
		t.Errorf("Number after Rewind = %q, %v", n, err)
	}

	// Rewinding to just after BeginObject reads the first member again,
	// even after nested containers were opened and closed.
	for range 2 {
		if name, _, _ := d.NextMember(); string(name) == "b" {
			if err := d.Skip(); err != nil {
				t.Fatal(err)
			}
		}
		d.Rewind(start)
		name, more, err := d.NextMember()
		if string(name) != "a" || !more || err != nil {
			t.Fatalf("after Rewind: %q, %v, %v", name, more, err)
		}
		if err := d.Skip(); err != nil {
			t.Fatal(err)
		}
	}

	// A Mark inside a nested array restores the depth too.
	if name, _, _ := d.NextMember(); string(name) != "b" {
		t.Fatalf("member %q, want b", name)
	}
	if err := d.BeginArray(); err != nil {
		t.Fatal(err)
	}
	inArray := d.Mark()
	for range 2 {
		d.Rewind(inArray)
		var n int
		for {
			more, err := d.NextElement()
			if err != nil {
				t.Fatal(err)
			}
			if !more {
				break
			}
			n++
			if err := d.Skip(); err != nil {
				t.Fatal(err)
			}
		}
		if n != 2 {
			t.Errorf("%d elements, want 2", n)
		}
	}
	name, more, err = d.NextMember()
	if string(name) != "d" || !more || err != nil {
		t.Fatal(name, more, err)
	}
	if s, err := d.String(); s != "x" || err != nil {
		t.Fatal(s, err)
	}
	if _, more, err := d.NextMember(); more || err != nil {
		t.Fatal(more, err)
	}
	if err := d.End(); err != nil {
		t.Fatal(err)
	}

	// A Mark from a longer input cannot make the Decoder panic.
	long := d.Mark()
	d.Reset([]byte(`1`))
	d.Rewind(long)
	if err := d.Skip(); err == nil {
		t.Error("Skip past the end: no error")
	}
}

func TestEnd(t *testing.T) {
	tests := []struct {
		in  string
		err string
	}{
		{`1`, ""},
		{"1 \t\r\n", ""},
		{`1 2`, "invalid character '2' after top-level value"},
		{`1,`, "invalid character ',' after top-level value"},
	}
	for _, tt := range tests {
		d := jsonwire.NewDecoder([]byte(tt.in))
		if err := d.Skip(); err != nil {
			t.Fatal(err)
		}
		err := d.End()
		if tt.err == "" && err != nil || tt.err != "" && (err == nil || !strings.Contains(err.Error(), tt.err)) {
			t.Errorf("End(%q) = %v, want %q", tt.in, err, tt.err)
		}
	}
}

func TestNoAllocs(t *testing.T) {
	event := benchEvent
	d := jsonwire.NewDecoder(event)
	lit := func(s string) []byte { return []byte(s) }
	integer, decimal, exponent, long := lit(`-1732675200123`), lit(`39.98`), lit(`1.5e3`), lit(`3.1415926535897932384626`)
	tr, nl := lit(`true`), lit(`null`)
	checks := []struct {
		name string
		run  func()
	}{
		{"Skip", func() { d.Reset(event); _ = d.Skip() }},
		{"Peek", func() { d.Reset(event); _ = d.Peek() }},
		{"Walk without strings", func() { d.Reset(event); walk(t, d, false) }},
		{"Int64", func() { d.Reset(integer); _, _, _ = d.Int64() }},
		{"Int64 slow", func() { d.Reset(exponent); _, _, _ = d.Int64() }},
		{"Float64", func() { d.Reset(decimal); _, _, _ = d.Float64() }},
		{"Float64 slow", func() { d.Reset(long); _, _, _ = d.Float64() }},
		{"Bool", func() { d.Reset(tr); _, _ = d.Bool() }},
		{"Null", func() { d.Reset(nl); _ = d.Null() }},
	}
	for _, c := range checks {
		if n := testing.AllocsPerRun(100, c.run); n != 0 {
			t.Errorf("%s: %v allocations, want 0", c.name, n)
		}
	}
	// Strings allocate only arena chunks: far fewer than one per string.
	n := testing.AllocsPerRun(100, func() {
		d.Reset(event)
		walk(t, d, true)
	})
	if n > 1 {
		t.Errorf("decoding the event with strings: %v allocations, want at most 1", n)
	}
}

// walk decodes a shallow document (the benchmark event) value by value,
// reading strings with String if readStrings is set and skipping them
// otherwise, and numbers with Float64.
func walk(t testing.TB, d *jsonwire.Decoder, readStrings bool) {
	var inObject [32]bool
	depth := 0
	for {
		switch d.Peek() {
		case jsonwire.KindObject:
			must(t, d.BeginObject())
			inObject[depth] = true
			depth++
		case jsonwire.KindArray:
			must(t, d.BeginArray())
			inObject[depth] = false
			depth++
		case jsonwire.KindString:
			if readStrings {
				_, err := d.String()
				must(t, err)
			} else {
				must(t, d.Skip())
			}
		case jsonwire.KindNumber:
			_, _, err := d.Float64()
			must(t, err)
		default:
			must(t, d.Skip())
		}
		for depth > 0 {
			var more bool
			var err error
			if inObject[depth-1] {
				_, more, err = d.NextMember()
			} else {
				more, err = d.NextElement()
			}
			must(t, err)
			if more {
				break
			}
			depth--
		}
		if depth == 0 {
			must(t, d.End())
			return
		}
	}
}

func must(t testing.TB, err error) {
	if err != nil {
		t.Helper()
		t.Fatal(err)
	}
}

func TestSkipSpans(t *testing.T) {
	big := `[` + strings.Repeat(`1,`, 20) + `1]` // 43 bytes
	tests := []struct {
		name string
		doc  string
		min  int
		want []jsonwire.Span
	}{
		{"scalar", `"abc"`, 3, nil},
		{"empty containers are never kept", `[[],{}]`, 0, []jsonwire.Span{{0, 7}}},
		{"small dropped, large kept", `[[1],` + big + `]`, 10, []jsonwire.Span{{0, 49}, {5, 48}}},
		{"in the order they start", `{"a":{"b":` + big + `}, "c":` + big + `}`, 40, []jsonwire.Span{{0, 104}, {5, 54}, {10, 53}, {60, 103}}},
		{"leading whitespace", " \n" + big, 40, []jsonwire.Span{{2, 45}}},
	}
	for _, tt := range tests {
		d := jsonwire.NewDecoder([]byte(tt.doc))
		got, err := d.SkipSpans(tt.min, nil)
		if err != nil || !reflect.DeepEqual(got, tt.want) {
			t.Errorf("%s: SkipSpans = %v, %v; want %v", tt.name, got, err, tt.want)
		}
		if d.Offset() != len(tt.doc) {
			t.Errorf("%s: offset %d after SkipSpans, want %d", tt.name, d.Offset(), len(tt.doc))
		}
	}
	// An error is Skip's.
	for _, doc := range []string{`[1,`, `{"a" 1}`, `[` + big + `,]`} {
		_, err := jsonwire.NewDecoder([]byte(doc)).SkipSpans(3, nil)
		want := jsonwire.NewDecoder([]byte(doc)).Skip()
		if err == nil || fmt.Sprint(err) != fmt.Sprint(want) {
			t.Errorf("SkipSpans(%q) error = %v, Skip error = %v", doc, err, want)
		}
	}
}
