package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync/atomic"

	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/stream"
	flag "github.com/spf13/pflag"
)

// input is one file to read, or standard input.
type input struct {
	name string // as the user gave it, or the path found in a directory; "-" for stdin
	size int64  // bytes on disk, for progress; 0 when unknown
	// err says why the path cannot be read (missing, unreadable, a
	// dangling link); it is reported in the input's turn.
	err error
	// args are the indexes of the arguments that lead to the file: several
	// when links or repeated arguments name one file, which is read once.
	args []int
	id   fileID
	// output names the output of the command the file is, which is not
	// read: reading what the command appends to could never end.
	output string
}

// argument is one argument of the command line, and what reading it gave.
type argument struct {
	name string
	// hasEntries is true for a directory with anything in it, even files
	// that are skipped: an argument with something in it that gives no
	// record is reported.
	hasEntries     bool
	bytes, records int64
}

// inputSet is what a command line asks to read.
type inputSet struct {
	files []input
	args  []argument
}

// expandInputs turns the command line's arguments into the files to read,
// in the order of the arguments. A directory stands for every regular file
// under it, recursively, in name order, but for hidden files and
// directories and Markdown notes (*.md), since Firehose's S3 objects have no
// extension to pick them by. Symbolic links are followed, in arguments and
// in directories; a directory is walked once per argument (so a link back
// up, a loop, ends), and a file reached by several paths is read once. "-"
// and no argument at all stand for standard input.
func expandInputs(args []string) *inputSet {
	if len(args) == 0 {
		args = []string{"-"}
	}
	e := expander{set: &inputSet{}, seen: map[fileID]int{}, walked: map[walkedDir]bool{}}
	for i, arg := range args {
		e.set.args = append(e.set.args, argument{name: arg})
		if arg == "-" {
			e.add(i, arg, fileID{path: "-"}, 0)
			continue
		}
		info, err := os.Stat(arg)
		switch {
		case err != nil:
			e.set.files = append(e.set.files, input{name: arg, err: err, args: []int{i}})
		case info.IsDir():
			e.walk(i, arg, info)
		default: // a file, or a FIFO or device named on purpose
			e.add(i, arg, idOf(arg, info), info.Size())
		}
	}
	return e.set
}

type expander struct {
	set    *inputSet
	seen   map[fileID]int // index in set.files of each file found
	walked map[walkedDir]bool
}

// walkedDir is a directory walked for an argument.
type walkedDir struct {
	id  fileID
	arg int
}

func (e *expander) add(arg int, name string, id fileID, size int64) {
	if j, ok := e.seen[id]; ok {
		if !slices.Contains(e.set.files[j].args, arg) {
			e.set.files[j].args = append(e.set.files[j].args, arg)
		}
		return
	}
	e.seen[id] = len(e.set.files)
	e.set.files = append(e.set.files, input{name: name, size: size, args: []int{arg}, id: id})
}

// includes returns the input that is the file at path, if one is.
func (s *inputSet) includes(path string) (input, bool) {
	info, err := os.Stat(path)
	if err != nil {
		return input{}, false
	}
	id := idOf(path, info)
	for _, f := range s.files {
		if f.err == nil && f.id == id {
			return f, true
		}
	}
	return input{}, false
}

// leaveOut marks the input that is the output f, if one is, so that it is
// not read.
func (s *inputSet) leaveOut(f *os.File, name string) {
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return // a terminal, a pipe or a device: not a file an input can be
	}
	id := idOf(f.Name(), info)
	for i := range s.files {
		if s.files[i].err == nil && s.files[i].id == id {
			s.files[i].output = name
		}
	}
}

// walk adds the files under dir. A directory already walked for the
// argument, through a link (a loop back up, or two links to one place), is
// not walked again: its files are already in.
func (e *expander) walk(arg int, dir string, info fs.FileInfo) {
	key := walkedDir{idOf(dir, info), arg}
	if e.walked[key] {
		return
	}
	e.walked[key] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		e.set.files = append(e.set.files, input{name: dir, err: err, args: []int{arg}})
		return
	}
	if len(entries) > 0 {
		e.set.args[arg].hasEntries = true
	}
	for _, entry := range entries {
		name := entry.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		p := filepath.Join(dir, name)
		info, err := os.Stat(p) // through a link to what it names
		switch {
		case err != nil:
			e.set.files = append(e.set.files, input{name: p, err: err, args: []int{arg}})
		case info.IsDir():
			e.walk(arg, p, info)
		case info.Mode().IsRegular() && !strings.HasSuffix(name, ".md"):
			e.add(arg, p, idOf(p, info), info.Size())
		}
		// FIFOs, sockets and devices in a directory are not read: a FIFO
		// would block the run until something writes to it.
	}
}

// fileID tells files apart: device and inode where the system has them,
// the resolved absolute path elsewhere.
type fileID struct {
	dev, ino uint64
	path     string
}

