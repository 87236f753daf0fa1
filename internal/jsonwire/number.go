package jsonwire

import (
	"math"
	"strconv"
	"unsafe"
)

// Int64 reads a number as an int64. exact is false, with v = 0 and a nil
// error, when the number is valid JSON but its value is not an integer in
// int64's range. The value counts, not the spelling: 1.0, 1e3, -0 and
// 10.5e1 are exact (1, 1000, 0, 105), 1.5 and 1e19 are not.
func (d *Decoder) Int64() (v int64, exact bool, err error) {
	i, err := d.expect(KindNumber)
	if err != nil {
		return 0, false, err
	}
	data := d.data
	// Fast path: an integer of at most 18 digits, which cannot overflow.
	j := i
	if data[j] == '-' {
		j++
	}
	start := j
	var u uint64
	for ; j < len(data) && data[j]-'0' <= 9; j++ {
		u = u*10 + uint64(data[j]-'0')
	}
	if n := j - start; n > 0 && n <= 18 && (n == 1 || data[start] != '0') &&
		(j == len(data) || data[j] != '.' && data[j]|0x20 != 'e') {
		d.pos = j
		if start > i {
			return -int64(u), true, nil
		}
		return int64(u), true, nil
	}
	end, err := skipNumber(data, i)
	if err != nil {
		return 0, false, err
	}
	d.pos = end
	v, exact = parseDecimal(data[i:end]).int64()
	return v, exact, nil
}

// Float64 reads a number as the nearest float64. exact is false when the
// number overflows float64 (v is then ±Inf), or when the float64 does not
// give the number back: the shortest decimal that identifies v
// (strconv.FormatFloat(v, 'g', -1, 64)) is not numerically equal to the
// literal. So 0.1 is exact, and 1.00000000000000000001 and 1e-400 are not.
func (d *Decoder) Float64() (v float64, exact bool, err error) {
	i, err := d.expect(KindNumber)
	if err != nil {
		return 0, false, err
	}
	data := d.data
	// Fast path: a number without exponent and with at most 15 digits,
	// which float64Fast's reasoning covers: m and 10^frac are exact.
	j := i
	if data[j] == '-' {
		j++
	}
	start := j
	var m uint64
	for ; j < len(data) && data[j]-'0' <= 9; j++ {
		m = m*10 + uint64(data[j]-'0')
	}
	digits, frac := j-start, 0
	if j < len(data) && data[j] == '.' {
		j++
		for ; j < len(data) && data[j]-'0' <= 9; j++ {
			m = m*10 + uint64(data[j]-'0')
			frac++
		}
	}
	if digits > 0 && (digits == 1 || data[start] != '0') && (frac > 0 || data[j-1] != '.') &&
		digits+frac <= 15 && (j == len(data) || data[j]|0x20 != 'e') {
		d.pos = j
		v = float64(m) / pow10f[frac]
		if start > i {
			v = -v
		}
		return v, true, nil
	}
	end, err := skipNumber(data, i)
	if err != nil {
		return 0, false, err
	}
	d.pos = end
	lit := data[i:end]
	dec := parseDecimal(lit)
	if v, ok := dec.float64Fast(); ok {
		return v, true, nil
	}
	v, exact = dec.float64Slow(lit)
	return v, exact, nil
}

// maxMantDigits is the number of significant digits a decimal keeps: 19
// always fit in a uint64, and more are never needed, since an int64 has at
// most 19 digits and a float64's shortest form at most 17.
const maxMantDigits = 19

// decimal is a number normalized to ±0.d₁d₂…dₙ × 10^point, with d₁ and
// dₙ not zero. n = 0 means the number is zero.
type decimal struct {
	mant  uint64 // d₁…dₙ as an integer, when n <= maxMantDigits
	n     int    // significant digits in mant
	point int64
	neg   bool
	trunc bool // more than maxMantDigits significant digits; mant has the first ones
}

// pow10u[k] is 10^k; 10^19 is the largest power of ten in a uint64.
var pow10u = func() (t [maxMantDigits + 1]uint64) {
	t[0] = 1
	for k := 1; k < len(t); k++ {
		t[k] = t[k-1] * 10
	}
	return t
}()

// pow10f[k] is 10^k, exactly representable as a float64 for k <= 22.
var pow10f = [...]float64{
	1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
	1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
}

// parseDecimal normalizes a checked number literal, in JSON syntax or as
// strconv formats floats (which may have a '+' in the exponent). It takes
// time linear in the literal's length whatever the exponent.
func parseDecimal(lit []byte) decimal {
	var d decimal
	i := 0
	if i < len(lit) && lit[i] == '-' {
		d.neg = true
		i++
	}
	zeros := 0 // significant zeros not yet appended to mant
	inFrac := false
	for ; i < len(lit); i++ {
		c := lit[i]
		if c == '.' {
			inFrac = true
			continue
		}
		c -= '0'
		if c > 9 {
			break
		}
		if d.n == 0 && c == 0 { // leading zero
			if inFrac {
				d.point--
			}
			continue
		}
		if !inFrac {
			d.point++
		}
		switch {
		case c == 0:
			zeros++
		case d.trunc || d.n+zeros+1 > maxMantDigits:
			d.trunc = true
		default:
			d.mant = d.mant*pow10u[zeros+1] + uint64(c)
			d.n += zeros + 1
			zeros = 0
		}
	}
	if i < len(lit) { // exponent
		i++
		expNeg := false
		if i < len(lit) && (lit[i] == '-' || lit[i] == '+') {
			expNeg = lit[i] == '-'
			i++
		}
		var exp int64
		for ; i < len(lit); i++ {
			if exp < 1<<40 { // saturate: beyond this the value is 0 or ±Inf anyway
				exp = exp*10 + int64(lit[i]-'0')
			}
		}
		if expNeg {
			exp = -exp
		}
		d.point += exp
	}
	if d.n == 0 {
		d.point = 0
	}
	return d
}

