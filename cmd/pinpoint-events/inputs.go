package main

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint"
	"github.com/pinpoint-events/pinpoint-events/stream"
	flag "github.com/spf13/pflag"
)

// input is one file to read, or standard input.
type input struct {
	name string // as the user gave it, or the path found in a directory; "-" for stdin
	size int64  // bytes on disk, for progress; 0 when unknown
}

// expandInputs turns the command line's arguments into the files to read:
// a directory stands for every regular file under it (recursively, in name
// order), but for hidden files and directories and Markdown notes (*.md),
// since Firehose's S3 objects have no extension to pick them by; "-" and no
// argument at all stand for standard input.
func expandInputs(args []string) ([]input, error) {
	if len(args) == 0 {
		return []input{{name: "-"}}, nil
	}
	var out []input
	for _, arg := range args {
		if arg == "-" {
			out = append(out, input{name: "-"})
			continue
		}
		info, err := os.Stat(arg)
		if err != nil {
			return nil, err
		}
		if !info.IsDir() {
			out = append(out, input{name: arg, size: info.Size()})
			continue
		}
		var found []input
		err = filepath.WalkDir(arg, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p != arg && len(d.Name()) > 0 && d.Name()[0] == '.' {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if !d.Type().IsRegular() || strings.HasSuffix(d.Name(), ".md") {
				return nil
			}
			info, err := d.Info()
			if err != nil {
				return err
			}
			found = append(found, input{name: p, size: info.Size()})
			return nil
		})
		if err != nil {
			return nil, err
		}
		sort.Slice(found, func(i, j int) bool { return found[i].name < found[j].name })
		out = append(out, found...)
	}
	return out, nil
}

// readOptions are the flags every command that reads events shares.
type readOptions struct {
	workers        int
	maxRecordBytes int
	progress       bool
	// validate checks each event against its schema, asserting content
	// and format as asked. validate and stats always check; decode has a
	// flag for it.
	validate, content, format bool
}

func (o *readOptions) register(fs *flag.FlagSet) {
	fs.Var(&workersFlag{n: &o.workers}, "workers", "goroutines that decode: 0 for one per core, at most 4 per core")
	fs.IntVar(&o.maxRecordBytes, "max-record-bytes", stream.DefaultMaxRecordBytes, "the size limit of a record; a longer one is reported and skipped")
	fs.BoolVar(&o.progress, "progress", true, "show progress on stderr when it is a terminal")
	fs.BoolVar(&o.content, "content", true, "check JSON documents carried in strings (the endpoint record) against their schema")
	fs.BoolVar(&o.format, "format", true, "check the format keyword (date-time, ...)")
}

func (o readOptions) streamOptions() stream.Options {
	return stream.Options{
		Workers:         o.workers,
		MaxRecordBytes:  o.maxRecordBytes,
		Validate:        o.validate,
		ValidateOptions: pinpoint.ValidateOptions{AssertContent: o.content, AssertFormat: o.format},
	}
}

// parseInputs parses a command's flags and expands its arguments into
// inputs. ok is false when the command must stop, with code.
func parseInputs(fs *flag.FlagSet, args []string, help string, stdout, stderr io.Writer) (inputs []input, code int, ok bool) {
	if code, ok := parseFlags(fs, args, help, stdout, stderr); !ok {
		return nil, code, false
	}
	inputs, err := expandInputs(fs.Args())
	if err != nil {
		fmt.Fprintf(stderr, "pinpoint-events: %v\n", err)
		return nil, exitUsage, false
	}
	return inputs, 0, true
}

// eachRecord reads every input and calls fn for each record, in order. An
// input that cannot be read is reported on stderr and skipped; the returned
// error says that one was.
func eachRecord(inputs []input, stdin io.Reader, stderr io.Writer, ro readOptions, fn func(file string, rec *stream.Record)) error {
	opts := ro.streamOptions()
	prog := newProgress(stderr, inputs, ro.progress)
	defer prog.stop()
	failed := false
	for _, in := range inputs {
		if err := eachRecordOf(in, stdin, opts, prog, fn); err != nil {
			prog.clear()
			fmt.Fprintf(stderr, "pinpoint-events: %s: %v\n", in.name, err)
			failed = true
		}
	}
	if failed {
		return errSomeInputsFailed
	}
	return nil
}

var errSomeInputsFailed = fmt.Errorf("some inputs could not be read")

func eachRecordOf(in input, stdin io.Reader, opts stream.Options, prog *progress, fn func(file string, rec *stream.Record)) error {
	var src io.Reader = stdin
	if in.name != "-" {
		f, err := os.Open(in.name)
		if err != nil {
			return err
		}
		defer f.Close()
		src = f
	}
	r, err := stream.NewReader(&countingReader{r: src, n: &prog.bytes}, opts)
	if err != nil {
		return err
	}
	defer r.Close()
	for r.Next() {
		prog.records.Add(1)
		fn(in.name, r.Record())
	}
	return r.Err()
}

// countingReader counts the bytes read from a file (compressed, for gzip),
// which is what the progress's total is made of.
type countingReader struct {
	r io.Reader
	n *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n.Add(int64(n))
	return n, err
}

// progress draws a status line on stderr while inputs are read, when stderr
// is a terminal: records per second, bytes read, and the time left when the
// total size is known.
type progress struct {
	bytes, records atomic.Int64
	out            io.Writer
	total          int64
	start          time.Time
	done           chan struct{}
	finished       chan struct{}
	shown          atomic.Bool
}

func newProgress(out io.Writer, inputs []input, enabled bool) *progress {
	p := &progress{out: out, start: time.Now()}
	for _, in := range inputs {
		if in.name == "-" {
			p.total = 0
			break
		}
		p.total += in.size
	}
	if !enabled || !isTerminal(out) {
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
				if time.Since(p.start) > time.Second { // short runs draw nothing
					p.draw()
				}
			}
		}
	}()
	return p
}

func (p *progress) draw() {
	elapsed := time.Since(p.start).Seconds()
	n, b := p.records.Load(), p.bytes.Load()
	line := fmt.Sprintf("%s records (%.0f/s), %s read", count(n), float64(n)/elapsed, size(b))
	if p.total > 0 && b > 0 {
		left := time.Duration(float64(p.total-b) / (float64(b) / elapsed) * float64(time.Second))
		line += fmt.Sprintf(" of %s, %.0f%%, about %s left", size(p.total), 100*float64(b)/float64(p.total), left.Round(time.Second))
	}
	fmt.Fprintf(p.out, "\r%-79s", line)
	p.shown.Store(true)
}

// clear removes the status line, before other text goes to stderr.
func (p *progress) clear() {
	if p.shown.Swap(false) {
		fmt.Fprintf(p.out, "\r%79s\r", "")
	}
}

func (p *progress) stop() {
	if p.done != nil {
		close(p.done)
		<-p.finished
	}
	p.clear()
}

// isTerminal reports whether w is a character device, as a terminal is.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// count writes n with thousands separators.
func count(n int64) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func size(b int64) string {
	switch {
	case b >= 1<<30:
		return fmt.Sprintf("%.1f GiB", float64(b)/(1<<30))
	case b >= 1<<20:
		return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20))
	case b >= 1<<10:
		return fmt.Sprintf("%.1f KiB", float64(b)/(1<<10))
	}
	return fmt.Sprintf("%d B", b)
}
