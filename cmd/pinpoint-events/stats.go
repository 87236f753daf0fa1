package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"sort"
	"time"

	pinpointevents "github.com/pinpoint-events/pinpoint-events"
	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint/v3p1"
	"github.com/pinpoint-events/pinpoint-events/stream"
)

const statsHelp = `Usage: pinpoint-events stats [flags] [FILE|DIR|-]...

Counts the records of the inputs: valid and invalid events, records that are
not events (and why), events by event_version, family and event type, the
send statuses of campaigns and journeys, the record statuses of SMS, and the
time of the first and last event. Inputs are read as by validate.

A table for people by default; --json prints one JSON object instead.

` + exitStatusHelp + ` The counts are printed in every case.

Examples:
  pinpoint-events stats s3-export/2026/
  pinpoint-events stats --json events.ndjson.gz | jq .event_types

Flags:
`

// stats are the counts stats prints.
type stats struct {
	Records            int64            `json:"records"`
	Events             int64            `json:"events"`
	Valid              int64            `json:"valid"`
	Invalid            int64            `json:"invalid"`
	Skipped            int64            `json:"skipped"` // records Pinpoint writes that are not events, also in NotEvents
	NotEvents          map[string]int64 `json:"not_events"`
	Versions           map[string]int64 `json:"versions"`
	Families           map[string]int64 `json:"families"`
	EventTypes         map[string]int64 `json:"event_types"`
	CampaignSendStatus map[string]int64 `json:"campaign_send_status"`
	JourneySendStatus  map[string]int64 `json:"journey_send_status"`
	SMSRecordStatus    map[string]int64 `json:"sms_record_status"`
	FirstEvent         *time.Time       `json:"first_event"` // of the valid events
	LastEvent          *time.Time       `json:"last_event"`
}

func newStats() *stats {
	return &stats{NotEvents: map[string]int64{}, Versions: map[string]int64{}, Families: map[string]int64{}, EventTypes: map[string]int64{},
		CampaignSendStatus: map[string]int64{}, JourneySendStatus: map[string]int64{}, SMSRecordStatus: map[string]int64{}}
}

func runStats(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("stats")
	var (
		asJSON bool
		ro     = readOptions{validate: true}
	)
	fs.BoolVar(&asJSON, "json", false, "print one JSON object instead of a table")
	ro.register(fs)
	inputs, code, ok := parseInputs(fs, args, statsHelp, stdout, stderr)
	if !ok {
		return code
	}
	st := newStats()
	con := newConsole(stdout, stderr, ro.progress)
	out := newStdout(con, stdout, inputs)
	err := eachRecord(inputs, stdin, con, ro, func(_ string, rec *stream.Record) error { st.add(rec); return nil })
	if asJSON {
		data, _ := json.MarshalIndent(st, "", "  ")
		fmt.Fprintf(out, "%s\n", data)
	} else {
		st.table(out)
	}
	if out.Close(); out.reportError(con.stderr) {
		return exitUsage
	}
	switch {
	case err != nil:
		return exitUsage
	case st.Valid+st.Skipped < st.Records:
		return exitInvalid
	}
	return exitOK
}

func (st *stats) add(rec *stream.Record) {
	st.Records++
	ev := rec.Event
	if ev == nil {
		if pinpointevents.ReasonOf(rec.Err) == pinpointevents.ReasonNonEvent {
			st.Skipped++
		}
		st.NotEvents[reason(rec.Err)]++
		return
	}
	st.Events++
	if rec.Invalid != nil || rec.Err != nil {
		st.Invalid++
	} else {
		st.Valid++
	}
	st.Versions[ev.Version()]++
	st.Families[ev.Family()]++
	st.EventTypes[ev.Type()]++
	switch e := ev.(type) {
	case *v3p1.CampaignSendEvent:
		st.CampaignSendStatus[string(e.Attributes.CampaignSendStatus)]++
	case *v3p1.JourneySendEvent:
		st.JourneySendStatus[string(e.Attributes.JourneySendStatus)]++
	case *v3p1.SMSEvent:
		st.SMSRecordStatus[string(e.Attributes.RecordStatus)]++
	}
	if rec.Invalid != nil || rec.Err != nil {
		return // its timestamps may be what is wrong with it
	}
	t := ev.EventTime()
	if st.FirstEvent == nil || t.Before(*st.FirstEvent) {
		st.FirstEvent = &t
	}
	if st.LastEvent == nil || t.After(*st.LastEvent) {
		st.LastEvent = &t
	}
}

// reason names why a record is not an event, for the counts.
func reason(err error) string {
	var framing *stream.RecordError
	if errors.As(err, &framing) {
		return "framing"
	}
	var (
		legacy    *anyevent.LegacyFormatError
		foreign   *anyevent.ForeignEventError
		nonEvent  *anyevent.NonEventRecordError
		noVersion *anyevent.MissingVersionError
	)
	switch pinpointevents.ReasonOf(err) {
	case pinpointevents.ReasonSyntax:
		return "malformed JSON"
	case pinpointevents.ReasonLegacyFormat:
		errors.As(err, &legacy)
		return "legacy layout " + legacy.Format
	case pinpointevents.ReasonForeignEvent:
		errors.As(err, &foreign)
		return "other producer " + foreign.Format
	case pinpointevents.ReasonNonEvent:
		errors.As(err, &nonEvent)
		return "not an event " + nonEvent.EventType
	case pinpointevents.ReasonNotAnObject:
		return "not an object"
	case pinpointevents.ReasonEventVersion:
		if errors.As(err, &noVersion) {
			return "no event_version"
		}
		return "unknown event_version"
	case pinpointevents.ReasonEventType:
		return "unknown event_type"
	}
	return "other"
}

func (st *stats) table(w io.Writer) {
	fmt.Fprintf(w, "%-22s %s\n", "records", count(st.Records))
	fmt.Fprintf(w, "%-22s %s (%s valid, %s invalid)\n", "events", count(st.Events), count(st.Valid), count(st.Invalid))
	if st.FirstEvent != nil {
		fmt.Fprintf(w, "%-22s %s to %s\n", "event time", st.FirstEvent.Format(time.RFC3339), st.LastEvent.Format(time.RFC3339))
	}
	section := func(title string, m map[string]int64) {
		if len(m) == 0 {
			return
		}
		keys := make([]string, 0, len(m))
		for k := range m {
			keys = append(keys, k)
		}
		// Largest first, then by name.
		sort.Slice(keys, func(i, j int) bool {
			if m[keys[i]] != m[keys[j]] {
				return m[keys[i]] > m[keys[j]]
			}
			return keys[i] < keys[j]
		})
		fmt.Fprintln(w)
		fmt.Fprintln(w, title)
		for _, k := range keys {
			name := safe(k)
			if name == "" {
				name = "(absent)"
			}
			fmt.Fprintf(w, "  %-40s %12s  %5.1f%%\n", name, count(m[k]), 100*float64(m[k])/float64(max(st.Records, 1)))
		}
	}
	section("not events", st.NotEvents)
	section("event_version", st.Versions)
	section("family", st.Families)
	section("event_type", st.EventTypes)
	section("campaign_send_status", st.CampaignSendStatus)
	section("journey_send_status", st.JourneySendStatus)
	section("SMS record_status", st.SMSRecordStatus)
}