// int64 returns the value if it is an integer in int64's range.
func (d decimal) int64() (int64, bool) {
	if d.n == 0 {
		return 0, true
	}
	// mant has no trailing zero, so the value is an integer only if the
	// point lies at or after its last digit; 19 digits before the point
	// exceed int64 only by less than a factor of 2, checked below.
	if d.trunc || d.point < int64(d.n) || d.point > 19 {
		return 0, false
	}
	u := d.mant * pow10u[d.point-int64(d.n)]
	if d.neg {
		if u > 1<<63 {
			return 0, false
		}
		return int64(-u), true
	}
	if u > math.MaxInt64 {
		return 0, false
	}
	return int64(u), true
}

// float64Fast converts the common case, at most 15 significant digits and
// a small exponent, exactly (Clinger's fast path: both operands are exact
// float64s, so one correctly rounded operation gives the nearest float64).
// Such a value is also exact in Float64's sense: any decimal of at most 15
// digits in float64's normal range survives the round trip through
// float64 and back to its shortest form.
func (d decimal) float64Fast() (float64, bool) {
	if d.n == 0 {
		if d.neg {
			return math.Copysign(0, -1), true
		}
		return 0, true
	}
	if d.trunc || d.n > 15 {
		return 0, false
	}
	m, e := d.mant, d.point-int64(d.n) // value = m × 10^e
	if e > 22 && e-22+int64(d.n) <= 15 {
		m *= pow10u[e-22] // still below 10^15, so still exact
		e = 22
	}
	if e < -22 || e > 22 {
		return 0, false
	}
	f := float64(m)
	if e < 0 {
		f /= pow10f[-e]
	} else {
		f *= pow10f[e]
	}
	if d.neg {
		f = -f
	}
	return f, true
}

// float64Slow converts any literal with strconv, then checks exactness by
// comparing the shortest form of the result with the literal.
func (d decimal) float64Slow(lit []byte) (float64, bool) {
	sign := 1.0
	if d.neg {
		sign = -1
	}
	// value < 10^point, so below 10^-324 it rounds to zero; and
	// value >= 10^(point-1), so from 10^309 up it overflows.
	if d.point < -324 {
		return math.Copysign(0, sign), false
	}
	if d.point > 310 {
		return math.Inf(int(sign)), false
	}
	// The literal is valid syntax for ParseFloat, whose only possible
	// error is then ErrRange, with v = ±Inf: checked below. ParseFloat is
	// wrong on some long literals (see Float64FromDigits).
	var v float64
	if len(lit) > longLiteral {
		v = Float64FromDigits(d.neg, significantDigits(lit), d.point)
	} else {
		v, _ = strconv.ParseFloat(unsafe.String(unsafe.SliceData(lit), len(lit)), 64)
	}
	if math.IsInf(v, 0) {
		return v, false
	}
	var buf [32]byte
	s := parseDecimal(strconv.AppendFloat(buf[:0], v, 'g', -1, 64))
	return v, !d.trunc && s.n == d.n && s.mant == d.mant && s.point == d.point
}

// longLiteral is a literal length up to which strconv.ParseFloat is right
// whatever the digits: such a literal cannot hold 800 integer digits.
const longLiteral = 790

// Float64FromDigits returns the float64 nearest to ±0.DIGITS × 10^scale,
// where digits are the significant decimal digits, the first one nonzero:
// ±0 when that is below 10^-324, ±Inf from 10^310 up.
//
// strconv.ParseFloat of a literal with the same value is not always right:
// it keeps 800 digits and forgets the place value of integer digits past
// them (golang/go#42436: 9007199254740993, 900 zeros, 1e-901 came back as
// 9.007199254740992e-102). With the point before the first digit, the
// digits past its buffer only round, as they should.
func Float64FromDigits(neg bool, digits string, scale int64) float64 {
	sign := 1.0
	if neg {
		sign = -1
	}
	switch {
	case digits == "" || scale < -324:
		return math.Copysign(0, sign)
	case scale > 310:
		return math.Inf(int(sign))
	}
	lit := make([]byte, 0, len(digits)+24)
	lit = append(lit, "0."...)
	lit = append(lit, digits...)
	lit = append(lit, 'e')
	lit = strconv.AppendInt(lit, scale, 10)
	f, _ := strconv.ParseFloat(unsafe.String(unsafe.SliceData(lit), len(lit)), 64)
	return math.Copysign(f, sign)
}

// significantDigits returns the digits of a number literal's mantissa
// without its point and leading zeros.
func significantDigits(lit []byte) string {
	out := make([]byte, 0, len(lit))
	for _, c := range lit {
		if c == 'e' || c == 'E' {
			break
		}
		if c >= '0' && c <= '9' && (len(out) > 0 || c != '0') {
			out = append(out, c)
		}
	}
	return string(out)
}
