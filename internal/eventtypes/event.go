package eventtypes

import (
	"fmt"
	"time"

	"github.com/pinpoint-events/pinpoint-events/internal/validation"
)

// Event is what every generated event type has in common, whatever its
// family and version.
type Event interface {
	// Family is the event family: "campaign", "journey", "email", "sms" or
	// "app".
	Family() string
	// Type is the event_type member, e.g. "_campaign.send".
	Type() string
	// Version is the event_version member, e.g. "3.1".
	Version() string
	// EventTime is when the event happened (event_timestamp).
	EventTime() time.Time
	// ArrivalTime is when Pinpoint recorded the event (arrival_timestamp).
	ArrivalTime() time.Time
	// Validate checks the event against its schema and returns a
	// *ValidationError listing every violation, or nil.
	Validate() error
	// ValidateWith is Validate with annotation keywords asserted as opts say.
	ValidateWith(opts validation.Options) error
	// AppendJSON appends the event as compact JSON: every member read, in
	// schema order, then the members kept raw.
	AppendJSON(dst []byte) ([]byte, error)
	MarshalJSON() ([]byte, error)
	UnmarshalJSON(data []byte) error
	// UnmarshalJSONWith is UnmarshalJSON with options.
	UnmarshalJSONWith(data []byte, opts DecodeOptions) error
}

// DecodeOptions tune decoding.
type DecodeOptions struct {
	// Eager decodes at once what is otherwise decoded on first access: the
	// endpoint record of app, campaign and journey engagement events (whose
	// Get method decodes it), and the JSON documents that strings hold (the
	// endpoint record of campaign and journey sends, the SMS
	// customer_context; their Decode method decodes them). A document's
	// errors stay with it: the event decodes all the same, and Decode on
	// the member returns the error.
	Eager bool
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

// SchemaInfo describes one event schema of a version package: what it is
// for and where it stands, for tools that list or print the schemas.
type SchemaInfo struct {
	// Family is the event family, e.g. "campaign".
	Family string
	// GoType is the name of the Go type, in its version package.
	GoType string
	// EventTypes are the event types of the schema; nil for the catch-all of
	// its version, which takes the event types no other schema claims.
	EventTypes []string
	// File is the schema file in the version's folder (campaign.json), and
	// Pointer the JSON pointer of the schema in it.
	File, Pointer string
	// Doc is the schema's description.
	Doc string
}
