// Package stream decodes streams of Amazon Pinpoint events: NDJSON,
// concatenated JSON as Kinesis Data Firehose writes it to S3, JSON arrays,
// any of them gzip-compressed. It splits the input into records, decodes
// (and, on request, validates) them on every core, and hands them back in
// input order.
//
// A bad record never stops the stream: it comes back with its error, its
// record number, its byte offset and its raw bytes (for a dead-letter file),
// and reading goes on with the next record. Memory stays bounded whatever the
// size of the input.
//
// Options.Format says how the records are laid out; its names, for a
// command line, are those of FormatNames:
//
//   - auto (the default): values one after another, as in concatenated,
//     except that a JSON array is read as in array, its elements being the
//     records. It reads NDJSON, Firehose's concatenated JSON, arrays, and
//     files of these laid end to end. A line that starts with '[' but is
//     no JSON array (a log line such as "[INFO] export") is an error
//     record (up to the first '{' or '[' in it), and the records after it
//     are read as usual.
//   - ndjson: one record per line. A line that is not exactly one JSON
//     value (cut short, or with more after its value) is one error
//     record, and never runs into the next line.
//   - concatenated: values back to back, with or without whitespace or
//     line breaks between them, compact or pretty-printed; a top-level
//     array is one record. Cut NDJSON lines are still told apart from the
//     lines after them.
//   - array: one or more JSON arrays, one after another; their elements
//     are the records.
//
// Some defects belong to the input rather than to a record, such as an
// array that the input ends inside (its ']' is missing). They are not
// records, and Reader.InputErrors reports them at the end.
//
//	r, err := stream.NewReader(f, stream.Options{Validate: true})
//	if err != nil { ... }
//	defer r.Close()
//	for r.Next() {
//		rec := r.Record()
//		switch {
//		case rec.Err != nil: // not an event: rec.Raw, rec.Number, rec.Offset say which
//		case rec.Invalid != nil: // an event that breaks its schema: rec.Invalid.Violations
//		default: // rec.Event
//		}
//	}
//	if err := r.Err(); err != nil { ... } // reading the input failed
//	for _, e := range r.InputErrors() { ... } // the input is not well-formed
package stream

import (
	"fmt"
	"io"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/internal/framing"
)

// Format is the layout of an input: how its records are laid out. The
// package documentation describes each.
type Format int

// The layouts a Reader reads.
const (
	// Auto reads values one after another, and the elements of the JSON
	// arrays among them.
	Auto Format = iota
	// NDJSON reads one record per line.
	NDJSON
	// Concatenated reads values back to back, compact or pretty-printed,
	// with or without whitespace between them.
	Concatenated
	// Array reads the elements of one or more JSON arrays.
	Array
)

// formats maps each Format to its name and to the framing layout.
var formats = [...]struct {
	name    string
	framing framing.Format
}{
	Auto:         {"auto", framing.Auto},
	NDJSON:       {"ndjson", framing.NDJSON},
	Concatenated: {"concatenated", framing.Concatenated},
	Array:        {"array", framing.Array},
}

// FormatNames returns the names of the formats, as ParseFormat accepts
// them: auto, ndjson, concatenated, array.
func FormatNames() []string {
	names := make([]string, len(formats))
	for i, f := range formats {
		names[i] = f.name
	}
	return names
}

// ParseFormat returns the format called name, one of FormatNames.
func ParseFormat(name string) (Format, error) {
	for i, f := range formats {
		if f.name == name {
			return Format(i), nil
		}
	}
	return 0, fmt.Errorf("unknown layout %q (valid: %s)", name, strings.Join(FormatNames(), ", "))
}

// String returns the name of the format.
func (f Format) String() string {
	if f < 0 || int(f) >= len(formats) {
		return fmt.Sprintf("Format(%d)", int(f))
	}
	return formats[f].name
}

// MarshalText returns the name of the format, so that a Format can be a
// flag (flag.TextVar) or a configuration value.
func (f Format) MarshalText() ([]byte, error) {
	if f < 0 || int(f) >= len(formats) {
		return nil, fmt.Errorf("unknown layout %d", int(f))
	}
	return []byte(formats[f].name), nil
}

// UnmarshalText sets the format to the one named by text, as ParseFormat
// does.
func (f *Format) UnmarshalText(text []byte) error {
	g, err := ParseFormat(string(text))
	if err != nil {
		return err
	}
	*f = g
	return nil
}

// InputError reports a defect of the input as a whole that has no bytes of
// its own, and so is no record: an array that the input ends inside, for
// example, is missing its ']'. Reader.InputErrors lists them.
type InputError struct {
	Offset int64  // where in the input (after decompression) it was found
	Msg    string // what is wrong, e.g. "end of input inside the array: missing ']'"
}

// Error locates the defect by its offset, as RecordError does.
func (e *InputError) Error() string {
	return fmt.Sprintf("input at byte offset %d: %s", e.Offset, e.Msg)
}

// inputErrors converts the framing Reader's input errors.
func inputErrors(frames *framing.Reader) []*InputError {
	var errs []*InputError
	for _, e := range frames.InputErrors() {
		errs = append(errs, &InputError{Offset: e.Offset, Msg: e.Msg})
	}
	return errs
}

