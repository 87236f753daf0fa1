package jsonwire_test

import (
	"bytes"
	"encoding/json"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"strings"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
)

// fuzzSeeds are documents, valid and not, that reach every branch of the
// scanner.
var fuzzSeeds = []string{
	``, ` `, `0`, `-0`, `-0.0e-0`, `1.5E+10`, `01`, `1.`, `.1`, `-`, `1e`, `123456789012345678901234567890`,
	`9223372036854775807`, `-9223372036854775808`, `1e999999999`, `4.9e-324`, `0.1`,
	`true`, `false`, `null`, `tru`, `nulll`,
	`""`, `"abc"`, `"\"\\\/\b\f\n\r\t"`, `"\u00e9\uD83D\uDE00\uDE00\uD83D"`, `"\u12"`, `"\q"`,
	"\"\xff\xc3\x28\xed\xa0\x80\"", "\"a\nb\"", "\"\u2028\"",
	`[]`, `[1,2,[3,[4]]]`, `[1,]`, `[,]`, `{}`, `{"a":1}`, `{"a":1,}`, `{"a" 1}`, `{"a":{"b":{"c":[]}}}`,
	`{"a":1,"a":2}`, `{"\u0061":"\u0062"}`, " \t\n\r{ \"k\" : [ 1 , \"v\" ] } \n", `[1] 2`, `{"a":1]`,
	strings.Repeat("[", 100) + strings.Repeat("]", 100),
	string(benchEvent),
}

// FuzzValid checks that Skip followed by End accepts exactly what
// json.Valid accepts, and that Raw returns the whole value.
func FuzzValid(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		err := validate(data)
		if want := json.Valid(data); (err == nil) != want {
			t.Fatalf("Skip+End = %v, json.Valid = %v", err, want)
		}
		if err == nil {
			d := jsonwire.NewDecoder(data)
			raw, err := d.Raw()
			if err != nil || !bytes.Equal(raw, bytes.TrimSpace(data)) {
				t.Fatalf("Raw = %q, %v", raw, err)
			}
		}
	})
}

// FuzzDecodeTree checks that walking a valid document with the primitives
// yields the value tree json.Unmarshal builds (with UseNumber), strings
// equal byte for byte, and that invalid documents fail.
func FuzzDecodeTree(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d := jsonwire.NewDecoder(data)
		got, err := decodeTree(d)
		if err == nil {
			err = d.End()
		}
		if !json.Valid(data) {
			if err == nil {
				t.Fatalf("decoded invalid input to %#v", got)
			}
			return
		}
		if err != nil {
			t.Fatalf("valid input: %v", err)
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.UseNumber()
		var want any
		if err := dec.Decode(&want); err != nil {
			t.Fatalf("encoding/json: %v", err)
		}
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("got  %#v\nwant %#v", got, want)
		}
	})
}

// decodeTree reads one value the way generated code does, checking on the
// way that Int64, Float64 and Number agree on each number.
func decodeTree(d *jsonwire.Decoder) (any, error) {
	switch d.Peek() {
	case jsonwire.KindObject:
		if err := d.BeginObject(); err != nil {
			return nil, err
		}
		m := map[string]any{}
		for {
			name, more, err := d.NextMember()
			if err != nil || !more {
				return m, err
			}
			key := string(name)
			if m[key], err = decodeTree(d); err != nil {
				return nil, err
			}
		}
	case jsonwire.KindArray:
		if err := d.BeginArray(); err != nil {
			return nil, err
		}
		a := []any{}
		for {
			more, err := d.NextElement()
			if err != nil || !more {
				return a, err
			}
			v, err := decodeTree(d)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
	case jsonwire.KindString:
		return d.String()
	case jsonwire.KindNumber:
		return decodeNumber(d)
	case jsonwire.KindBool:
		return d.Bool()
	case jsonwire.KindNull:
		return nil, d.Null()
	}
	return nil, d.Skip() // reports the syntax error
}

func decodeNumber(d *jsonwire.Decoder) (any, error) {
	m := d.Mark()
	iv, iexact, ierr := d.Int64()
	end := d.Offset()
	d.Rewind(m)
	fv, fexact, ferr := d.Float64()
	if d.Offset() != end || (ierr == nil) != (ferr == nil) {
		panic("Int64 and Float64 disagree on the number's extent")
	}
	d.Rewind(m)
	lit, err := d.Number()
	if err != nil {
		return nil, err
	}
	if ierr != nil || ferr != nil || d.Offset() != end {
		panic("Number disagrees with Int64 on the number's extent or validity")
	}
	if iexact && !fexact && math.Abs(fv) < 1<<53 {
		panic("exact int64 below 2^53 is not an exact float64: " + string(lit))
	}
	if iexact && fv != float64(iv) {
		panic("Int64 and Float64 disagree: " + string(lit))
	}
	return json.Number(string(lit)), nil
}

// FuzzCompact checks AppendCompact against json.Compact.
func FuzzCompact(f *testing.F) {
	for _, s := range fuzzSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		d := jsonwire.NewDecoder(data)
		got, err := d.AppendCompact([]byte("x"))
		if err == nil {
			err = d.End()
		}
		var want bytes.Buffer
		want.WriteString("x")
		wantErr := json.Compact(&want, data)
		if (err == nil) != (wantErr == nil) {
			t.Fatalf("error %v, json.Compact error %v", err, wantErr)
		}
		if err == nil && !bytes.Equal(got, want.Bytes()) {
			t.Fatalf("got  %q\nwant %q", got, want.Bytes())
		}
	})
}

