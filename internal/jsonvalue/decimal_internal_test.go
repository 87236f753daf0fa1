package jsonvalue

import (
	"encoding/json"
	"math/big"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
)

func TestDecimalRepresentation(t *testing.T) {
	tests := []struct {
		lit    string
		neg    bool
		digits string
		exp    string // the exponent in decimal
		big    bool   // whether the exponent is a big.Int
	}{
		{"0", false, "", "0", false},
		{"-0.000e-99999999999999999999999", false, "", "0", false},
		{"-12.3400", true, "1234", "-2", false},
		{"00.5", false, "5", "-1", false}, // not valid JSON, but decomposed all the same
		{"1200", false, "12", "2", false},
		{"1.5e+10", false, "15", "9", false},
		{"1e999999999999999999", false, "1", "999999999999999999", false},
		{"1e4611686018427387903", false, "1", "4611686018427387903", false},
		{"1e4611686018427387904", false, "1", "4611686018427387904", true},
		{"1e-4611686018427387903", false, "1", "-4611686018427387903", false},
		{"1e-4611686018427387904", false, "1", "-4611686018427387904", true},
		{"0.1e4611686018427387904", false, "1", "4611686018427387903", false},
		{"1e0000000000000000000000000000002", false, "1", "2", false},
		{"-25e-99999999999999999999999", true, "25", "-99999999999999999999999", true},
	}
	for _, tt := range tests {
		d := decimalFromLiteral(tt.lit)
		if d.neg != tt.neg || d.digits != tt.digits || d.exponent().String() != tt.exp || (d.bigExp != nil) != tt.big {
			t.Errorf("%s: neg %v, digits %q, exponent %s, big %v; want %v, %q, %s, %v",
				tt.lit, d.neg, d.digits, d.exponent(), d.bigExp != nil, tt.neg, tt.digits, tt.exp, tt.big)
		}
	}
}

// rat returns the value of d, if its size allows computing it cheaply.
func (d Decimal) rat() (*big.Rat, bool) {
	e := d.exponent()
	if len(d.digits) > 1000 || !e.IsInt64() || e.Int64() < -1000 || e.Int64() > 1000 {
		return nil, false
	}
	r, _ := new(big.Rat).SetString(string(d.appendCanonical(nil)))
	return r, true
}

// FuzzNumber checks ParseNumber against json.Valid and the arithmetic of
// Decimal against big.Rat and float64.
func FuzzNumber(f *testing.F) {
	for _, seed := range [][2]string{
		{"0", "-0"}, {"1", "1.0"}, {"10e-1", "1e0"}, {"1e308", "1e309"},
		{"1e999999999999999999999", "1e999999999999999999998"},
		{"123e-2", "0.01"}, {"0.0075", "0.0001"}, {"19.99", "0.01"},
		{"1e-999", "1"}, {"1e400", "7"}, {"1e400", "5"}, {"0", "0.3"},
		{"1e999999999", "3"}, {"1e-999999999", "0.0001"}, {"12345678901234567890123", "0.01"},
		{"-9223372036854775808", "9223372036854775807"}, {"1e4611686018427387904", "1e-4611686018427387904"},
		{"01", "1."}, {"-", "+1"}, {"1e", ".5"}, {" 1", "1 "},
	} {
		f.Add(seed[0], seed[1])
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		na, errA := ParseNumber(a)
		nb, errB := ParseNumber(b)
		checkNumberSyntax(t, a, errA)
		checkNumberSyntax(t, b, errB)
		if errA != nil || errB != nil {
			return
		}
		if na.Literal() != a {
			t.Fatalf("Literal() = %q, want %q", na.Literal(), a)
		}

		c := na.Cmp(nb)
		if nb.Cmp(na) != -c || na.Cmp(na) != 0 {
			t.Fatalf("Cmp of %s and %s is not antisymmetric", a, b)
		}
		// Rounding to float64 is monotonic.
		if fa, fb := na.Float64(), nb.Float64(); c < 0 && fa > fb || c > 0 && fa < fb || c == 0 && fa != fb {
			t.Fatalf("%s.Cmp(%s) = %d but the float64s are %v and %v", a, b, c, fa, fb)
		}
		if keyEq := string(na.appendCanonical(nil)) == string(nb.appendCanonical(nil)); keyEq != (c == 0) {
			t.Fatalf("canonical forms of %s and %s disagree with Cmp = %d", a, b, c)
		}
		if i, ok := na.Int64(); ok && (NumberFromInt64(i).Cmp(na) != 0 || !na.IsInteger()) {
			t.Fatalf("%s.Int64() = %d", a, i)
		}
		multiple := na.MultipleOf(nb)
		if multiple && (nb.Sign() <= 0 || !na.IsInteger() && nb.IsInteger()) {
			t.Fatalf("%s.MultipleOf(%s) = true", a, b)
		}

		ra, okA := na.rat()
		rb, okB := nb.rat()
		if !okA || !okB {
			return
		}
		if want := ra.Cmp(rb); c != want {
			t.Fatalf("%s.Cmp(%s) = %d, want %d", a, b, c, want)
		}
		if na.IsInteger() != ra.IsInt() {
			t.Fatalf("%s.IsInteger() = %v", a, na.IsInteger())
		}
		if i, ok := na.Int64(); ok != (ra.IsInt() && ra.Num().IsInt64()) || ok && i != ra.Num().Int64() {
			t.Fatalf("%s.Int64() = %d, %v", a, i, ok)
		}
		if f, _ := ra.Float64(); f != na.Float64() {
			t.Fatalf("%s.Float64() = %v, want %v", a, na.Float64(), f)
		}
		want := rb.Sign() > 0 && new(big.Rat).Quo(ra, rb).IsInt()
		if multiple != want {
			t.Fatalf("%s.MultipleOf(%s) = %v, want %v", a, b, multiple, want)
		}
	})
}

// checkNumberSyntax checks that ParseNumber accepted s, with error err,
// exactly if s is a JSON number literal.
func checkNumberSyntax(t *testing.T, s string, err error) {
	t.Helper()
	// A valid JSON document that starts with '-' or a digit and ends with a
	// digit is a number literal without surrounding whitespace.
	want := json.Valid([]byte(s)) && (s[0] == '-' || isDigit(s[0])) && isDigit(s[len(s)-1])
	if (err == nil) != want {
		t.Fatalf("ParseNumber(%q) error = %v, want valid = %v", s, err, want)
	}
	if se, ok := err.(*jsonwire.SyntaxError); err != nil && (!ok || se.Offset < 0 || se.Offset > int64(len(s))) {
		t.Fatalf("ParseNumber(%q) error = %#v", s, err)
	}
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }
