package main

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strings"
	"unicode/utf8"

	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint"
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
	fs.StringVar(&family, "family", "", "write only events of this `family`: "+strings.Join(knownFamilies(pinpoint.Versions()), ", "))
	fs.StringVar(&eventType, "type", "", "write only events of this event `type`, e.g. _email.open")
	fs.StringVar(&version, "version", "", "write only events of this event_version: "+strings.Join(pinpoint.Versions(), ", "))
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
	var dead *bufio.Writer
	if deadLetter != "" {
		f, err := os.Create(deadLetter)
		if err != nil {
			fmt.Fprintf(stderr, "pinpoint-events: %v\n", err)
			return exitUsage
		}
		defer f.Close()
		dead = bufio.NewWriter(f)
		defer dead.Flush()
	}
	out := bufio.NewWriterSize(stdout, 256<<10)
	defer out.Flush()
	var written, filtered, invalid int64
	var buf []byte
	err := eachRecord(inputs, stdin, stderr, ro, func(file string, rec *stream.Record) {
		v := judge(file, rec)
		if !v.Valid {
			invalid++
			if dead != nil {
				writeDeadLetter(dead, v, rec.Raw)
			}
			return
		}
		ev := rec.Event
		if (family != "" && ev.Family() != family) || (eventType != "" && ev.Type() != eventType) || (version != "" && ev.Version() != version) {
			filtered++
			return
		}
		var encErr error
		if buf, encErr = ev.AppendJSON(buf[:0]); encErr != nil { // a float JSON cannot hold: not from decoded input
			fmt.Fprintf(stderr, "pinpoint-events: %s: record %d: %v\n", file, rec.Number, encErr)
			return
		}
		out.Write(append(buf, '\n'))
		written++
	})
	summary := fmt.Sprintf("%s events written, %s filtered out, %s not valid events", count(written), count(filtered), count(invalid))
	if dead != nil && invalid > 0 {
		summary += " (in " + deadLetter + ")"
	}
	fmt.Fprintln(stderr, summary)
	switch {
	case err != nil:
		return exitUsage
	case invalid > 0:
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
