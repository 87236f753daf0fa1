package pinpointevents

import (
	"fmt"
	"strconv"
	"strings"
)

// SyntaxError reports malformed JSON: the input is not one JSON value, or it
// nests deeper than the decoders accept.
type SyntaxError struct {
	Offset int64  // 0-based byte offset in the input where the problem was found
	Msg    string // what was wrong, e.g. "unexpected end of JSON input"
}

// Error returns the message prefixed with the offset, as
// "invalid JSON at byte offset 17: <Msg>".
func (e *SyntaxError) Error() string {
	return "invalid JSON at byte offset " + strconv.FormatInt(e.Offset, 10) + ": " + e.Msg
}

// UnknownVersionError is returned when an event's event_version is not one
// this module has schemas for.
type UnknownVersionError struct {
	// Version is the event_version member as written: a JSON string's value,
	// or the JSON text of a member that is not a string.
	Version string
	// IsString is false when event_version is not a JSON string.
	IsString bool
	// Known lists the versions this module decodes.
	Known []string
}

func (e *UnknownVersionError) Error() string {
	if !e.IsString {
		if len(e.Known) == 0 { // a value built by hand, not by the dispatcher
			return fmt.Sprintf("event_version is %s, not a string", e.Version)
		}
		return fmt.Sprintf("event_version is %s, not a string such as %q", e.Version, e.Known[len(e.Known)-1])
	}
	return fmt.Sprintf("unknown event_version %q: this module knows versions %q", e.Version, e.Known)
}

// MissingVersionError is returned for a JSON object without event_version.
type MissingVersionError struct{}

func (e *MissingVersionError) Error() string {
	return "no event_version member: not a Pinpoint event of a known layout"
}

// UnknownEventTypeError is returned when no schema of the event's version
// covers its event_type.
type UnknownEventTypeError struct {
	Version   string
	EventType string
	// Missing is true when there is no event_type member, or it is not a
	// string (EventType then holds its JSON text).
	Missing bool
}

func (e *UnknownEventTypeError) Error() string {
	if e.Missing {
		if e.EventType == "" {
			return fmt.Sprintf("event_version %q: no event_type member", e.Version)
		}
		return fmt.Sprintf("event_version %q: event_type is %s, not a string", e.Version, e.EventType)
	}
	return fmt.Sprintf("event_version %q has no event type %q", e.Version, e.EventType)
}

// NotAnObjectError is returned when the JSON value is not an object.
type NotAnObjectError struct {
	// Kind is the JSON type found: "array", "string", ...
	Kind string
}

func (e *NotAnObjectError) Error() string {
	return "an event is a JSON object, not " + withArticle(e.Kind)
}

func withArticle(s string) string {
	if s == "" {
		return "a value of another kind"
	}
	switch s[0] {
	case 'a', 'e', 'i', 'o', 'u':
		return "an " + s
	}
	return "a " + s
}

// ConstError is returned by a decoder when a member with a const in its
// schema has another value. The event is decoded in full all the same, with
// the value as written: it is never replaced by the const.
type ConstError struct {
	// Pointer is the JSON pointer of the member.
	Pointer string
	Got     string
	Want    string
}

func (e *ConstError) Error() string {
	return fmt.Sprintf("%s: %s must be %s", e.Pointer, e.Got, e.Want)
}

// LegacyFormatError is returned for a record without event_version that has
// an older Pinpoint layout (the 2018 SMS events, the Mobile Analytics
// export): a record this module recognizes but has no schema for.
type LegacyFormatError struct {
	// Format names the layout, e.g. "mobile-analytics-export".
	Format string
	// Title describes it, e.g. "the Amazon Mobile Analytics export layout".
	Title string
}

func (e *LegacyFormatError) Error() string {
	return fmt.Sprintf("not a Pinpoint 3.x event: the record has %s (format %s), which has no event_version", e.Title, e.Format)
}

// ForeignEventError is returned for the record of another AWS producer that
// shares Pinpoint's streams (SES event publishing and feedback notifications,
// End User Messaging SMS and voice), bare or in an envelope (EventBridge, SNS):
// not a broken Pinpoint event, but none at all.
type ForeignEventError struct {
	// Format names the layout, e.g. "ses-event-publishing" or
	// "eventbridge-sms-voice".
	Format string
	// Title describes it, e.g. "an Amazon SES event publishing record".
	Title string
	// Producer is the service that wrote the record, e.g. "Amazon SES";
	// empty when the envelope does not tell.
	Producer string
	// Envelope is what the record arrived in, e.g. "Amazon EventBridge
	// event"; empty for the producer's own record, as its destinations write
	// it.
	Envelope string
}

func (e *ForeignEventError) Error() string {
	return fmt.Sprintf("not a Pinpoint event: the record is %s (format %s)", e.Title, e.Format)
}

// NonEventRecordError is returned for a record Pinpoint writes to an event
// stream that is not an event, such as the _test.event_stream record it
// writes when the stream is set up: to be skipped, not reported as invalid.
type NonEventRecordError struct {
	// Format names the record, e.g. "pinpoint-stream-test".
	Format string
	// Title describes it.
	Title string
	// EventType is its event_type, e.g. "_test.event_stream".
	EventType string
}

func (e *NonEventRecordError) Error() string {
	return fmt.Sprintf("not an event: the record is %s (event_type %q, format %s)", e.Title, e.EventType, e.Format)
}

// Violation is one way an instance breaks its schema.
type Violation struct {
	// Pointer is the RFC 6901 JSON pointer of the offending value in the
	// instance; "" is the whole instance.
	Pointer string
	// Keyword is the JSON Schema keyword that failed, e.g. "required".
	Keyword string
	// Message says what is wrong in words a person can act on.
	Message string
}

func (v Violation) String() string {
	ptr := v.Pointer
	if ptr == "" {
		ptr = "(root)"
	}
	return ptr + ": " + v.Message
}

// ValidationError is returned by Validate when an instance breaks its schema.
type ValidationError struct {
	// Violations lists every violation found, sorted by pointer, then keyword,
	// then message.
	Violations []Violation
}

func (e *ValidationError) Error() string {
	var b strings.Builder
	if len(e.Violations) == 1 {
		b.WriteString("invalid event: ")
	} else {
		fmt.Fprintf(&b, "invalid event: %d violations: ", len(e.Violations))
	}
	for i, v := range e.Violations {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(v.String())
	}
	return b.String()
}
