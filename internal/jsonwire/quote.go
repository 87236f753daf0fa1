package jsonwire

import (
	"encoding/binary"
	"math/bits"
	"slices"
	"unicode/utf8"
)

// quoteSafe reports the ASCII bytes that appendQuoted copies unchanged.
var quoteSafe = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// appendPlain appends s quoted when it needs no escaping (ASCII without
// '"', '\\' or control characters), copying it eight bytes at a time as it
// checks them, the last word overlapping the one before; a string shorter
// than a word goes byte by byte. Otherwise it reports false, and dst keeps
// its length.
func appendPlain(dst []byte, s string) ([]byte, bool) {
	n, at := len(s), len(dst)
	dst = slices.Grow(dst, n+2)
	out := dst[at : at+n+2]
	out[0] = '"'
	if n < 8 {
		for i := 0; i < n; i++ {
			c := s[i]
			if c >= utf8.RuneSelf || !quoteSafe[c] {
				return dst[:at], false
			}
			out[1+i] = c
		}
	} else {
		for i := 0; i+8 <= n; i += 8 {
			x := load64(s, i)
			if plainStopMask(x) != 0 {
				return dst[:at], false
			}
			binary.LittleEndian.PutUint64(out[1+i:], x)
		}
		if n%8 != 0 {
			x := load64(s, n-8)
			if plainStopMask(x) != 0 {
				return dst[:at], false
			}
			binary.LittleEndian.PutUint64(out[1+n-8:], x)
		}
	}
	out[n+1] = '"'
	return dst[:at+n+2], true
}

// load64 reads 8 bytes of s at i as a little-endian word.
func load64(s string, i int) uint64 {
	s = s[i : i+8]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// appendQuoted appends s as a JSON string exactly as encoding/json does
// without HTML escaping: '"', '\\' and control characters escaped (with the
// short forms \b \f \n \r \t), U+2028 and U+2029 escaped, and each invalid
// UTF-8 byte replaced by \ufffd.
func appendQuoted(dst []byte, s string) []byte {
	if out, ok := appendPlain(dst, s); ok {
		return out // the common case: nothing to escape
	}
	dst = append(dst, '"')
	start, i := 0, 0
	for i < len(s) {
		for ; i+8 <= len(s); i += 8 {
			x := load64(s, i)
			if m := plainStopMask(x); m != 0 {
				i += bits.TrailingZeros64(m) >> 3
				break
			}
		}
		if i >= len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			if quoteSafe[c] {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
