package jsonvalue

import (
	"cmp"
	"math"
	"math/big"
	"strconv"
	"strings"
	"unsafe"

	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
)

// Decimal is the exact value of a JSON number, together with the literal it
// was written as.
//
// (It is not called Number because that name is taken by the Kind.)
//
// The value is kept as sign × digits × 10^exponent with the significant
// digits as a string, so that comparisons and divisibility are exact for any
// literal and cost time proportional to the literal's length, never to its
// exponent's magnitude. The zero Decimal is 0.
type Decimal struct {
	literal string // as written; "" stands for "0"
	neg     bool   // never set for zero, so that 0 and -0 are the same value

	// digits are the significant decimal digits, without leading or
	// trailing zeros; "" for zero. Without trailing zeros, each value has
	// exactly one (digits, exponent) pair.
	digits string

	// The exponent is exp, unless it lies outside ±maxSmallExp as in
	// 1e99999999999999999999, in which case it is bigExp. The bound leaves
	// enough headroom for exp to be added to or subtracted from another
	// exponent or a string length in int64 without overflow.
	exp    int64
	bigExp *big.Int
}

const maxSmallExp = 1 << 62

// ParseNumber parses a JSON number literal (RFC 8259 grammar, as accepted by
// encoding/json: no leading '+', no leading zeros, no bare '.'; surrounding
// whitespace is not allowed). Errors are of type *jsonwire.SyntaxError.
func ParseNumber(literal string) (Decimal, error) {
	if err := jsonwire.CheckNumber(unsafe.Slice(unsafe.StringData(literal), len(literal))); err != nil { // only read
		return Decimal{}, err
	}
	return decimalFromLiteral(literal), nil
}

// NumberFromInt64 returns the decimal value of i.
func NumberFromInt64(i int64) Decimal {
	return decimalFromLiteral(strconv.FormatInt(i, 10))
}

// NumberFromFloat64 returns the decimal written by the shortest literal that
// reads back as f, so 0.1 becomes exactly 0.1 rather than the binary value
// 0.1000000000000000055511151231257827; that is the number a person (or
// encoding/json) means by 0.1. The literal is formatted as json.Marshal
// formats f, so AppendJSON writes what encoding/json would.
//
// f must be finite: JSON has no NaN or infinities, and NumberFromFloat64
// panics on them like any violated precondition. FromAny returns an error
// instead.
func NumberFromFloat64(f float64) Decimal {
	if math.IsInf(f, 0) || math.IsNaN(f) {
		panic("jsonvalue: NumberFromFloat64 of non-finite " + strconv.FormatFloat(f, 'g', -1, 64))
	}
	// The same choice of notation and exponent clean-up as encoding/json's
	// float encoder.
	format := byte('f')
	if abs := math.Abs(f); abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	b := strconv.AppendFloat(nil, f, format, -1, 64)
	if n := len(b); format == 'e' && n >= 4 && b[n-4] == 'e' && b[n-3] == '-' && b[n-2] == '0' {
		b[n-2] = b[n-1] // e-07 -> e-7
		b = b[:n-1]
	}
	return decimalFromLiteral(string(b))
}

// decimalFromLiteral returns the value of a literal that jsonwire.CheckNumber accepted.
func decimalFromLiteral(lit string) Decimal {
	d := Decimal{literal: lit}
	s := lit
	if s[0] == '-' {
		d.neg = true
		s = s[1:]
	}
	mantissa, expPart := s, ""
	if i := strings.IndexAny(s, "eE"); i >= 0 {
		mantissa, expPart = s[:i], s[i+1:]
	}
	intPart, frac, _ := strings.Cut(mantissa, ".")
	all := strings.TrimLeft(intPart+frac, "0")
	d.digits = strings.TrimRight(all, "0")
	if d.digits == "" {
		return Decimal{literal: lit}
	}
	// Moving the decimal point behind the last significant digit lowers the
	// exponent by the number of fraction digits and raises it by the number
	// of trailing zeros dropped.
	shift := int64(len(all)-len(d.digits)) - int64(len(frac))
	d.exp, d.bigExp = exponentPlus(expPart, shift)
	return d
}

// exponentPlus returns the exponent written in expPart (an optional sign and
// digits; "" means 0) plus shift, as an int64 if it lies within ±maxSmallExp
// and as a big.Int otherwise.
func exponentPlus(expPart string, shift int64) (int64, *big.Int) {
	neg := strings.HasPrefix(expPart, "-")
	expPart = strings.TrimLeft(expPart, "+-")
	expPart = strings.TrimLeft(expPart, "0")
	if expPart == "" {
		return shift, nil
	}
	// |shift| is at most the literal's length, far below 2^61, and an
	// exponent of up to 18 digits is below 10^18 < 2^60, so their sum stays
	// within ±maxSmallExp.
	if len(expPart) <= 18 {
		e, _ := strconv.ParseInt(expPart, 10, 64)
		if neg {
			e = -e
		}
		return e + shift, nil
	}
	e, _ := new(big.Int).SetString(expPart, 10)
	if neg {
		e.Neg(e)
	}
	e.Add(e, big.NewInt(shift))
	if e.IsInt64() && e.Int64() > -maxSmallExp && e.Int64() < maxSmallExp {
		return e.Int64(), nil
	}
	return 0, e
}

// exponent returns d's exponent as a new big.Int.
func (d Decimal) exponent() *big.Int {
	if d.bigExp != nil {
		return new(big.Int).Set(d.bigExp)
	}
	return big.NewInt(d.exp)
}

// Literal returns d as written in JSON: the input literal for parsed numbers,
// "0" for the zero Decimal.
func (d Decimal) Literal() string {
	if d.literal == "" {
		return "0"
	}
	return d.literal
}

