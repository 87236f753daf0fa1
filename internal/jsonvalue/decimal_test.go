package jsonvalue_test

import (
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/internal/jsonvalue"
	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
)

func mustNumber(t *testing.T, lit string) jsonvalue.Decimal {
	t.Helper()
	n, err := jsonvalue.ParseNumber(lit)
	if err != nil {
		t.Fatalf("ParseNumber(%q): %v", lit, err)
	}
	return n
}

// Exponents beyond int64, and around maxSmallExp (2^62), where the
// representation switches to big.Int.
const (
	hugeExp = "999999999999999999999"
	exp2p62 = "4611686018427387904" // 2^62
)

func TestCmp(t *testing.T) {
	tests := []struct {
		a, b string
		want int
	}{
		{"0", "-0", 0},
		{"0", "0.000e-5", 0},
		{"-0.0", "0e999999999999999999999", 0},
		{"1", "1.0", 0},
		{"1", "1e0", 0},
		{"1", "10e-1", 0},
		{"1.0", "10e-1", 0},
		{"1", "1E+0", 0},
		{"100", "1e2", 0},
		{"100", "1E+2", 0},
		{"123.45", "12345e-2", 0},
		{"0.1", "0.10", 0},
		{"10", "1e0000000000000000000000000000001", 0},
		{"1e308", "1e309", -1},
		{"1e" + hugeExp, "1e999999999999999999998", 1},
		{"-1e" + hugeExp, "-1e999999999999999999998", -1},
		{"1e-" + hugeExp, "1e-999999999999999999998", -1},
		{"1e-" + hugeExp, "0", 1},
		{"-1e-" + hugeExp, "0", -1},
		{"1e" + hugeExp, "10e999999999999999999998", 0},
		{"1e" + hugeExp, "2", 1},
		{"2e" + hugeExp, "1e" + hugeExp, 1},
		{"1.5e" + hugeExp, "1.49e" + hugeExp, 1},
		{"1e" + exp2p62, "10e4611686018427387903", 0},
		{"1e" + exp2p62, "1e4611686018427387903", 1},
		{"0.1e" + exp2p62, "1e4611686018427387903", 0},
		{"1e-" + exp2p62, "1e-4611686018427387903", -1},
		{"0.12", "0.123", -1},
		{"0.2", "0.19", 1},
		{"-1", "1", -1},
		{"-0.5", "0", -1},
		{"-2", "-10", 1},
		{"9223372036854775807", "9223372036854775808", -1},
		{"123456789012345678901234567890", "123456789012345678901234567891", -1},
	}
	for _, tt := range tests {
		a, b := mustNumber(t, tt.a), mustNumber(t, tt.b)
		if got := a.Cmp(b); got != tt.want {
			t.Errorf("%s.Cmp(%s) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := b.Cmp(a); got != -tt.want {
			t.Errorf("%s.Cmp(%s) = %d, want %d", tt.b, tt.a, got, -tt.want)
		}
	}
}

func TestIsInteger(t *testing.T) {
	tests := []struct {
		lit  string
		want bool
	}{
		{"0", true},
		{"-0", true},
		{"0.0", true},
		{"0e-" + hugeExp, true},
		{"1", true},
		{"1.0", true},
		{"-3.000", true},
		{"1e400", true},
		{"1.5e1", true},
		{"120e-1", true},
		{"1e" + hugeExp, true},
		{"1.5", false},
		{"15e-1", false},
		{"1e-400", false},
		{"1e-" + hugeExp, false},
		{"-0.5", false},
	}
	for _, tt := range tests {
		if got := mustNumber(t, tt.lit).IsInteger(); got != tt.want {
			t.Errorf("%s.IsInteger() = %v, want %v", tt.lit, got, tt.want)
		}
	}
}

func TestMultipleOf(t *testing.T) {
	tests := []struct {
		n, d string
		want bool
	}{
		{"123e-2", "0.01", true},
		{"0.0075", "0.0001", true},
		{"0.0075", "0.0002", false},
		{"19.99", "0.01", true},
		{"0.3", "0.1", true},
		{"4.5", "1.5", true},
		{"0.5", "0.25", true},
		{"7", "0.5", true},
		{"7.5", "2", false},
		{"1", "0.3", false},
		{"10", "3", false},
		{"9", "3", true},
		{"-9", "3", true},
		{"20", "40", false},
		{"1", "10", false},
		{"1e-999", "1", false},
		{"1e400", "7", false},
		{"1e400", "5", true},
		{"1e308", "1e-308", true},
		{"3e22", "3", true},
		{"1e22", "3", false},
		{"6e22", "1.5", true},
		{"0", "0.3", true},
		{"-0", "7", true},
		{"0", "1e-" + hugeExp, true},
		{"1e999999999", "3", false},
		{"1e999999999", "2.5", true},
		{"1e-999999999", "0.0001", false},
		{"12345678901234567890123", "0.01", true},
		{"12345678901234567890123", "3", true}, // digit sum 96
		{"12345678901234567890123", "9", false},
		{"12345678901234567890123", "0.03", true},
		{"1e" + hugeExp, "2", true},
		{"1e" + hugeExp, "3", false},
		{"1e" + hugeExp, "1e" + hugeExp, true},
		{"1e" + hugeExp, "1e-" + hugeExp, true},
		{"1e-" + hugeExp, "1e-" + hugeExp, true},
		{"2e-" + hugeExp, "1e-" + hugeExp, true},
		{"1e-" + hugeExp, "2e-" + hugeExp, false},
		{"1e-" + hugeExp, "1e" + hugeExp, false},
		// A divisor must be positive.
		{"1", "0", false},
		{"0", "0", false},
		{"1", "-1", false},
	}
	for _, tt := range tests {
		if got := mustNumber(t, tt.n).MultipleOf(mustNumber(t, tt.d)); got != tt.want {
			t.Errorf("%s.MultipleOf(%s) = %v, want %v", tt.n, tt.d, got, tt.want)
		}
	}
}

func TestInt64(t *testing.T) {
	tests := []struct {
		lit  string
		want int64
		ok   bool
	}{
		{"0", 0, true},
		{"-0", 0, true},
		{"0e" + hugeExp, 0, true},
		{"1.0", 1, true},
		{"1e2", 100, true},
		{"-12.30e1", -123, true},
		{"1e18", 1e18, true},
		{"12e17", 12e17, true},
		{"9223372036854775807", math.MaxInt64, true},
		{"-9223372036854775808", math.MinInt64, true},
		{"9223372036854775808", 0, false},
		{"-9223372036854775809", 0, false},
		{"1e19", 0, false},
		{"1.5", 0, false},
		{"1e400", 0, false},
		{"1e" + hugeExp, 0, false},
		{"1e-" + hugeExp, 0, false},
	}
	for _, tt := range tests {
		got, ok := mustNumber(t, tt.lit).Int64()
		if got != tt.want || ok != tt.ok {
			t.Errorf("%s.Int64() = %d, %v, want %d, %v", tt.lit, got, ok, tt.want, tt.ok)
		}
	}
}

func TestFloat64(t *testing.T) {
	tests := []struct {
		lit  string
		want float64
	}{
		{"0.1", 0.1},
		{"1e308", 1e308},
		{"1e309", math.Inf(1)},
		{"-1e309", math.Inf(-1)},
		{"1e" + hugeExp, math.Inf(1)},
		{"1e-400", 0},
		{"1e-" + hugeExp, 0},
		{"-0", math.Copysign(0, -1)},
		{"-1e-400", math.Copysign(0, -1)},
		{"5e-324", 5e-324},
		{"123456789012345678901234567890", 123456789012345678901234567890},
		// More than 800 integer digits: strconv.ParseFloat of these literals
		// as written is wrong (golang/go#42436).
		{strings.Repeat("5", 1825) + "e-999", math.Inf(1)},
		{strings.Repeat("1", 900) + "e-800", 1.1111111111111111e99},
		{"-" + strings.Repeat("9", 1000) + "e-1300", -1e-300},
		{"0." + strings.Repeat("0", 1000) + "1e1100", 1e99},
		{"9007199254740993" + strings.Repeat("0", 900) + "1e-901", 9007199254740994},
	}
	for _, tt := range tests {
		got := mustNumber(t, tt.lit).Float64()
		if got != tt.want || math.Signbit(got) != math.Signbit(tt.want) {
			t.Errorf("%s.Float64() = %v, want %v", tt.lit, got, tt.want)
		}
	}
}

func TestNumberFromFloat64(t *testing.T) {
	tests := []struct {
		f    float64
		want string // the literal, as json.Marshal writes it
	}{
		{0, "0"},
		{math.Copysign(0, -1), "-0"},
		{0.1, "0.1"},
		{-2.5, "-2.5"},
		{123456789, "123456789"},
		{1e20, "100000000000000000000"},
		{1e21, "1e+21"},
		{1e-6, "0.000001"},
		{1e-7, "1e-7"},
		{5e-324, "5e-324"},
		{math.MaxFloat64, "1.7976931348623157e+308"},
	}
	for _, tt := range tests {
		n := jsonvalue.NumberFromFloat64(tt.f)
		if n.Literal() != tt.want {
			t.Errorf("NumberFromFloat64(%v).Literal() = %q, want %q", tt.f, n.Literal(), tt.want)
		}
		if n.Cmp(mustNumber(t, tt.want)) != 0 {
			t.Errorf("NumberFromFloat64(%v) != %s", tt.f, tt.want)
		}
		if got := n.Float64(); got != tt.f || math.Signbit(got) != math.Signbit(tt.f) {
			t.Errorf("NumberFromFloat64(%v).Float64() = %v", tt.f, got)
		}
	}
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("NumberFromFloat64(%v) did not panic", f)
				}
			}()
			jsonvalue.NumberFromFloat64(f)
		}()
	}
}

