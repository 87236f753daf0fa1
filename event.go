package pinpointevents

import "time"

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
	ValidateWith(opts ValidateOptions) error
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

// ValidateOptions choose which annotation keywords ValidateWith asserts. Draft 2020-12 makes
// format and contentMediaType/contentSchema annotations: by default they
// never fail an instance.
type ValidateOptions struct {
	// AssertFormat checks the format keyword (date-time, email, ...), as
	// santhosh-tekuri/jsonschema's Compiler.AssertFormat does.
	AssertFormat bool
	// AssertContent checks strings that hold JSON documents
	// (contentMediaType, contentEncoding, contentSchema), as
	// santhosh-tekuri/jsonschema's Compiler.AssertContent does.
	AssertContent bool
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