// IsZero reports whether d is 0 (or -0).
func (d Decimal) IsZero() bool {
	return d.digits == ""
}

// Sign returns -1, 0 or +1 for negative, zero (including -0) and positive d.
func (d Decimal) Sign() int {
	switch {
	case d.IsZero():
		return 0
	case d.neg:
		return -1
	}
	return 1
}

// IsInteger reports whether d has an integral value.
func (d Decimal) IsInteger() bool {
	// The digits have no trailing zeros, so a nonzero value is an integer
	// exactly when its exponent is not negative.
	if d.bigExp != nil {
		return d.bigExp.Sign() > 0
	}
	return d.exp >= 0
}

// Cmp compares d and m exactly by value and returns -1, 0 or +1 as d is
// less than, equal to, or greater than m.
func (d Decimal) Cmp(m Decimal) int {
	if c := cmp.Compare(d.Sign(), m.Sign()); c != 0 || d.IsZero() {
		return c
	}
	c := cmpAbs(d, m)
	if d.neg {
		return -c
	}
	return c
}

// cmpAbs compares |d| and |m| for nonzero d and m.
func cmpAbs(d, m Decimal) int {
	// Written as 0.digits × 10^scale with scale = exponent + len(digits),
	// a value lies in [10^(scale-1), 10^scale), so a larger scale means a
	// larger value.
	var c int
	if d.bigExp == nil && m.bigExp == nil {
		c = cmp.Compare(d.exp+int64(len(d.digits)), m.exp+int64(len(m.digits)))
	} else {
		ds := d.exponent()
		ds.Add(ds, big.NewInt(int64(len(d.digits))))
		ms := m.exponent()
		ms.Add(ms, big.NewInt(int64(len(m.digits))))
		c = ds.Cmp(ms)
	}
	if c != 0 {
		return c
	}
	// Same scale: compare the fractions 0.digits. Without trailing zeros a
	// shorter digit string is never padded to equal a longer one, so
	// lexicographic order is numeric order.
	return strings.Compare(d.digits, m.digits)
}

// MultipleOf reports whether d divided by m is an integer, which is JSON
// Schema's multipleOf. The answer is exact: 19.99 is a multiple of 0.01 and
// 1e400 is not a multiple of 7. It reports false if m is not positive, as
// multipleOf requires a positive divisor.
//
// The cost depends on the lengths of the digit strings only, not on the
// exponents.
func (d Decimal) MultipleOf(m Decimal) bool {
	if m.Sign() <= 0 {
		return false
	}
	if d.IsZero() {
		return true
	}
	// With d = a × 10^e and m = b × 10^f, where neither a nor b is
	// divisible by 10, d/m = a/b × 10^k with k = e - f.
	k := d.exponent()
	k.Sub(k, m.exponent())
	if k.Sign() < 0 {
		// d/m = a / (b × 10^-k) cannot be an integer: a is not even
		// divisible by 10.
		return false
	}
	a, _ := new(big.Int).SetString(d.digits, 10)
	b, _ := new(big.Int).SetString(m.digits, 10)
	// We need b | a × 10^k. Write b = 2^p × 5^q × c with c coprime to 10.
	// Then b | a × 10^k iff c | a and a × 10^k has p factors 2 and q
	// factors 5. Both p and q are below b.BitLen(), so for larger k the
	// answer is that of k = b.BitLen(): k can be capped there, which bounds
	// the work by the size of b however large the exponents are.
	if bits := big.NewInt(int64(b.BitLen())); k.Cmp(bits) > 0 {
		k = bits
	}
	r := new(big.Int).Exp(big.NewInt(10), k, b) // 10^k mod b
	r.Mul(r, a)
	return r.Mod(r, b).Sign() == 0
}

// Int64 returns d as an int64 and reports whether d is an integer within
// the int64 range; if not, it returns 0 and false.
func (d Decimal) Int64() (int64, bool) {
	if d.IsZero() {
		return 0, true
	}
	// Rule out exponents that would make the literal below longer than any
	// int64 before building it.
	if !d.IsInteger() || d.bigExp != nil || int64(len(d.digits))+d.exp > 19 {
		return 0, false
	}
	s := d.digits + strings.Repeat("0", int(d.exp))
	if d.neg {
		s = "-" + s
	}
	i, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, false
	}
	return i, true
}

// Float64 returns the float64 nearest to d, ±Inf if d is beyond the float64
// range and ±0 if it is too small.
func (d Decimal) Float64() float64 {
	// -0 keeps its sign, as with strconv.ParseFloat.
	neg := d.neg || strings.HasPrefix(d.literal, "-")
	// As 0.digits × 10^scale; an exponent too large for int64 is far
	// outside the float64 range.
	scale := d.exp + int64(len(d.digits))
	if d.bigExp != nil {
		scale = math.MaxInt64
		if d.bigExp.Sign() < 0 {
			scale = math.MinInt64
		}
	}
	return jsonwire.Float64FromDigits(neg, d.digits, scale)
}

// appendCanonical appends a literal of d's value that is the same for all
// literals of that value: "0" for zero, otherwise an optional "-", the
// significant digits, "e" and the exponent, so 1.50 and 15e-1 both give
// "15e-1".
func (d Decimal) appendCanonical(dst []byte) []byte {
	if d.IsZero() {
		return append(dst, '0')
	}
	if d.neg {
		dst = append(dst, '-')
	}
	dst = append(dst, d.digits...)
	dst = append(dst, 'e')
	if d.bigExp != nil {
		return d.bigExp.Append(dst, 10)
	}
	return strconv.AppendInt(dst, d.exp, 10)
}