func TestNumberFromInt64(t *testing.T) {
	for _, i := range []int64{0, 1, -1, 100, math.MaxInt64, math.MinInt64} {
		n := jsonvalue.NumberFromInt64(i)
		if got, ok := n.Int64(); got != i || !ok {
			t.Errorf("NumberFromInt64(%d).Int64() = %d, %v", i, got, ok)
		}
		if n.Literal() != strconv.FormatInt(i, 10) {
			t.Errorf("NumberFromInt64(%d).Literal() = %q", i, n.Literal())
		}
	}
}

func TestZeroDecimal(t *testing.T) {
	var z jsonvalue.Decimal
	if z.Literal() != "0" || !z.IsZero() || z.Sign() != 0 || !z.IsInteger() || z.Float64() != 0 {
		t.Errorf("zero Decimal: literal %q, IsZero %v, Sign %d, IsInteger %v, Float64 %v",
			z.Literal(), z.IsZero(), z.Sign(), z.IsInteger(), z.Float64())
	}
	if z.Cmp(mustNumber(t, "-0.0")) != 0 {
		t.Error("zero Decimal != -0.0")
	}
}

func TestSign(t *testing.T) {
	for lit, want := range map[string]int{"0": 0, "-0": 0, "-0e5": 0, "1e-" + hugeExp: 1, "-1e" + hugeExp: -1, "0.5": 1, "-7": -1} {
		if got := mustNumber(t, lit).Sign(); got != want {
			t.Errorf("%s.Sign() = %d, want %d", lit, got, want)
		}
	}
}

