package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strconv"
	"unicode/utf8"
)

// output is where a report goes: standard output or a file. It buffers,
// keeps the first error (a full disk, a file system that fails on close)
// and drops everything written after it, so that a command stops at the
// first failure instead of claiming work it did not do. It counts the lines
// that reached the destination: a summary may claim those and no more.
type output struct {
	name string // for messages: "standard output" or the file's path
	w    io.Writer
	// closer is closed by Close: a file, or standard output when it is one
	// (some file systems report a failed write only on close).
	closer io.Closer
	// lineBuffered writes every complete line at once, for a terminal,
	// where a person waits for it and a progress line must not cut it.
	lineBuffered bool
	buf          []byte
	lines        int64
	err          error
	closed       bool
}

const outputBufferSize = 256 << 10

// newStdout is the output for the command's standard output, which con
// writes to; stdout is the original, closed by Close when it is a file, and
// then left out of the inputs.
func newStdout(con *console, stdout io.Writer, inputs *inputSet) *output {
	o := &output{name: "standard output", w: con.stdout, lineBuffered: con.stdoutIsTerminal}
	if f, ok := stdout.(*os.File); ok {
		o.closer = f
		inputs.leaveOut(f, o.name)
	}
	return o
}

func (o *output) Write(p []byte) (int, error) {
	if o.err != nil {
		return 0, o.err
	}
	o.buf = append(o.buf, p...)
	if len(o.buf) >= outputBufferSize || (o.lineBuffered && bytes.IndexByte(p, '\n') >= 0) {
		o.flush()
		if o.err != nil {
			return 0, o.err
		}
	}
	return len(p), nil
}

func (o *output) flush() {
	if len(o.buf) == 0 || o.err != nil {
		return
	}
	n, err := o.w.Write(o.buf)
	o.lines += int64(bytes.Count(o.buf[:n], []byte{'\n'}))
	if err == nil && n < len(o.buf) {
		err = io.ErrShortWrite
	}
	o.err = err
	o.buf = o.buf[:0]
}

// Err returns the first error of a write, nil while every write worked.
func (o *output) Err() error { return o.err }

// Close writes what is buffered and closes the destination; it returns the
// first error of the output's life.
func (o *output) Close() error {
	o.flush()
	if o.closer != nil && !o.closed {
		o.closed = true
		if err := o.closer.Close(); err != nil && o.err == nil {
			o.err = err
		}
	}
	return o.err
}

// reportError says on w that writing failed, if it did, and returns
// whether it did.
func (o *output) reportError(w io.Writer) bool {
	if o.err == nil {
		return false
	}
	fmt.Fprintf(w, "pinpoint-events: writing %s: %s\n", safe(o.name), safe(reasonOf(o.err)))
	return true
}

// reasonOf is the part of an error that says why: a path error without its
// operation and path, which the message names already.
func reasonOf(err error) string {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		return pathErr.Err.Error()
	}
	return err.Error()
}

// safe makes a value fit for a line read by a person on a terminal: a value
// with a character that is not printable (control characters such as
// newline and ESC, C1 controls, Unicode format characters such as the bidi
// overrides, separators other than the space) or with invalid UTF-8 is
// printed Go-quoted, so that event data or a file name can neither forge a
// report line nor drive the terminal. Printable text, in any script, is
// left as it is.
func safe(s string) string {
	for _, r := range s {
		if !strconv.IsPrint(r) {
			return strconv.Quote(s)
		}
	}
	if !utf8.ValidString(s) {
		return strconv.Quote(s)
	}
	return s
}
