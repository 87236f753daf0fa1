package awslambda

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log/slog"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
)

// FirehoseOptions tune the handler Firehose returns. The zero value decodes
// without validating and logs to slog.Default().
type FirehoseOptions struct {
	// Validate checks each event against its schema; an event that breaks
	// it is ProcessingFailed.
	Validate bool
	// ValidateOptions choose the annotation keywords Validate asserts.
	ValidateOptions anyevent.ValidateOptions
	// Logger receives one line, at level Warn, per record that failed, with
	// the reason; nil uses slog.Default().
	Logger *slog.Logger
	// DeadlineMargin is how long before the deadline of the invocation the
	// handler stops transforming records (see Firehose); zero means
	// DefaultDeadlineMargin.
	DeadlineMargin time.Duration
}

// Firehose returns a Kinesis Data Firehose data-transformation handler for
// lambda.Start, for a delivery stream of Pinpoint events, one event per
// record. Each record is decoded, validated when opts.Validate is set, and
// normalized:
//
//   - A valid event is Result "Ok", with Data the event as compact JSON
//     (Event.AppendJSON: every member read, unknown ones included) followed by
//     '\n'. Firehose concatenates records as they are, so the objects it
//     writes to S3 are NDJSON rather than JSON values run together.
//   - Any other record is Result "ProcessingFailed", with Data the bytes as
//     they arrived, and Firehose writes it under the error output prefix of
//     the destination. Records of other producers that share the stream
//     (*anyevent.ForeignEventError, e.g. SES event publishing) and the older
//     Pinpoint layouts (*anyevent.LegacyFormatError) fail too: they are not
//     Pinpoint 3.x events, and keeping them out leaves the destination
//     prefix with nothing else.
//
// Every recordId is echoed, in the order of the input, as Firehose requires.
//
// Data that starts with a UTF-8 byte order mark decodes as without it (an Ok
// record's data has no mark, being the event's JSON).
//
// Before each record the handler looks at ctx: once it is done, or its
// deadline is less than opts.DeadlineMargin away, every record left is
// ProcessingFailed, with its data as it arrived and a *DeadlineError as the
// reason (kind deadline), rather than the invocation timing out and
// Firehose retrying the whole batch.
//
// The JSON of the response stays within FirehoseResponseLimit bytes:
// when the transformed records would make it larger (a record's JSON grows
// up to threefold when its strings hold invalid UTF-8, replaced with
// U+FFFD), the records that would overflow it are ProcessingFailed, with
// their data as it arrived and a *ResponseSizeError as the reason (kind
// response-size).
//
// Firehose has no place for the reason of a failure: the processing-failed
// records it writes carry its own errorCode and errorMessage, and the
// response record's Metadata is for the partition keys of dynamic
// partitioning (and Iceberg routing), not for messages, so it is left empty.
// The reason goes to opts.Logger instead, as a line with the attributes
// recordId, approximateArrivalTimestamp (milliseconds since the epoch, the
// arrivalTimestamp of the processing-failed record), kind (syntax,
// not-an-object, event-version, event-type, legacy-format, foreign-event,
// schema, encode, deadline, response-size, or other for an error of a kind
// this package does not name) and reason (the error's text). On Lambda it lands in the
// function's CloudWatch log group, where Logs Insights can filter on them.
//
// The handler returns no error: one would make Firehose retry the whole
// invocation and, when that fails too, send every record of the batch to the
// error prefix, for the sake of the few it could not transform.
func Firehose(opts FirehoseOptions) func(context.Context, events.KinesisFirehoseEvent) (events.KinesisFirehoseResponse, error) {
	return func(ctx context.Context, batch events.KinesisFirehoseEvent) (events.KinesisFirehoseResponse, error) {
		logger := opts.Logger
		if logger == nil {
			// Read at each invocation, not once, so that a later
			// slog.SetDefault is followed.
			logger = slog.Default()
		}
		resp := events.KinesisFirehoseResponse{Records: make([]events.KinesisFirehoseResponseRecord, 0, len(batch.Records))}
		var stopped error
		for _, rec := range batch.Records {
			out := events.KinesisFirehoseResponseRecord{RecordID: rec.RecordID}
			if stopped == nil {
				stopped = stopBefore(ctx, opts.DeadlineMargin)
			}
			var (
				data []byte
				kind string
				err  error
			)
			if stopped != nil {
				kind, err = reasonKind(stopped), stopped
			} else {
				// rec.Data was base64-decoded by the JSON decoding of
				// the event: it holds the bytes the producer put.
				data, kind, err = normalize(rec.Data, opts)
			}
			if err != nil {
				out.Result = events.KinesisFirehoseTransformedStateProcessingFailed
				out.Data = rec.Data
				logFailure(ctx, logger, rec, kind, err)
			} else {
				out.Result = events.KinesisFirehoseTransformedStateOk
				out.Data = data
			}
			resp.Records = append(resp.Records, out)
		}
		fitResponse(ctx, logger, resp.Records, batch.Records)
		return resp, nil
	}
}

