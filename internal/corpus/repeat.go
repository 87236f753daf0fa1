package corpus

import "io"

// Repeat returns a reader of size bytes: the pieces one after the other,
// over and over, cut where size ends. It holds nothing but the pieces, so
// a test can stream gigabytes through a reader without keeping them. The
// pieces must hold some bytes when size is not zero.
func Repeat(size int64, pieces ...[]byte) io.Reader {
	total := 0
	for _, p := range pieces {
		total += len(p)
	}
	if total == 0 && size > 0 {
		panic("corpus.Repeat: no bytes to repeat")
	}
	return &repeater{left: size, pieces: pieces}
}

type repeater struct {
	left   int64
	pieces [][]byte
	next   int    // index of the piece after cur
	cur    []byte // rest of the current piece
}

func (r *repeater) Read(p []byte) (int, error) {
	if r.left == 0 {
		return 0, io.EOF
	}
	if int64(len(p)) > r.left {
		p = p[:r.left]
	}
	n := 0
	for n < len(p) {
		if len(r.cur) == 0 {
			r.cur = r.pieces[r.next]
			r.next = (r.next + 1) % len(r.pieces)
			continue
		}
		k := copy(p[n:], r.cur)
		r.cur = r.cur[k:]
		n += k
	}
	r.left -= int64(n)
	return n, nil
}
