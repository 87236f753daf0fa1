package main

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/term"
)

// console holds the command's standard output and standard error for people
// and the progress line drawn on standard error when it is a terminal.
// Every line a command writes to stderr, and to stdout when it is a
// terminal too (the same screen, most likely), goes through console, which
// erases the progress line first: a report line never lands behind it.
type console struct {
	stdout, stderr   io.Writer // where the command writes
	stdoutIsTerminal bool

	mu      sync.Mutex
	term    io.Writer  // the terminal the progress line is drawn on; nil for none
	width   func() int // the terminal's width in columns, asked at each draw (it may change)
	shown   bool       // a progress line is on the terminal
	midLine bool       // the last report write did not end its line: drawing would cut it
}

func newConsole(stdout, stderr io.Writer, progress bool) *console {
	return newConsoleFor(stdout, stderr, progress && isTerminal(stderr), isTerminal(stdout), func() int { return terminalWidth(stderr) })
}

// newConsoleFor is newConsole with what it would ask the system given.
func newConsoleFor(stdout, stderr io.Writer, progress, stdoutIsTerminal bool, width func() int) *console {
	c := &console{stdout: stdout, stderr: stderr, stdoutIsTerminal: stdoutIsTerminal}
	if !progress {
		return c
	}
	c.term, c.width = stderr, width
	c.stderr = &clearingWriter{c: c, w: stderr}
	if stdoutIsTerminal {
		c.stdout = &clearingWriter{c: c, w: stdout}
	}
	return c
}

// clearingWriter erases the progress line before it writes.
type clearingWriter struct {
	c *console
	w io.Writer
}

func (cw *clearingWriter) Write(p []byte) (int, error) {
	cw.c.mu.Lock()
	defer cw.c.mu.Unlock()
	cw.c.clearLocked()
	n, err := cw.w.Write(p)
	if n > 0 {
		cw.c.midLine = p[n-1] != '\n'
	}
	return n, err
}

// draw puts line on the terminal in place of the previous one, cut to the
// terminal's width less a column: a line as wide as the terminal would
// wrap, or scroll it, on some terminals, and could not be erased with "\r".
func (c *console) draw(line string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.term == nil || c.midLine {
		return
	}
	line = fitWidth(line, c.width()-1)
	if line == "" {
		return
	}
	fmt.Fprint(c.term, "\r"+line+"\x1b[K")
	c.shown = true
}

// clear erases the progress line, if one is shown.
func (c *console) clear() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.clearLocked()
}

func (c *console) clearLocked() {
	if c.shown {
		fmt.Fprint(c.term, "\r\x1b[K")
		c.shown = false
	}
}

// fitWidth cuts line to at most width characters (the line is ASCII but
// for what a caller may add; one rune is taken as one column).
func fitWidth(line string, width int) string {
	if width <= 0 {
		return ""
	}
	n := 0
	for i := range line {
		if n == width {
			return line[:i]
		}
		n++
	}
	return line
}

// progress counts what is read, for the progress line: records, bytes after
// decompression, and bytes read from the files, which is what their sizes
// on disk, the total, are made of.
type progress struct {
	records, uncompressed, onDisk atomic.Int64
	total                         int64 // bytes on disk of every input; 0 when unknown (stdin)
	start                         time.Time
	con                           *console
	done, finished                chan struct{}
}

// startProgress draws the progress line every 200 ms, from the first second
// on (short runs draw nothing), until stop.
func (c *console) startProgress(total int64) *progress {
	p := &progress{total: total, start: time.Now(), con: c}
	if c.term == nil {
		return p
	}
	p.done, p.finished = make(chan struct{}), make(chan struct{})
	go func() {
		defer close(p.finished)
		tick := time.NewTicker(200 * time.Millisecond)
		defer tick.Stop()
		for {
			select {
			case <-p.done:
				return
			case <-tick.C:
				if elapsed := time.Since(p.start); elapsed > time.Second {
					c.draw(progressLine(p.records.Load(), p.uncompressed.Load(), p.onDisk.Load(), p.total, elapsed))
				}
			}
		}
	}()
	return p
}

func (p *progress) stop() {
	if p.done != nil {
		close(p.done)
		<-p.finished
	}
	p.con.clear()
}

// progressLine says how far reading has gone: records and bytes (after
// decompression) read, records per second, and, when the size of the
// inputs is known, the share read and the time left, from the bytes read
// from disk (compressed ones, for gzip).
func progressLine(records, uncompressed, onDisk, total int64, elapsed time.Duration) string {
	line := fmt.Sprintf("%s records, %s", count(records), size(uncompressed))
	if s := elapsed.Seconds(); s > 0 {
		line += fmt.Sprintf(" (%s records/s)", count(int64(float64(records)/s)))
	}
	if total > 0 && onDisk > 0 {
		left := time.Duration(float64(elapsed) * float64(total-onDisk) / float64(onDisk))
		line += fmt.Sprintf(", %.0f%%, about %s left", 100*float64(onDisk)/float64(total), left.Round(time.Second))
	}
	return line
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// terminalWidth is the width of the terminal w is, or $COLUMNS, or 80.
func terminalWidth(w io.Writer) int {
	if f, ok := w.(*os.File); ok {
		if width, _, err := term.GetSize(int(f.Fd())); err == nil && width > 0 {
			return width
		}
	}
	if width, err := strconv.Atoi(os.Getenv("COLUMNS")); err == nil && width > 0 {
		return width
	}
	return 80
}

// count writes n with thousands separators.
func count(n int64) string {
	s := strconv.FormatInt(n, 10)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// size writes a number of bytes in decimal units, as "512.3 MB".
func size(b int64) string {
	units := []string{"kB", "MB", "GB", "TB", "PB"}
	if b < 1000 {
		return fmt.Sprintf("%d B", b)
	}
	v := float64(b) / 1000
	i := 0
	for ; v >= 999.95 && i < len(units)-1; i++ {
		v /= 1000
	}
	return fmt.Sprintf("%.1f %s", v, units[i])
}
