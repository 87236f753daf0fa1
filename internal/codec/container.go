package codec

import "github.com/pinpoint-events/pinpoint-events/internal/jsonwire"

// ReadSlice reads an array into *dst, each element with elem, reusing the
// slice's memory (and that of the elements, which elem decodes into). dst is
// non-nil afterwards even for an empty array, so that it tells [] from
// absent. An element that does not fit makes the whole array not fit.
func ReadSlice[T any](dst *[]T, d *Decoder, elem func(*T, *Decoder) (bool, error)) (bool, error) {
	if d.Peek() != jsonwire.KindArray {
		return false, nil
	}
	if err := d.BeginArray(); err != nil {
		return false, err
	}
	s := emptied(*dst)
	for {
		more, err := d.NextElement()
		if err != nil {
			return false, err
		}
		if !more {
			*dst = s
			return true, nil
		}
		s = extend(s)
		if fits, err := elem(&s[len(s)-1], d); err != nil || !fits {
			return false, err
		}
	}
}
