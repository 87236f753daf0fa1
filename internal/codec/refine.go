package codec

import "github.com/pinpoint-events/pinpoint-events/internal/jsonwire"

// ConstMismatchIn records, as ConstMismatch does, that a member broke a
// const: the member at path inside the object that starts at start. A
// generated refinement type checks its consts after the struct it embeds
// has read the object, when the member's offset is no longer at hand;
// finding it again scans the object a second time, on this error path
// only. Of two mismatches the one earlier in the input is kept, as a single
// pass would keep it.
func (d *Decoder) ConstMismatchIn(start jsonwire.Mark, got, want string, path ...string) {
	end := d.Mark()
	defer d.Rewind(end)
	d.Rewind(start)
	offset, ok := d.memberOffset(path)
	if !ok {
		return
	}
	if d.constAt < 0 || offset < d.constAt {
		d.constAt, d.constGot, d.constWant = offset, got, want
	}
}

// memberOffset returns where the value of the member at path starts in
// the object that comes next. Of duplicate members the last counts: it is
// the one decoding kept.
func (d *Decoder) memberOffset(path []string) (int, bool) {
	if len(path) == 0 || d.Peek() != jsonwire.KindObject || d.BeginObject() != nil {
		return 0, false
	}
	var found jsonwire.Mark
	ok := false
	for {
		name, more, err := d.NextMember()
		if err != nil {
			return 0, false
		}
		if !more {
			break
		}
		if string(name) == path[0] {
			found, ok = d.Mark(), true
		}
		if d.Skip() != nil {
			return 0, false
		}
	}
	if !ok {
		return 0, false
	}
	d.Rewind(found)
	if len(path) == 1 {
		return d.Start(), true
	}
	return d.memberOffset(path[1:])
}
