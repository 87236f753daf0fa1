package jsonwire

import (
	"bytes"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"
)

// chunkSize is the minimum size of a string arena chunk.
const chunkSize = 32 << 10

// String reads a string and returns it unescaped, with invalid UTF-8 and
// unpaired surrogate escapes replaced by U+FFFD as json.Unmarshal does.
// The result never aliases the input: it lives in the Decoder's string
// arena (see the package documentation).
func (d *Decoder) String() (string, error) {
	i, err := d.expect(KindString)
	if err != nil {
		return "", err
	}
	d.pos = i
	return d.StringAfterPeek()
}

// StringAfterPeek is String for a caller that has just seen Peek report
// KindString: it skips checking again what comes next.
func (d *Decoder) StringAfterPeek() (string, error) {
	data, start := d.data, d.pos+1
	j := indexPlainEnd(data, start)
	if j < len(data) && data[j] == '"' {
		d.pos = j + 1
		return d.arenaString(data[start:j]), nil
	}
	// Escapes or non-ASCII text: unescape and check in one pass, straight
	// into the free end of the arena. The string's length is unknown until
	// it ends, so it gets the chunk's free capacity and no more: should it
	// outgrow that, append moves just this string to its own array rather
	// than copying the whole chunk.
	if cap(d.chunk)-len(d.chunk) < j-start+64 {
		d.chunk = make([]byte, 0, chunkSize)
	}
	at := len(d.chunk)
	dst := append(d.chunk[at:at], data[start:j]...)
	dst, end, err := unquote(dst, data, j)
	if err != nil {
		return "", err
	}
	d.pos = end
	if len(dst) == 0 {
		return "", nil
	}
	if at+len(dst) <= cap(d.chunk) {
		// It fitted, so append never moved it: claim the bytes.
		d.chunk = d.chunk[:at+len(dst)]
	}
	return unsafe.String(&dst[0], len(dst)), nil
}

// StringBytes is String for a caller that keeps the string elsewhere, or
// not at all: the unescaped bytes alias the input when unescaping changes
// nothing, and are otherwise in a scratch buffer that is only valid until
// the next call on the Decoder. It does not touch the string arena.
func (d *Decoder) StringBytes() ([]byte, error) {
	i, err := d.expect(KindString)
	if err != nil {
		return nil, err
	}
	b, end, err := d.readName(i + 1)
	if err != nil {
		return nil, err
	}
	d.pos = end
	return b, nil
}

// unquote appends the content of the string that continues at i, unescaped
// as json.Unmarshal does (invalid UTF-8 and unpaired surrogates become
// U+FFFD), and checks it as skipString does, in one pass. It returns the
// offset past the closing quote.
func unquote(dst, data []byte, i int) ([]byte, int, error) {
	for {
		j := indexPlainEnd(data, i)
		dst = append(dst, data[i:j]...)
		if j >= len(data) {
			return dst, len(data), errEOF(len(data))
		}
		switch c := data[j]; {
		case c == '"':
			return dst, j + 1, nil
		case c == '\\':
			n, err := escapeLen(data, j)
			if err != nil {
				return dst, j, err
			}
			// A high surrogate and a low one after it make one character.
			if n == 6 && j+12 <= len(data) && data[j+6] == '\\' && data[j+7] == 'u' {
				if hi := hex4(data[j+2 : j+6]); hi >= 0xD800 && hi < 0xDC00 {
					if m, err := escapeLen(data, j+6); err == nil {
						if lo := hex4(data[j+8 : j+12]); lo >= 0xDC00 && lo < 0xE000 {
							n += m
						}
					}
				}
			}
			dst = appendUnquoted(dst, data[j:j+n])
			i = j + n
		case c >= utf8.RuneSelf:
			r, size := utf8.DecodeRune(data[j:])
			if r == utf8.RuneError && size == 1 {
				dst = append(dst, "\uFFFD"...)
			} else {
				dst = append(dst, data[j:j+size]...)
			}
			i = j + size
		default:
			return dst, j, errControl(j, c)
		}
	}
}

// readName reads a member name whose content starts at start, returning it
// unescaped (aliasing the input when unescaping changes nothing) and the
// offset past the closing quote.
func (d *Decoder) readName(start int) ([]byte, int, error) {
	raw, plain, end, err := d.stringContent(start)
	if err != nil || plain {
		return raw, end, err
	}
	d.scratch = appendUnquoted(d.scratch[:0], raw)
	return d.scratch, end, nil
}

