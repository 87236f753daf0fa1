package awslambda

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"time"

	pinpointevents "github.com/pinpoint-events/pinpoint-events"
	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
)

// DefaultDeadlineMargin is the time before the deadline of the invocation
// from which the handlers take no more records, unless their options say
// otherwise. It leaves the handler of the record under way (a record of at
// most 1 MiB decodes in milliseconds), the encoding of the response and its
// return to Lambda time to finish: a handler still at work at the deadline
// is killed, its response lost, and the whole batch is retried.
const DefaultDeadlineMargin = 500 * time.Millisecond

// DeadlineError is the reason a handler gives a record it left unprocessed
// because the invocation's context was done or its deadline was near.
type DeadlineError struct {
	// Margin is the margin the handler kept before the deadline.
	Margin time.Duration
	// Cause is the context's error when it was done (context.Canceled or
	// context.DeadlineExceeded), nil when the deadline was only near.
	Cause error
}

func (e *DeadlineError) Error() string {
	if e.Cause != nil {
		return "record not processed: the invocation's context is done: " + e.Cause.Error()
	}
	return fmt.Sprintf("record not processed: less than %v was left before the invocation's deadline", e.Margin)
}

func (e *DeadlineError) Unwrap() error { return e.Cause }

// stopBefore returns a *DeadlineError when ctx is done or its deadline is
// less than margin away (a zero margin is DefaultDeadlineMargin), nil
// otherwise.
func stopBefore(ctx context.Context, margin time.Duration) error {
	if margin == 0 {
		margin = DefaultDeadlineMargin
	}
	if err := ctx.Err(); err != nil {
		return &DeadlineError{Margin: margin, Cause: err}
	}
	if deadline, ok := ctx.Deadline(); ok && time.Until(deadline) < margin {
		return &DeadlineError{Margin: margin}
	}
	return nil
}

// byteOrderMark is the UTF-8 encoding of U+FEFF, which some producers write
// at the start of a text; the stream reader skips it too.
var byteOrderMark = []byte{0xef, 0xbb, 0xbf}

// decodeEvent decodes one record's data into an event and, when validate is
// set, checks it against its schema. The error says why the record is not a
// valid event; the event is nil with it.
//
// Any error of anyevent.Decode makes the record invalid, a *ConstError too
// even though the event was decoded: the record breaks its schema, and the
// decoder found it without being asked. When validating, the
// *anyevent.ValidationError is returned instead, since it lists that
// violation with every other one.
//
// A UTF-8 byte order mark at the start of data is skipped, as the stream
// reader skips one at the start of a file; the offset of a syntax error
// counts it, as the reader's do, so that it points into data.
func decodeEvent(data []byte, validate bool, opts anyevent.ValidateOptions) (anyevent.Event, error) {
	unmarked := bytes.TrimPrefix(data, byteOrderMark)
	ev, err := anyevent.Decode(unmarked)
	var syntax *anyevent.SyntaxError
	if errors.As(err, &syntax) {
		syntax.Offset += int64(len(data) - len(unmarked))
	}
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
// example in CloudWatch Logs Insights) where the message varies per record:
// "deadline" for the handler's own, otherwise pinpointevents.ReasonOf.
func reasonKind(err error) string {
	var deadline *DeadlineError
	if errors.As(err, &deadline) {
		return "deadline"
	}
	return string(pinpointevents.ReasonOf(err))
}