// RecordError reports a stretch of input that is not a JSON value: a
// truncated record, garbage between records, a record over the size limit.
type RecordError = framing.RecordError

// DefaultMaxRecordBytes is the size limit of a record when Options does not
// set one.
const DefaultMaxRecordBytes = framing.DefaultMaxRecordBytes

// Options tune a Reader. The zero value reads any layout, decodes on every
// core and does not validate.
type Options struct {
	// Format is the layout of the input; Auto, the zero value, detects it.
	Format Format
	// MaxRecordBytes bounds a record; a longer one is an error record.
	// Zero means DefaultMaxRecordBytes (1 MiB).
	MaxRecordBytes int
	// Workers is the number of goroutines that decode; zero means
	// runtime.GOMAXPROCS(0). With 1, records are decoded as Next is called,
	// on the caller's goroutine.
	Workers int
	// Decode tunes decoding, for example to decode embedded JSON documents
	// at once.
	Decode anyevent.DecodeOptions
	// Validate checks each decoded event against its schema, with the
	// assertions ValidateOptions names; the result is Record.Invalid.
	Validate        bool
	ValidateOptions anyevent.ValidateOptions
}

// Record is one record of the input.
type Record struct {
	// Number is the record's position among all records, from 1.
	Number int64
	// Offset is the byte offset of the record in the input (after gzip
	// decompression).
	Offset int64
	// Raw holds the record's bytes as they were read: for an error record,
	// the bytes that were skipped. The Reader reuses this memory: Raw is
	// valid until the next call to Next; copy it to keep it.
	Raw []byte
	// Event is the decoded event, nil when the record is not one. It is a
	// value of its own, valid after Next is called again.
	Event anyevent.Event
	// Err says why the record is not an event: a *RecordError (framing), a
	// *anyevent.SyntaxError (with an offset inside the record), or the
	// dispatcher's errors for records it has no schema for. A record whose
	// member breaks a const has both Event and Err (*anyevent.ConstError).
	Err error
	// Invalid lists the violations of Event's schema, when Options.Validate
	// asked for the check and the event breaks its schema.
	Invalid *anyevent.ValidationError
}

// Reader reads records from an input. Its methods are for one goroutine.
type Reader struct {
	opts   Options
	frames *framing.Reader
	read   atomic.Int64 // input bytes consumed, for progress

	// With one worker: the record being handed out.
	single Record

	// With several workers: batches come back in order from the pipeline.
	batches  chan *batch
	pending  map[int64]*batch
	next     int64 // sequence number of the batch to hand out next
	current  *batch
	index    int
	tokens   chan struct{} // bounds the batches in flight
	free     chan *batch   // batches handed out, whose memory the producer reuses
	stop     chan struct{}
	stopOnce sync.Once
	done     sync.WaitGroup
	err      error
	inputErr []*InputError
	finished bool
}

// batch is a run of records that travels through the pipeline together.
type batch struct {
	seq      int64
	records  []Record
	buf      []byte // Raw of every record
	last     bool   // no batch follows; err and inputErr are the input's errors
	err      error
	inputErr []*InputError
}

const (
	batchRecords = 256
	batchBytes   = 512 << 10
)

// NewReader starts reading r. It reads the first bytes at once, to detect
// gzip; an error then is returned.
func NewReader(r io.Reader, opts Options) (*Reader, error) {
	if opts.Format < 0 || int(opts.Format) >= len(formats) {
		return nil, fmt.Errorf("stream: unknown layout %d", int(opts.Format))
	}
	frames, err := framing.NewReader(r, framing.Options{Format: formats[opts.Format].framing, MaxRecordBytes: opts.MaxRecordBytes})
	if err != nil {
		return nil, err
	}
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	rd := &Reader{opts: opts, frames: frames}
	if opts.Workers > 1 {
		rd.startPipeline()
	}
	return rd, nil
}

// Next advances to the next record. It returns false at the end of the
// input, or when reading it failed (see Err).
func (r *Reader) Next() bool {
	if r.opts.Workers == 1 {
		return r.nextSingle()
	}
	return r.nextPipelined()
}

// Record returns the current record.
func (r *Reader) Record() *Record {
	if r.opts.Workers == 1 {
		return &r.single
	}
	return &r.current.records[r.index]
}

// Err returns the error that ended reading the input early, or nil at its
// end. Records that are not events are not errors of the Reader: see
// Record.Err.
func (r *Reader) Err() error {
	if r.opts.Workers == 1 {
		return r.frames.Err()
	}
	return r.err
}

// InputErrors returns the defects of the input that belong to no record
// (see InputError), once Next has returned false at the end of the input.
// They are not counted as records, but an input that has any is not
// well-formed: a caller that reports on the input should say so, and a
// command fail.
func (r *Reader) InputErrors() []*InputError {
	if r.opts.Workers == 1 {
		return inputErrors(r.frames)
	}
	return r.inputErr
}

// Offset returns how many bytes of the input (after decompression) have been
// read, for showing progress. It may run ahead of the records handed out.
func (r *Reader) Offset() int64 {
	if r.opts.Workers == 1 {
		return r.frames.Offset()
	}
	return r.read.Load()
}