func TestParseNumberErrors(t *testing.T) {
	tests := []struct {
		lit    string
		offset int64
	}{
		{"", 0},
		{"-", 1},
		{"+1", 0},
		{"01", 1},
		{"-01", 2},
		{"1.", 2},
		{".1", 0},
		{"1.e5", 2},
		{"1e", 2},
		{"1e+", 3},
		{"1E-x", 3},
		{" 1", 0},
		{"1 ", 1},
		{"0x1", 1},
		{"NaN", 0},
		{"Infinity", 0},
		{"-Infinity", 1},
		{"1.0.0", 3},
		{"--1", 1},
		{"1e5e5", 3},
		{"\xff", 0},
	}
	for _, tt := range tests {
		_, err := jsonvalue.ParseNumber(tt.lit)
		var se *jsonwire.SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("ParseNumber(%q) error = %v, want a *SyntaxError", tt.lit, err)
			continue
		}
		if se.Offset != tt.offset {
			t.Errorf("ParseNumber(%q) error %q at offset %d, want %d", tt.lit, err, se.Offset, tt.offset)
		}
	}
}

func TestSyntaxErrorMessage(t *testing.T) {
	_, err := jsonvalue.ParseNumber("1x")
	if want := "invalid JSON at byte offset 1: invalid character 'x' after number"; err == nil || err.Error() != want {
		t.Errorf("got %v, want %s", err, want)
	}
}

