package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint"
	"github.com/pinpoint-events/pinpoint-events/internal/codec"
	"github.com/pinpoint-events/pinpoint-events/internal/framing"
)

const validateHelp = `Usage: pinpoint-events validate [flags] [FILE|-]...

Checks every event against the JSON Schema of its event_version and
event_type. Reads NDJSON, concatenated or whitespace-separated JSON objects,
and JSON arrays of events, gzip-compressed or not; - or no FILE reads
standard input.

Prints a line for each invalid record (file, record number from 1, byte
offset, event_type, and each violation with its JSON pointer), then a
summary line. With --json it prints one JSON object per record instead, and
nothing else:

  {"file","record","offset","event_version","event_type","valid","errors":[{"pointer","keyword","message"}]}

Exit status: 0 when every record is valid, 1 when any is invalid, 2 for
usage errors or files that cannot be read.

Examples:
  pinpoint-events validate events.ndjson
  pinpoint-events validate --json archive/*.json.gz > verdicts.ndjson
  aws s3 cp s3://bucket/key - | pinpoint-events validate -

Flags:
`

type validateOptions struct {
	json, content, format, verbose bool
}

func runValidate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var o validateOptions
	fs.BoolVar(&o.json, "json", false, "print one JSON object per record, and nothing else")
	fs.BoolVar(&o.content, "content", true, "check JSON documents carried in strings (the endpoint record) against their schema")
	fs.BoolVar(&o.format, "format", true, "check the format keyword (date-time, ...)")
	fs.BoolVar(&o.verbose, "v", false, "print a line for valid records too")
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), validateHelp)
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fs.SetOutput(stdout)
			fs.Usage()
			return exitOK
		}
		return exitUsage
	}
	files := fs.Args()
	if len(files) == 0 {
		files = []string{"-"}
	}
	v := &validator{opts: o, stdout: stdout, stderr: stderr}
	exit := exitOK
	for _, name := range files {
		if err := v.file(name, stdin); err != nil {
			fmt.Fprintf(stderr, "pinpoint-events: %v\n", err)
			exit = exitUsage
		}
	}
	if !o.json {
		fmt.Fprintf(stdout, "%d records: %d valid, %d invalid\n", v.records, v.records-v.invalid, v.invalid)
	}
	if exit == exitOK && v.invalid > 0 {
		exit = exitInvalid
	}
	return exit
}

type validator struct {
	opts             validateOptions
	stdout, stderr   io.Writer
	records, invalid int
}

// verdict is the --json line of a record.
type verdict struct {
	goType       string      // for -v
	File         string      `json:"file"`
	Record       int64       `json:"record"`
	Offset       int64       `json:"offset"`
	EventVersion *string     `json:"event_version"`
	EventType    *string     `json:"event_type"`
	Valid        bool        `json:"valid"`
	Errors       []violation `json:"errors"`
}

type violation struct {
	Pointer string `json:"pointer"`
	Keyword string `json:"keyword"`
	Message string `json:"message"`
}

func (v *validator) file(name string, stdin io.Reader) error {
	var in io.Reader = stdin
	if name != "-" {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		defer f.Close()
		in = f
	}
	r, err := framing.NewReader(in, framing.Options{})
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	for r.Next() {
		v.record(name, r.Record())
	}
	if err := r.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func (v *validator) record(file string, rec framing.Record) {
	v.records++
	out := verdict{File: file, Record: rec.Number, Offset: rec.Offset, Errors: []violation{}}
	var ev pinpoint.Event
	if rec.Err != nil {
		out.Errors = append(out.Errors, violation{Keyword: "framing", Message: rec.Err.Error()})
	} else {
		var err error
		ev, err = pinpoint.Decode(rec.Data)
		out.Errors = append(out.Errors, decodeViolations(err, rec.Offset)...)
	}
	if ev != nil {
		out.goType = strings.TrimPrefix(fmt.Sprintf("%T", ev), "*")
		version, eventType := ev.Version(), ev.Type()
		out.EventVersion, out.EventType = &version, &eventType
		err := ev.ValidateWith(pinpoint.ValidateOptions{AssertContent: v.opts.content, AssertFormat: v.opts.format})
		var verr *pinpoint.ValidationError
		if errors.As(err, &verr) {
			for _, vi := range verr.Violations {
				out.Errors = append(out.Errors, violation{Pointer: vi.Pointer, Keyword: vi.Keyword, Message: vi.Message})
			}
		}
	} else if rec.Err == nil {
		out.EventVersion, out.EventType = headOf(rec.Data)
	}
	out.Valid = len(out.Errors) == 0
	if !out.Valid {
		v.invalid++
	}
	v.print(out)
}

// decodeViolations turns a decode error into the violations of a record. A
// broken const is left to Validate, which reports it with the rest.
func decodeViolations(err error, recordOffset int64) []violation {
	var (
		syntax      *pinpoint.SyntaxError
		notObject   *pinpoint.NotAnObjectError
		noVersion   *pinpoint.MissingVersionError
		badVersion  *pinpoint.UnknownVersionError
		badType     *pinpoint.UnknownEventTypeError
		brokenConst *pinpoint.ConstError
		legacy      *pinpoint.LegacyFormatError
		foreign     *pinpoint.ForeignEventError
	)
	switch {
	case err == nil, errors.As(err, &brokenConst):
		return nil
	case errors.As(err, &syntax):
		return []violation{{Keyword: "syntax", Message: fmt.Sprintf("malformed JSON at byte offset %d: %s", recordOffset+syntax.Offset, syntax.Msg)}}
	case errors.As(err, &notObject):
		return []violation{{Keyword: "type", Message: err.Error()}}
	case errors.As(err, &noVersion), errors.As(err, &badVersion):
		return []violation{{Pointer: "/event_version", Keyword: "event_version", Message: err.Error()}}
	case errors.As(err, &badType):
		return []violation{{Pointer: "/event_type", Keyword: "event_type", Message: err.Error()}}
	case errors.As(err, &legacy):
		return []violation{{Keyword: "legacy-format", Message: err.Error()}}
	case errors.As(err, &foreign):
		return []violation{{Keyword: "foreign-event", Message: err.Error()}}
	}
	return []violation{{Keyword: "decode", Message: err.Error()}}
}

// headOf reads event_version and event_type of a record that did not decode,
// for the report.
func headOf(data []byte) (version, eventType *string) {
	head, _ := codec.ReadHead(data)
	if head.VersionIsString {
		version = &head.Version
	}
	if head.TypeIsString {
		eventType = &head.Type
	}
	return version, eventType
}

func (v *validator) print(out verdict) {
	if v.opts.json {
		line, _ := json.Marshal(out)
		fmt.Fprintf(v.stdout, "%s\n", line)
		return
	}
	if out.Valid && !v.opts.verbose {
		return
	}
	eventType := "(no event_type)"
	if out.EventType != nil {
		eventType = *out.EventType
	}
	status := "invalid"
	if out.Valid {
		status = "valid"
	}
	if out.goType != "" {
		status += " (" + out.goType + ")"
	}
	var msgs []string
	for _, e := range out.Errors {
		ptr := e.Pointer
		if ptr == "" {
			ptr = "(root)"
		}
		msgs = append(msgs, ptr+": "+e.Message)
	}
	line := fmt.Sprintf("%s: record %d (byte %d) %s: %s", out.File, out.Record, out.Offset, eventType, status)
	if len(msgs) > 0 {
		line += ": " + strings.Join(msgs, "; ")
	}
	fmt.Fprintln(v.stdout, line)
}