// Close stops the Reader's goroutines. Call it when stopping before the end
// of the input; it is harmless after. It does not close the input.
func (r *Reader) Close() error {
	if r.opts.Workers > 1 {
		r.stopOnce.Do(func() { close(r.stop) })
		// Let the producer and workers see the stop and end.
		go func() {
			for range r.batches {
			}
		}()
		r.done.Wait()
	}
	return nil
}

func (r *Reader) nextSingle() bool {
	if !r.frames.Next() {
		return false
	}
	fr := r.frames.Record()
	r.single = Record{Number: fr.Number, Offset: fr.Offset, Raw: append(r.single.Raw[:0], fr.Data...)}
	r.decode(&r.single, fr.Err)
	return true
}

// decode turns a framed record into an event.
func (r *Reader) decode(rec *Record, framingErr error) {
	if framingErr != nil {
		rec.Err = framingErr
		return
	}
	rec.Event, rec.Err = anyevent.DecodeWith(rec.Raw, r.opts.Decode)
	if rec.Event == nil || !r.opts.Validate {
		return
	}
	if err := rec.Event.ValidateWith(r.opts.ValidateOptions); err != nil {
		rec.Invalid = err.(*anyevent.ValidationError)
	}
}

// The pipeline: one goroutine frames the input into batches, Workers
// goroutines decode batches, and Next puts them back in order. A token per
// batch in flight bounds memory: the producer waits for one before it fills
// a batch, and Next returns it when the batch is handed out.
func (r *Reader) startPipeline() {
	inFlight := 4 * r.opts.Workers
	r.tokens = make(chan struct{}, inFlight)
	for i := 0; i < inFlight; i++ {
		r.tokens <- struct{}{}
	}
	r.stop = make(chan struct{})
	r.free = make(chan *batch, inFlight)
	r.batches = make(chan *batch, inFlight)
	r.pending = map[int64]*batch{}
	work := make(chan *batch, inFlight)
	r.done.Add(1)
	go func() {
		defer r.done.Done()
		defer close(work)
		r.produce(work)
	}()
	var workers sync.WaitGroup
	for i := 0; i < r.opts.Workers; i++ {
		workers.Add(1)
		r.done.Add(1)
		go func() {
			defer r.done.Done()
			defer workers.Done()
			for b := range work {
				for i := range b.records {
					rec := &b.records[i]
					r.decode(rec, rec.Err)
				}
				r.batches <- b
			}
		}()
	}
	go func() {
		workers.Wait()
		close(r.batches)
	}()
}

// produce frames the input into batches.
func (r *Reader) produce(work chan<- *batch) {
	var seq int64
	for {
		select {
		case <-r.tokens:
		case <-r.stop:
			return
		}
		var b *batch
		select {
		case b = <-r.free:
			*b = batch{records: b.records[:0], buf: b.buf[:0]}
		default:
			b = &batch{}
		}
		b.seq = seq
		seq++
		more := true
		for len(b.records) < batchRecords && len(b.buf) < batchBytes {
			if more = r.frames.Next(); !more {
				break
			}
			fr := r.frames.Record()
			start := len(b.buf)
			b.buf = append(b.buf, fr.Data...)
			b.records = append(b.records, Record{Number: fr.Number, Offset: fr.Offset, Raw: b.buf[start:len(b.buf):len(b.buf)], Err: fr.Err})
		}
		r.read.Store(r.frames.Offset())
		// Raw slices point into buf, which may have moved while growing:
		// point them at its final place.
		pos := 0
		for i := range b.records {
			n := len(b.records[i].Raw)
			b.records[i].Raw = b.buf[pos : pos+n : pos+n]
			pos += n
		}
		if !more {
			b.last, b.err, b.inputErr = true, r.frames.Err(), inputErrors(r.frames)
		}
		select {
		case work <- b:
		case <-r.stop:
			return
		}
		if !more {
			return
		}
	}
}

func (r *Reader) nextPipelined() bool {
	if r.finished {
		return false
	}
	if r.current != nil {
		r.index++
		if r.index < len(r.current.records) {
			return true
		}
		last := r.current.last
		r.recycle(r.current)
		r.current = nil
		r.tokens <- struct{}{}
		if last {
			r.finished = true
			return false
		}
	}
	for {
		b, ok := r.pending[r.next]
		if ok {
			delete(r.pending, r.next)
			r.next++
			if b.last {
				r.err, r.inputErr = b.err, b.inputErr
			}
			if len(b.records) == 0 {
				r.recycle(b)
				r.tokens <- struct{}{}
				if b.last {
					r.finished = true
					return false
				}
				continue
			}
			r.current, r.index = b, 0
			return true
		}
		b, ok = <-r.batches
		if !ok {
			r.finished = true
			return false
		}
		r.pending[b.seq] = b
	}
}

// recycle gives a handed-out batch's memory back to the producer.
func (r *Reader) recycle(b *batch) {
	clear(b.records) // drop the events, which the caller may keep
	select {
	case r.free <- b:
	default:
	}
}