// randomLiteral returns a short random number literal, possibly with a
// fraction and an exponent, so that results can be checked against big.Rat.
func randomLiteral(r *rand.Rand) string {
	var b strings.Builder
	if r.IntN(3) == 0 {
		b.WriteByte('-')
	}
	b.WriteString(strconv.Itoa(r.IntN(1000)))
	if r.IntN(2) == 0 {
		b.WriteByte('.')
		for range 1 + r.IntN(4) {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
	}
	if r.IntN(3) == 0 {
		b.WriteString("e" + strconv.Itoa(r.IntN(13)-6))
	}
	return b.String()
}

// TestAgainstRat checks the arithmetic of Decimal against math/big.Rat on
// random small numbers.
func TestAgainstRat(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 200000 {
		a, b := randomLiteral(r), randomLiteral(r)
		na, nb := mustNumber(t, a), mustNumber(t, b)
		ra, _ := new(big.Rat).SetString(a)
		rb, _ := new(big.Rat).SetString(b)

		if got, want := na.Cmp(nb), ra.Cmp(rb); got != want {
			t.Fatalf("%s.Cmp(%s) = %d, want %d", a, b, got, want)
		}
		if got, want := na.IsInteger(), ra.IsInt(); got != want {
			t.Fatalf("%s.IsInteger() = %v, want %v", a, got, want)
		}
		if got, want := na.Sign(), ra.Sign(); got != want {
			t.Fatalf("%s.Sign() = %d, want %d", a, got, want)
		}
		i, ok := na.Int64()
		if wantOK := ra.IsInt() && ra.Num().IsInt64(); ok != wantOK || ok && i != ra.Num().Int64() {
			t.Fatalf("%s.Int64() = %d, %v", a, i, ok)
		}
		if f, _ := ra.Float64(); na.Float64() != f {
			t.Fatalf("%s.Float64() = %v, want %v", a, na.Float64(), f)
		}
		want := false
		if rb.Sign() > 0 {
			want = new(big.Rat).Quo(ra, rb).IsInt()
		}
		if got := na.MultipleOf(nb); got != want {
			t.Fatalf("%s.MultipleOf(%s) = %v, want %v", a, b, got, want)
		}
	}
}

// TestHugeExponentsAreCheap checks that no operation allocates memory in
// proportion to an exponent: each of these would need gigabytes if it
// expanded 10^exponent.
func TestHugeExponentsAreCheap(t *testing.T) {
	lits := []string{
		"1e999999999999", "-1e999999999999", "1e-99999999999999999999999",
		"7e999999999", "1.5e-999999999", "1e" + strings.Repeat("9", 200),
	}
	divisors := []string{"3", "0.0001", "7e-999999999", "1e999999999999", "123456789e-20"}
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	for _, a := range lits {
		n := mustNumber(t, a)
		n.IsInteger()
		n.Int64()
		n.Float64()
		for _, b := range append(lits, divisors...) {
			m := mustNumber(t, b)
			n.Cmp(m)
			n.MultipleOf(m)
			m.MultipleOf(n)
		}
		v, err := jsonvalue.Parse([]byte("[" + a + "]"))
		if err != nil {
			t.Fatal(err)
		}
		v.AppendKey(nil)
		v.AppendJSON(nil)
		v.TypeName()
	}
	runtime.ReadMemStats(&after)
	if n := after.TotalAlloc - before.TotalAlloc; n > 1<<20 {
		t.Errorf("allocated %d bytes", n)
	}
}