// pathID is the fileID of a file by its resolved absolute path.
func pathID(path string) fileID {
	if resolved, err := filepath.EvalSymlinks(path); err == nil {
		path = resolved
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return fileID{path: path}
}

// readOptions are the flags every command that reads events shares.
type readOptions struct {
	layout         stream.Format
	workers        int
	maxRecordBytes int
	progress       bool
	// validate checks each event against its schema, asserting content
	// and format as asked. validate and stats always check; decode has a
	// flag for it.
	validate, content, format bool
}

func (o *readOptions) register(fs *flag.FlagSet) {
	fs.Var(layoutFlag{&o.layout}, "layout", "how records are laid out in the inputs: "+strings.Join(stream.FormatNames(), ", ")+"; auto tells them apart as it reads")
	fs.Var(&workersFlag{n: &o.workers}, "workers", "goroutines that decode: 0 for one per core, at most 4 per core")
	fs.IntVar(&o.maxRecordBytes, "max-record-bytes", stream.DefaultMaxRecordBytes, "the size limit of a record; a longer one is reported and skipped")
	fs.BoolVar(&o.progress, "progress", true, "show progress on stderr when it is a terminal")
	fs.BoolVar(&o.content, "content", true, "check JSON documents carried in strings (the endpoint record) against their schema")
	fs.BoolVar(&o.format, "format", true, "check the format keyword (date-time, ...)")
}

func (o readOptions) streamOptions() stream.Options {
	return stream.Options{
		Format:          o.layout,
		Workers:         o.workers,
		MaxRecordBytes:  o.maxRecordBytes,
		Validate:        o.validate,
		ValidateOptions: anyevent.ValidateOptions{AssertContent: o.content, AssertFormat: o.format},
	}
}

// parseInputs parses a command's flags and expands its arguments into
// inputs. ok is false when the command must stop, with code. A path that
// cannot be read does not stop the command: it is reported when its turn
// to be read comes.
func parseInputs(fs *flag.FlagSet, args []string, help string, stdout, stderr io.Writer) (inputs *inputSet, code int, ok bool) {
	if code, ok := parseFlags(fs, args, help, stdout, stderr); !ok {
		return nil, code, false
	}
	return expandInputs(fs.Args()), 0, true
}

// eachRecord reads every input and calls fn for each record, in order. An
// input that cannot be read is reported on stderr and skipped, and so is an
// argument with something in it that gave no record; the returned error
// says that one was. An error from fn stops the reading, and is returned.
func eachRecord(in *inputSet, stdin io.Reader, con *console, ro readOptions, fn func(file string, rec *stream.Record) error) error {
	opts := ro.streamOptions()
	var total int64
	for _, f := range in.files {
		if f.name == "-" {
			total = 0 // unknown
			break
		}
		total += f.size
	}
	prog := con.startProgress(total)
	defer prog.stop()
	failed := false
	for _, f := range in.files {
		if f.err != nil {
			reportInputError(con.stderr, f.name, f.err)
			failed = true
			continue
		}
		if f.output != "" {
			fmt.Fprintf(con.stderr, "pinpoint-events: %s: not read: it is %s\n", safe(f.name), safe(f.output))
			continue
		}
		read, err := eachRecordOf(f, stdin, opts, prog, fn)
		for _, a := range f.args {
			in.args[a].bytes += read.bytes
			in.args[a].records += read.records
		}
		var stop stopReading
		if errors.As(err, &stop) {
			return stop.err
		}
		if err != nil {
			reportInputError(con.stderr, f.name, err)
			failed = true
		}
		for _, defect := range read.defects {
			fmt.Fprintf(con.stderr, "pinpoint-events: %s: byte %d: %s\n", safe(f.name), defect.Offset, safe(defect.Msg))
			failed = true
		}
	}
	for _, a := range in.args {
		if a.records == 0 && (a.bytes > 0 || a.hasEntries) {
			fmt.Fprintf(con.stderr, "pinpoint-events: %s: no records found\n", safe(a.name))
			failed = true
		}
	}
	if failed {
		return errSomeInputsFailed
	}
	return nil
}

var errSomeInputsFailed = errors.New("some inputs could not be read")

// stopReading carries the error of a record's function, which stops the
// reading.
type stopReading struct{ err error }

func (s stopReading) Error() string { return s.err.Error() }

// reportInputError says which input could not be read, and why.
func reportInputError(w io.Writer, name string, err error) {
	var pathErr *fs.PathError
	if errors.As(err, &pathErr) {
		name = pathErr.Path // the subdirectory or file, not the argument
	}
	fmt.Fprintf(w, "pinpoint-events: %s: %s\n", safe(name), safe(reasonOf(err)))
}

// inputRead is what reading one input gave.
type inputRead struct {
	bytes, records int64
	// defects are what is wrong with the input as a whole and is no record,
	// such as an array the input ends inside.
	defects []*stream.InputError
}

func eachRecordOf(in input, stdin io.Reader, opts stream.Options, prog *progress, fn func(file string, rec *stream.Record) error) (read inputRead, err error) {
	var src io.Reader = stdin
	if in.name != "-" {
		f, err := os.Open(in.name)
		if err != nil {
			return read, err
		}
		defer f.Close()
		src = f
	}
	counted := &countingReader{r: src, total: &prog.onDisk}
	defer func() { read.bytes = counted.n }()
	r, err := stream.NewReader(counted, opts)
	if err != nil {
		return read, err
	}
	defer r.Close()
	base := prog.uncompressed.Load()
	for r.Next() {
		read.records++
		prog.records.Add(1)
		prog.uncompressed.Store(base + r.Offset())
		if err := fn(in.name, r.Record()); err != nil {
			return read, stopReading{err}
		}
	}
	prog.uncompressed.Store(base + r.Offset())
	read.defects = r.InputErrors()
	return read, r.Err()
}

// countingReader counts the bytes read from a file (compressed, for gzip):
// its own, and the run's total for the progress line.
type countingReader struct {
	r     io.Reader
	n     int64
	total *atomic.Int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	c.total.Add(int64(n))
	return n, err
}