// logFailure writes the line that says why rec is ProcessingFailed.
func logFailure(ctx context.Context, logger *slog.Logger, rec events.KinesisFirehoseEventRecord, kind string, err error) {
	logger.WarnContext(ctx, "awslambda: Firehose record is not a valid Pinpoint event; marked ProcessingFailed",
		"recordId", rec.RecordID,
		"approximateArrivalTimestamp", rec.ApproximateArrivalTimestamp.UnixMilli(),
		"kind", kind,
		"reason", err.Error())
}

// FirehoseResponseLimit is the size in bytes that the JSON of a Firehose
// handler's response is kept within. Lambda caps the response of a
// synchronous invocation, which a Firehose transformation is, at 6 MB;
// 6,000,000 is the stricter of the two readings of that figure (6 MiB is
// 6,291,456 bytes). Past it the invocation fails and Firehose retries the
// whole batch, and in the end writes every record of it to the error
// prefix.
const FirehoseResponseLimit = 6_000_000

// ResponseSizeError is the reason a Firehose record that transformed well
// is ProcessingFailed all the same: the response would have exceeded Limit
// bytes with its transformed data.
type ResponseSizeError struct {
	Limit int
}

func (e *ResponseSizeError) Error() string {
	return fmt.Sprintf("with this record transformed, the response would exceed %d bytes, Lambda's limit for it; the record is passed on as it arrived", e.Limit)
}

// fitResponse keeps the JSON of the response within FirehoseResponseLimit.
// A record's transformed data can be several times its input: every byte of
// invalid UTF-8 in a string becomes U+FFFD, three bytes, as encoding/json
// writes it. The records of a request (itself at most 6 MB) fit as they
// arrived, so the records that fail with their data as it arrived always
// fit; an Ok record is kept Ok, in order, while its data leaves room for
// the records after it as they arrived, and fails with a
// *ResponseSizeError otherwise, its data then as it arrived too.
func fitResponse(ctx context.Context, logger *slog.Logger, out []events.KinesisFirehoseResponseRecord, in []events.KinesisFirehoseEventRecord) {
	const (
		ok     = events.KinesisFirehoseTransformedStateOk
		failed = events.KinesisFirehoseTransformedStateProcessingFailed
	)
	// The JSON of a record but its result and data, the same for any.
	frame := make([]int, len(out))
	// {"records":[...]} with commas between records, and the newline the
	// runtime's encoder may add.
	total := len(`{"records":[]}`) + 1 + max(len(out)-1, 0)
	reserve := 0 // size of the records after the current one, failed
	for i := range out {
		frame[i] = recordFrameSize(out[i].RecordID)
		reserve += frame[i] + len(failed) + base64.StdEncoding.EncodedLen(len(in[i].Data))
	}
	for i := range out {
		asFailed := frame[i] + len(failed) + base64.StdEncoding.EncodedLen(len(in[i].Data))
		reserve -= asFailed
		if out[i].Result == ok {
			asOk := frame[i] + len(ok) + base64.StdEncoding.EncodedLen(len(out[i].Data))
			if total+asOk+reserve <= FirehoseResponseLimit {
				total += asOk
				continue
			}
			out[i].Result = failed
			out[i].Data = in[i].Data
			logFailure(ctx, logger, in[i], "response-size", &ResponseSizeError{Limit: FirehoseResponseLimit})
		}
		total += asFailed
	}
}

// recordFrameSize is the size of the JSON of a response record with the
// given recordId, an empty result and empty data.
func recordFrameSize(recordID string) int {
	b, err := json.Marshal(events.KinesisFirehoseResponseRecord{RecordID: recordID, Data: []byte{}})
	if err != nil {
		// A struct of strings, bytes and nil maps always marshals; were it
		// to fail, a bound on the size is as good: every byte of the
		// recordId escaped as \u0000, and room for the rest.
		return 6*len(recordID) + 1024
	}
	return len(b)
}

// normalize turns a record's data into the line Firehose should deliver: the
// event as compact JSON and '\n'. On failure it says why, with the kind of
// the reason for the log.
func normalize(data []byte, opts FirehoseOptions) (line []byte, kind string, err error) {
	ev, err := decodeEvent(data, opts.Validate, opts.ValidateOptions)
	if err != nil {
		return nil, reasonKind(err), err
	}
	// Compact JSON is rarely longer than the record as it arrived.
	line, err = ev.AppendJSON(make([]byte, 0, len(data)+1))
	if err != nil {
		return nil, "encode", err
	}
	return append(line, '\n'), "", nil
}
