package pinpointevents

import "errors"

// Reason classifies an error of decoding or validation: why a record is not
// an event this module decodes, or why an event breaks its schema. Its value
// is a stable word, fit for logs and metrics where the error message varies
// from record to record (the Lambda handlers log it as kind).
type Reason string

// The reasons, in the order ReasonOf tests them.
const (
	// ReasonNone is the reason of a nil error.
	ReasonNone Reason = ""
	// ReasonSyntax: the record is not JSON ([SyntaxError]).
	ReasonSyntax Reason = "syntax"
	// ReasonNotAnObject: the record is JSON but not an object
	// ([NotAnObjectError]).
	ReasonNotAnObject Reason = "not-an-object"
	// ReasonEventVersion: event_version is missing ([MissingVersionError])
	// or not one this module decodes ([UnknownVersionError]).
	ReasonEventVersion Reason = "event-version"
	// ReasonEventType: no schema of the version covers the event_type
	// ([UnknownEventTypeError]).
	ReasonEventType Reason = "event-type"
	// ReasonLegacyFormat: the record has an older Pinpoint layout
	// ([LegacyFormatError]).
	ReasonLegacyFormat Reason = "legacy-format"
	// ReasonForeignEvent: the record is another producer's
	// ([ForeignEventError]).
	ReasonForeignEvent Reason = "foreign-event"
	// ReasonNonEvent: Pinpoint wrote the record, but it is not an event,
	// such as the stream's test record ([NonEventRecordError]); skip it.
	ReasonNonEvent Reason = "non-event"
	// ReasonSchema: the event breaks its schema ([ValidationError], or a
	// [ConstError] from the decoder, which returns the event as well).
	ReasonSchema Reason = "schema"
	// ReasonOther: an error of none of these types, such as an I/O error.
	ReasonOther Reason = "other"
)

// ReasonOf classifies err by the first of the error types above that it is
// or wraps (errors.As), so that callers need not test the types one by one.
// Errors that the caller's own layers add (a framing error, a deadline) are
// ReasonOther: test them before calling ReasonOf.
func ReasonOf(err error) Reason {
	if err == nil {
		return ReasonNone
	}
	var (
		syntax     *SyntaxError
		notObject  *NotAnObjectError
		noVersion  *MissingVersionError
		badVersion *UnknownVersionError
		badType    *UnknownEventTypeError
		legacy     *LegacyFormatError
		foreign    *ForeignEventError
		nonEvent   *NonEventRecordError
		invalid    *ValidationError
		broken     *ConstError
	)
	switch {
	case errors.As(err, &syntax):
		return ReasonSyntax
	case errors.As(err, &notObject):
		return ReasonNotAnObject
	case errors.As(err, &noVersion), errors.As(err, &badVersion):
		return ReasonEventVersion
	case errors.As(err, &badType):
		return ReasonEventType
	case errors.As(err, &legacy):
		return ReasonLegacyFormat
	case errors.As(err, &foreign):
		return ReasonForeignEvent
	case errors.As(err, &nonEvent):
		return ReasonNonEvent
	case errors.As(err, &invalid), errors.As(err, &broken):
		return ReasonSchema
	}
	return ReasonOther
}