// stringContent checks the string whose content starts at start and
// returns the raw content, whether it is plain (no escapes, valid UTF-8:
// already in unescaped form), and the offset past the closing quote.
func (d *Decoder) stringContent(start int) (raw []byte, plain bool, end int, err error) {
	data := d.data
	j := indexPlainEnd(data, start)
	if j < len(data) && data[j] == '"' {
		return data[start:j], true, j + 1, nil
	}
	end, err = skipString(data, j)
	if err != nil {
		return nil, false, end, err
	}
	raw = data[start : end-1]
	rest := raw[j-start:]
	return raw, bytes.IndexByte(rest, '\\') < 0 && utf8.Valid(rest), end, nil
}

// arenaString copies b into the string arena and returns the copy. It only
// ever appends to the current chunk, so bytes of strings returned earlier
// are never written again; a chunk without room is replaced, not reused.
func (d *Decoder) arenaString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	if cap(d.chunk)-len(d.chunk) < len(b) {
		if len(b) > chunkSize/4 {
			// A long string gets its own array, so that the free end of
			// the current chunk is not thrown away for it.
			return string(b)
		}
		d.chunk = make([]byte, 0, chunkSize)
	}
	start := len(d.chunk)
	d.chunk = append(d.chunk, b...)
	return unsafe.String(&d.chunk[start], len(b))
}

// unescape maps the byte after a backslash to the byte it stands for, for
// the single-byte escapes.
var unescape = [256]byte{
	'"': '"', '\\': '\\', '/': '/',
	'b': '\b', 'f': '\f', 'n': '\n', 'r': '\r', 't': '\t',
}

// appendUnquoted appends the unescaped form of the checked string content
// s to dst, exactly as encoding/json unquotes: invalid UTF-8 bytes become
// U+FFFD one by one, and a \u escape of a surrogate becomes U+FFFD unless
// it is a high surrogate followed by a \u escape of a low one.
func appendUnquoted(dst, s []byte) []byte {
	for i := 0; i < len(s); {
		switch c := s[i]; {
		case c == '\\' && s[i+1] == 'u':
			r := hex4(s[i+2 : i+6])
			i += 6
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if i+6 <= len(s) && s[i] == '\\' && s[i+1] == 'u' {
					r2 = hex4(s[i+2 : i+6])
				}
				if r = utf16.DecodeRune(r, r2); r != utf8.RuneError {
					i += 6
				}
			}
			dst = utf8.AppendRune(dst, r)
		case c == '\\':
			dst = append(dst, unescape[s[i+1]])
			i += 2
		case c < utf8.RuneSelf:
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf && s[j] != '\\' {
				j++
			}
			dst = append(dst, s[i:j]...)
			i = j
		default:
			r, size := utf8.DecodeRune(s[i:])
			if r == utf8.RuneError && size == 1 {
				dst = append(dst, "\uFFFD"...)
			} else {
				dst = append(dst, s[i:i+size]...)
			}
			i += size
		}
	}
	return dst
}

// hex4 decodes four checked hexadecimal digits.
func hex4(h []byte) rune {
	var r rune
	for _, c := range h[:4] {
		switch {
		case c <= '9':
			c -= '0'
		case c <= 'F':
			c -= 'A' - 10
		default:
			c -= 'a' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// Intern returns b as a string that does not alias b, from the string arena:
// for member names a caller keeps.
func (d *Decoder) Intern(b []byte) string { return d.arenaString(b) }

// CompactCopy consumes one value, like Skip, and returns it as compact JSON
// (as AppendCompact) in the arena, not aliasing the input. The bytes must not
// be modified: they share the arena with strings.
func (d *Decoder) CompactCopy() ([]byte, error) {
	raw, err := d.Raw()
	if err != nil {
		return nil, err
	}
	if len(raw) == 0 {
		return nil, nil
	}
	compact := d.scratch[:0]
	if bytesNeedCompacting(raw) {
		sub := Decoder{}
		sub.Reset(raw)
		compact, err = sub.AppendCompact(compact)
		if err != nil {
			return nil, err
		}
		d.scratch = compact
	} else {
		compact = raw
	}
	s := d.arenaString(compact)
	return unsafe.Slice(unsafe.StringData(s), len(s)), nil
}

// bytesNeedCompacting reports whether raw holds whitespace outside strings
// could be: any whitespace byte at all (a cheap, safe over-approximation).
func bytesNeedCompacting(raw []byte) bool {
	for _, c := range raw {
		switch c {
		case ' ', '\t', '\n', '\r':
			return true
		}
	}
	return false
}
