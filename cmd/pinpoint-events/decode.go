package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/stream"
)

const decodeHelp = `Usage: pinpoint-events decode [flags] [FILE|DIR|-]...

Decodes every event and writes it to standard output as normalized NDJSON:
one compact JSON object per line, members in schema order, unknown members
kept. Inputs are read as by validate (NDJSON, concatenated JSON, arrays,
gzip; directories recursively; - for standard input).

Events are validated first (--validate=false turns that off). Records that
are not valid events are not written to standard output; with --dead-letter
they go to FILE, one JSON object per line with their raw bytes and the
reasons:

  {"file","record","offset","errors":[{"pointer","keyword","message"}],"raw":"..."}

("raw_base64" instead of "raw" when the bytes are not UTF-8), so that nothing
read is lost. The filters (--family, --type, --version) choose which valid
events are written; they do not apply to the dead-letter file.

The summary on stderr counts the events and dead letters that were written:
a write that fails (a full disk) is reported and stops the command.

` + exitStatusHelp + ` With --validate=false, an event that decodes
counts as valid.

--family and --version take the values pinpoint-events schemas lists, --type
any event type validate accepts: the standard types schemas lists and the
types apps choose for their own events (any name but the server-side
families' prefixes, such as _email.). An unknown value is a usage error that
lists the known ones, so that a typo does not silently filter out every
event; a --type that starts with _ (reserved by Pinpoint for its standard
events) but that no schema names is accepted as an app event type, with a
note on stderr.

Examples:
  pinpoint-events decode --dead-letter bad.ndjson firehose-archive/ > events.ndjson
  pinpoint-events decode --family email --type _email.hardbounce 2026/ | jq .facets
  gzip -dc part-0001.gz | pinpoint-events decode --version 3.1 -

Flags:
`

func runDecode(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("decode")
	var (
		family, eventType, version, deadLetter string
		ro                                     readOptions
	)
	fs.StringVar(&family, "family", "", "write only events of this `family`: "+strings.Join(knownFamilies(anyevent.Versions()), ", "))
	fs.StringVar(&eventType, "type", "", "write only events of this event `type`, e.g. _email.open")
	fs.StringVar(&version, "version", "", "write only events of this event_version: "+strings.Join(anyevent.Versions(), ", "))
	fs.StringVar(&deadLetter, "dead-letter", "", "write records that are not valid events to `FILE`, with their raw bytes and reasons")
	fs.BoolVar(&ro.validate, "validate", true, "check each event against its schema (--content and --format tune the check); invalid events are not written")
	ro.register(fs)
	inputs, code, ok := parseInputs(fs, args, decodeHelp, stdout, stderr)
	if !ok {
		return code
	}
	note, filterErr := checkFilters(family, eventType, version)
	if filterErr != nil {
		return usageError(stderr, "decode", "%v", filterErr)
	}
	if note != "" {
		fmt.Fprintf(stderr, "pinpoint-events decode: %s\n", note)
	}
	con := newConsole(stdout, stderr, ro.progress)
	var dead *output
	if deadLetter != "" {
		// Creating the file empties it: it must not be an input.
		if in, ok := inputs.includes(deadLetter); ok {
			fmt.Fprintf(stderr, "pinpoint-events: the dead-letter file %s is an input (%s)\n", safe(deadLetter), safe(in.name))
			return exitUsage
		}
		f, err := os.Create(deadLetter)
		if err != nil {
			fmt.Fprintf(stderr, "pinpoint-events: %s: %s\n", safe(deadLetter), safe(reasonOf(err)))
			return exitUsage
		}
		dead = &output{name: deadLetter, w: f, closer: f}
	}
	out := newStdout(con, stdout, inputs)
	var filtered, invalid, skipped int64
	var buf []byte
	err := eachRecord(inputs, stdin, con, ro, func(file string, rec *stream.Record) error {
		v := judge(file, rec)
		if !v.Valid {
			invalid++
			if v.Skipped {
				skipped++
			}
			if dead != nil {
				writeDeadLetter(dead, v, rec.Raw)
				return dead.Err()
			}
			return nil
		}
		ev := rec.Event
		if (family != "" && ev.Family() != family) || (eventType != "" && ev.Type() != eventType) || (version != "" && ev.Version() != version) {
			filtered++
			return nil
		}
		var encErr error
		if buf, encErr = ev.AppendJSON(buf[:0]); encErr != nil { // a float JSON cannot hold: not from decoded input
			fmt.Fprintf(con.stderr, "pinpoint-events: %s: record %d: %s\n", safe(file), rec.Number, safe(encErr.Error()))
			return nil
		}
		out.Write(append(buf, '\n'))
		return out.Err()
	})
	// The counts of what was written are the lines that reached stdout and
	// the dead-letter file, known once both are closed.
	out.Close()
	writeFailed := out.reportError(con.stderr)
	summary := fmt.Sprintf("%s events written, %s filtered out, %s not valid events", count(out.lines), count(filtered), count(invalid))
	if skipped > 0 {
		summary += fmt.Sprintf(" (%s of them records Pinpoint writes that are not events)", count(skipped))
	}
	if dead != nil {
		dead.Close()
		writeFailed = dead.reportError(con.stderr) || writeFailed
		switch {
		case invalid == 0:
		case dead.lines == invalid:
			summary += " (in " + safe(deadLetter) + ")"
		default:
			summary += " (" + count(dead.lines) + " of them in " + safe(deadLetter) + ")"
		}
	}
	fmt.Fprintln(con.stderr, summary)
	switch {
	case err != nil, writeFailed:
		return exitUsage
	case invalid > skipped:
		return exitInvalid
	}
	return exitOK
}

// deadLetter is a line of the dead-letter file.
type deadLetter struct {
	File      string      `json:"file"`
	Record    int64       `json:"record"`
	Offset    int64       `json:"offset"`
	Errors    []violation `json:"errors"`
	Raw       *string     `json:"raw,omitempty"`
	RawBase64 []byte      `json:"raw_base64,omitempty"`
}

func writeDeadLetter(w io.Writer, v verdict, raw []byte) {
	d := deadLetter{File: v.File, Record: v.Record, Offset: v.Offset, Errors: v.Errors}
	if utf8.Valid(raw) {
		s := string(raw)
		d.Raw = &s
	} else {
		d.RawBase64 = raw
	}
	line, _ := json.Marshal(d)
	w.Write(append(line, '\n'))
}
