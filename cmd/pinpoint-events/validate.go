package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	pinpointevents "github.com/pinpoint-events/pinpoint-events"
	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/internal/codec"
	"github.com/pinpoint-events/pinpoint-events/stream"
	flag "github.com/spf13/pflag"
)

const validateHelp = `Usage: pinpoint-events validate [flags] [FILE|DIR|-]...

Checks every event against the JSON Schema of its event_version and
event_type. Reads NDJSON, concatenated or whitespace-separated JSON objects,
and JSON arrays of events, gzip-compressed or not; a directory stands for
every file under it (symbolic links followed, hidden files and *.md notes
left out; a file reached by several paths is read once), - or no argument
for standard input. A path that cannot be read, or that has something in it
but no record, is reported and the other inputs are read.

Prints a line for each invalid record (file, record number from 1, byte
offset, event_type, and each violation with its JSON pointer), then a
summary line. With --json it prints one JSON object per record instead, and
nothing else:

  {"file","record","offset","event_version","event_type","valid","errors":[{"pointer","keyword","message"}]}

` + exitStatusHelp + `

Examples:
  pinpoint-events validate events.ndjson
  pinpoint-events validate --json archive/ > verdicts.ndjson
  aws s3 cp s3://bucket/key.gz - | pinpoint-events validate -

Flags:
`

type validateOptions struct {
	json, verbose bool
	read          readOptions
}

func runValidate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("validate")
	o := validateOptions{read: readOptions{validate: true}}
	fs.BoolVar(&o.json, "json", false, "print one JSON object per record, and nothing else")
	fs.BoolVarP(&o.verbose, "verbose", "v", false, "print a line for valid records too")
	fs.SetNormalizeFunc(func(_ *flag.FlagSet, name string) flag.NormalizedName {
		if name == "v" { // the flag's name before --verbose, which --v still spelt
			name = "verbose"
		}
		return flag.NormalizedName(name)
	})
	o.read.register(fs)
	inputs, code, ok := parseInputs(fs, args, validateHelp, stdout, stderr)
	if !ok {
		return code
	}
	con := newConsole(stdout, stderr, o.read.progress)
	out := newStdout(con, stdout, inputs)
	v := &validator{opts: o, stdout: out}
	exit := exitOK
	if err := eachRecord(inputs, stdin, con, o.read, v.record); err != nil {
		exit = exitUsage
	}
	if !o.json {
		fmt.Fprintf(out, "%d records: %d valid, %d invalid", v.records, v.records-v.invalid-v.skipped, v.invalid)
		if v.skipped > 0 {
			fmt.Fprintf(out, ", %d skipped (records Pinpoint writes that are not events)", v.skipped)
		}
		fmt.Fprintln(out)
	}
	if out.Close(); out.reportError(con.stderr) {
		return exitUsage
	}
	if exit == exitOK && v.invalid > 0 {
		exit = exitInvalid
	}
	return exit
}

type validator struct {
	opts                      validateOptions
	stdout                    *output
	records, invalid, skipped int
}

// verdict is the --json line of a record.
type verdict struct {
	goType       string  // for -v
	File         string  `json:"file"`
	Record       int64   `json:"record"`
	Offset       int64   `json:"offset"`
	EventVersion *string `json:"event_version"`
	EventType    *string `json:"event_type"`
	Valid        bool    `json:"valid"`
	// Skipped marks a record Pinpoint writes that is not an event (the
	// _test.event_stream record of a new stream): not valid, not invalid.
	Skipped bool        `json:"skipped,omitempty"`
	Errors  []violation `json:"errors"`
}

type violation struct {
	Pointer string `json:"pointer"`
	Keyword string `json:"keyword"`
	Message string `json:"message"`
}

// record judges a record and prints its verdict; an error writing it stops
// the reading.
func (v *validator) record(file string, rec *stream.Record) error {
	v.records++
	out := judge(file, rec)
	switch {
	case out.Skipped:
		v.skipped++
	case !out.Valid:
		v.invalid++
	}
	v.print(out)
	return v.stdout.Err()
}

// judge makes the verdict of a record.
func judge(file string, rec *stream.Record) verdict {
	out := verdict{File: file, Record: rec.Number, Offset: rec.Offset, Errors: []violation{}}
	var framing *stream.RecordError
	switch {
	case errors.As(rec.Err, &framing):
		out.Errors = append(out.Errors, violation{Keyword: "framing", Message: framing.Msg})
	case rec.Err != nil:
		out.Errors = append(out.Errors, decodeViolations(rec.Err, rec.Offset)...)
	}
	if rec.Event != nil {
		out.goType = strings.TrimPrefix(fmt.Sprintf("%T", rec.Event), "*")
		version, eventType := rec.Event.Version(), rec.Event.Type()
		out.EventVersion, out.EventType = &version, &eventType
		if rec.Invalid != nil {
			for _, vi := range rec.Invalid.Violations {
				out.Errors = append(out.Errors, violation{Pointer: vi.Pointer, Keyword: vi.Keyword, Message: vi.Message})
			}
		}
	} else if framing == nil {
		out.EventVersion, out.EventType = headOf(rec.Raw)
	}
	out.Skipped = pinpointevents.ReasonOf(rec.Err) == pinpointevents.ReasonNonEvent
	out.Valid = len(out.Errors) == 0
	return out
}

// decodeViolations turns a decode error into the violations of a record. A
// broken const is left to Validate, which reports it with the rest.
func decodeViolations(err error, recordOffset int64) []violation {
	reason := pinpointevents.ReasonOf(err)
	switch reason {
	case pinpointevents.ReasonNone, pinpointevents.ReasonSchema:
		return nil
	case pinpointevents.ReasonSyntax:
		var syntax *anyevent.SyntaxError
		errors.As(err, &syntax)
		return []violation{{Keyword: "syntax", Message: fmt.Sprintf("malformed JSON at byte offset %d: %s", recordOffset+syntax.Offset, syntax.Msg)}}
	case pinpointevents.ReasonNotAnObject:
		return []violation{{Keyword: "type", Message: err.Error()}}
	case pinpointevents.ReasonEventVersion:
		return []violation{{Pointer: "/event_version", Keyword: "event_version", Message: err.Error()}}
	case pinpointevents.ReasonEventType:
		return []violation{{Pointer: "/event_type", Keyword: "event_type", Message: err.Error()}}
	case pinpointevents.ReasonLegacyFormat, pinpointevents.ReasonForeignEvent, pinpointevents.ReasonNonEvent:
		return []violation{{Keyword: string(reason), Message: err.Error()}}
	}
	return []violation{{Keyword: "decode", Message: err.Error()}}
}

// headOf reads event_version and event_type of a record that did not decode,
// for the report.
func headOf(data []byte) (version, eventType *string) {
	head, _ := codec.ReadHead(data, "event_version", "event_type")
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
	if (out.Valid || out.Skipped) && !v.opts.verbose {
		return
	}
	eventType := "(no event_type)"
	if out.EventType != nil {
		eventType = safe(*out.EventType)
	}
	status := "invalid"
	switch {
	case out.Valid:
		status = "valid"
	case out.Skipped:
		status = "skipped"
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
		msgs = append(msgs, safe(ptr)+": "+safe(e.Message))
	}
	line := fmt.Sprintf("%s: record %d (byte %d) %s: %s", safe(out.File), out.Record, out.Offset, eventType, status)
	if len(msgs) > 0 {
		line += ": " + strings.Join(msgs, "; ")
	}
	fmt.Fprintln(v.stdout, line)
}
