package codec

import (
	"sync"
	"sync/atomic"
	"unsafe"

	pinpointevents "github.com/pinpoint-events/pinpoint-events"
)

// Lazy is the state of a member decoded on first access (x-lazy): the
// member's JSON, checked and copied when the event was decoded, until Get
// decodes it into a T. A nil *Lazy, or one that holds neither JSON nor a
// value, is an absent member.
//
// Get may be called from several goroutines at once. Capture, Hold and
// Drop write, and, like decoding into a value, must not run alongside
// anything else on the same Lazy.
type Lazy[T any] struct {
	// present, raw and spare change only in Capture, Hold and Drop; value
	// also in the once of Get, after which it is only read.
	present bool
	once    sync.Once
	raw     []byte // compact JSON of the object, when captured
	value   *T     // the decoded or given value
	spare   *T     // memory of an earlier value, for the next decode to reuse
}

// Capture consumes the next value, which the caller has seen is an object,
// and returns l (or a new Lazy when l is nil) holding a compact copy of it.
// With Eager set on d, it decodes the object at once with read instead.
func Capture[T any](l *Lazy[T], d *Decoder, read func(*T, *Decoder) (bool, error)) (*Lazy[T], error) {
	l = reset(l)
	l.present = true
	if d.Eager {
		v := reuse(l.spare)
		_, err := read(v, d)
		l.value = v
		l.once.Do(func() {})
		return l, err
	}
	raw, err := d.CompactCopy()
	l.raw = raw
	return l, err
}

// Hold returns l (or a new Lazy) holding v; a nil v makes it absent.
func Hold[T any](l *Lazy[T], v *T) *Lazy[T] {
	l = reset(l)
	l.present = v != nil
	l.value = v
	l.once.Do(func() {})
	return l
}

// Drop returns l made absent, keeping its memory for a later decode.
func Drop[T any](l *Lazy[T]) *Lazy[T] {
	if l == nil {
		return nil
	}
	return Hold(l, nil)
}

// reset empties l, or allocates it, keeping the memory of its value.
func reset[T any](l *Lazy[T]) *Lazy[T] {
	if l == nil {
		return new(Lazy[T])
	}
	spare := l.value
	if spare == nil {
		spare = l.spare
	}
	*l = Lazy[T]{spare: spare}
	return l
}

// Present reports whether l holds a member, decoded or not.
func (l *Lazy[T]) Present() bool {
	return l != nil && l.present
}

// Get returns the value, decoding it with read on the first call; nil when
// absent.
func (l *Lazy[T]) Get(read func(*T, *Decoder) (bool, error)) *T {
	if l == nil {
		return nil
	}
	l.once.Do(func() {
		if !l.present {
			return
		}
		v := reuse(l.spare)
		err := Decode(l.raw, pinpointevents.DecodeOptions{}, func(d *Decoder) error {
			_, err := read(v, d)
			return err
		})
		if err != nil {
			// The copy is a well-formed object, checked when it was taken,
			// and the model lets no const inside a lazy struct: decoding it
			// cannot fail. Failing here is a bug in this module.
			panic("codec: decoding a lazily kept member failed: " + err.Error())
		}
		l.value = v
	})
	return l.value
}

// AppendJSON appends the value as compact JSON with write, decoding it
// first if it was not yet: the output depends on the value alone, never on
// whether it was read. An absent member is null.
func (l *Lazy[T]) AppendJSON(b []byte, w *Writer, read func(*T, *Decoder) (bool, error), write func(*T, []byte, *Writer) []byte) []byte {
	v := l.Get(read)
	if v == nil {
		return append(b, "null"...)
	}
	return write(v, b, w)
}

// Document keeps what a string holding a JSON document decodes to, for the
// text it was decoded from. The zero value holds nothing. Get may be called
// from several goroutines at once; copying a Document copies what it holds,
// which is never changed, only replaced.
type Document[T any] struct {
	entry unsafe.Pointer // *documentEntry[T], read and written atomically
}

type documentEntry[T any] struct {
	from  string
	value T
	err   error
}

// Get returns what text decodes to with decode, decoding it only when the
// text differs from the last one decoded.
func (c *Document[T]) Get(text string, decode func(string) (T, error)) (T, error) {
	if e := (*documentEntry[T])(atomic.LoadPointer(&c.entry)); e != nil && e.from == text {
		return e.value, e.err
	}
	v, err := decode(text)
	atomic.StorePointer(&c.entry, unsafe.Pointer(&documentEntry[T]{from: text, value: v, err: err}))
	return v, err
}

// Decoded reports whether Get has decoded text already.
func (c *Document[T]) Decoded(text string) bool {
	e := (*documentEntry[T])(atomic.LoadPointer(&c.entry))
	return e != nil && e.from == text
}
