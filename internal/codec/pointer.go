package codec

import (
	"strconv"

	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
	"github.com/pinpoint-events/pinpoint-events/internal/validation"
)

// PointerAt returns the JSON pointer of the value that starts at offset in
// data, a well-formed JSON document. It walks the document again, so it is
// for error paths only.
func PointerAt(data []byte, offset int) string {
	d := jsonwire.NewDecoder(data)
	var path []string
	var walk func() bool // reports whether the value was found
	walk = func() bool {
		d.Peek()
		if d.Offset() == offset {
			return true
		}
		switch d.Peek() {
		case jsonwire.KindObject:
			if d.BeginObject() != nil {
				return false
			}
			for {
				name, more, err := d.NextMember()
				if err != nil || !more {
					return false
				}
				path = append(path, validation.EscapeToken(string(name)))
				if walk() {
					return true
				}
				path = path[:len(path)-1]
			}
		case jsonwire.KindArray:
			if d.BeginArray() != nil {
				return false
			}
			for i := 0; ; i++ {
				more, err := d.NextElement()
				if err != nil || !more {
					return false
				}
				path = append(path, strconv.Itoa(i))
				if walk() {
					return true
				}
				path = path[:len(path)-1]
			}
		default:
			d.Skip()
			return false
		}
	}
	if !walk() {
		return ""
	}
	ptr := ""
	for _, tok := range path {
		ptr += "/" + tok
	}
	return ptr
}
