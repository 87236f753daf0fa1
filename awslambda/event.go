package awslambda

import (
	"errors"

	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint"
)

// decodeEvent decodes one record's data into an event and, when validate is
// set, checks it against its schema. The error says why the record is not a
// valid event; the event is nil with it.
//
// Any error of pinpoint.Decode makes the record invalid, a *ConstError too
// even though the event was decoded: the record breaks its schema, and the
// decoder found it without being asked. When validating, the
// *pinpoint.ValidationError is returned instead, since it lists that
// violation with every other one.
func decodeEvent(data []byte, validate bool, opts pinpoint.ValidateOptions) (pinpoint.Event, error) {
	ev, err := pinpoint.Decode(data)
	if ev == nil {
		return nil, err
	}
	if validate {
		if verr := ev.ValidateWith(opts); verr != nil {
			return nil, verr
		}
	}
	if err != nil {
		return nil, err
	}
	return ev, nil
}

// reasonKind names the kind of err for the logs, a word to filter on (for
// example in CloudWatch Logs Insights) where the message varies per record.
func reasonKind(err error) string {
	var (
		syntax     *pinpoint.SyntaxError
		notObject  *pinpoint.NotAnObjectError
		noVersion  *pinpoint.MissingVersionError
		badVersion *pinpoint.UnknownVersionError
		badType    *pinpoint.UnknownEventTypeError
		legacy     *pinpoint.LegacyFormatError
		foreign    *pinpoint.ForeignEventError
		invalid    *pinpoint.ValidationError
		broken     *pinpoint.ConstError
	)
	switch {
	case errors.As(err, &syntax):
		return "syntax"
	case errors.As(err, &notObject):
		return "not-an-object"
	case errors.As(err, &noVersion), errors.As(err, &badVersion):
		return "event-version"
	case errors.As(err, &badType):
		return "event-type"
	case errors.As(err, &legacy):
		return "legacy-format"
	case errors.As(err, &foreign):
		return "foreign-event"
	case errors.As(err, &invalid), errors.As(err, &broken):
		return "schema"
	}
	return "other"
}