// FuzzAppend checks that AppendString and AppendFloat write strings and
// floats exactly as encoding/json does, and that the Decoder reads back the
// values written.
func FuzzAppend(f *testing.F) {
	f.Add("", 0.0)
	f.Add("hello", 1.5)
	f.Add("\"\\\n\x00\u2028\xff", 1e21)
	f.Add("café 😀", 1e-7)
	f.Add("<&>", math.Copysign(0, -1))
	f.Add("\xed\xa0\x80\xe2\x82", math.Inf(1))
	f.Add("x", math.NaN())
	f.Fuzz(func(t *testing.T, s string, v float64) {
		wantS, err := marshalNoHTML(s)
		if err != nil {
			t.Fatal(err)
		}
		gotS := jsonwire.AppendString(nil, s)
		if !bytes.Equal(gotS, wantS) {
			t.Fatalf("AppendString(%q) = %s, want %s", s, gotS, wantS)
		}
		var sBack string
		if err := json.Unmarshal(wantS, &sBack); err != nil {
			t.Fatal(err)
		}
		if got, err := jsonwire.NewDecoder(gotS).String(); got != sBack || err != nil {
			t.Fatalf("String = %q, %v; want %q", got, err, sBack)
		}

		gotF, ok := jsonwire.AppendFloat(nil, v)
		if finite := !math.IsNaN(v) && !math.IsInf(v, 0); ok != finite {
			t.Fatalf("AppendFloat(%v) ok = %v", v, ok)
		}
		if !ok {
			return
		}
		if wantF, _ := json.Marshal(v); !bytes.Equal(gotF, wantF) {
			t.Fatalf("AppendFloat(%v) = %s, want %s", v, gotF, wantF)
		}
		got, exact, err := jsonwire.NewDecoder(gotF).Float64()
		if err != nil || !exact || math.Float64bits(got) != math.Float64bits(v) {
			t.Fatalf("Float64 = %v, %v, %v; want %v exact", got, exact, err, v)
		}
	})
}

// FuzzNumber checks Int64 and Float64 against exact rational arithmetic,
// for literals short enough for math/big to handle quickly, and that any
// number is read without panicking.
func FuzzNumber(f *testing.F) {
	for _, s := range []string{
		"0", "-0", "1.0", "1e3", "10.5e1", "1.5", "9223372036854775807", "9223372036854775808",
		"-9223372036854775808", "1e18", "1e-999999999", "1e999999999", "0e999999999",
		"0.1", "0.30000000000000004", "1.00000000000000000001", "5e-324", "2.4703282292062328e-324",
		"1.7976931348623157e308", "1.797693134862315807e308", "123456789012345678901234567890e-10",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, lit string) {
		d := jsonwire.NewDecoder([]byte(lit))
		if d.Peek() != jsonwire.KindNumber || validate([]byte(lit)) != nil {
			return
		}
		iv, iexact, err := d.Int64()
		if err != nil {
			t.Fatal(err)
		}
		d.Reset([]byte(lit))
		fv, fexact, err := d.Float64()
		if err != nil {
			t.Fatal(err)
		}
		lit = strings.Trim(lit, " \t\r\n")
		want, _ := strconv.ParseFloat(lit, 64)
		if math.Float64bits(fv) != math.Float64bits(want) {
			t.Fatalf("Float64(%s) = %v, want %v", lit, fv, want)
		}
		if len(lit) > 400 || exponentMagnitude(lit) > 400 {
			return // too slow for math/big
		}
		r, ok := new(big.Rat).SetString(lit)
		if !ok {
			t.Fatalf("big.Rat cannot parse %s", lit)
		}
		wantIExact := r.IsInt() && r.Num().IsInt64()
		if iexact != wantIExact || iexact && iv != r.Num().Int64() {
			t.Fatalf("Int64(%s) = %d, %v; want exact=%v", lit, iv, iexact, wantIExact)
		}
		wantFExact := false
		if !math.IsInf(want, 0) {
			short, _ := new(big.Rat).SetString(strconv.FormatFloat(want, 'g', -1, 64))
			wantFExact = short.Cmp(r) == 0
		}
		if fexact != wantFExact {
			t.Fatalf("Float64(%s) exact = %v, want %v", lit, fexact, wantFExact)
		}
	})
}

// exponentMagnitude returns |exponent| of a number literal, capped.
func exponentMagnitude(lit string) int {
	i := strings.IndexAny(lit, "eE")
	if i < 0 {
		return 0
	}
	e, err := strconv.Atoi(strings.TrimLeft(lit[i+1:], "+-"))
	if err != nil {
		return math.MaxInt
	}
	return e
}
