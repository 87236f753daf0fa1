package awslambda

import (
	"context"
	"log/slog"

	"github.com/aws/aws-lambda-go/events"

	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint"
)

// FirehoseOptions tune the handler Firehose returns. The zero value decodes
// without validating and logs to slog.Default().
type FirehoseOptions struct {
	// Validate checks each event against its schema; an event that breaks
	// it is ProcessingFailed.
	Validate bool
	// ValidateOptions choose the annotation keywords Validate asserts.
	ValidateOptions pinpoint.ValidateOptions
	// Logger receives one line, at level Warn, per record that failed, with
	// the reason; nil uses slog.Default().
	Logger *slog.Logger
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
//     (*pinpoint.ForeignEventError, e.g. SES event publishing) and the older
//     Pinpoint layouts (*pinpoint.LegacyFormatError) fail too: they are not
//     Pinpoint 3.x events, and keeping them out leaves the destination
//     prefix with nothing else.
//
// Every recordId is echoed, in the order of the input, as Firehose requires.
//
// Firehose has no place for the reason of a failure: the processing-failed
// records it writes carry its own errorCode and errorMessage, and the
// response record's Metadata is for the partition keys of dynamic
// partitioning (and Iceberg routing), not for messages, so it is left empty.
// The reason goes to opts.Logger instead, as a line with the attributes
// recordId, approximateArrivalTimestamp (milliseconds since the epoch, the
// arrivalTimestamp of the processing-failed record), kind (syntax,
// not-an-object, event-version, event-type, legacy-format, foreign-event,
// schema, encode, or other for an error of a kind this package does not
// name) and reason (the error's text). On Lambda it lands in the
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
		for _, rec := range batch.Records {
			out := events.KinesisFirehoseResponseRecord{RecordID: rec.RecordID}
			// rec.Data was base64-decoded by the JSON decoding of the
			// event: it holds the bytes the producer put.
			data, kind, err := normalize(rec.Data, opts)
			if err != nil {
				out.Result = events.KinesisFirehoseTransformedStateProcessingFailed
				out.Data = rec.Data
				logger.WarnContext(ctx, "awslambda: Firehose record is not a valid Pinpoint event; marked ProcessingFailed",
					"recordId", rec.RecordID,
					"approximateArrivalTimestamp", rec.ApproximateArrivalTimestamp.UnixMilli(),
					"kind", kind,
					"reason", err.Error())
			} else {
				out.Result = events.KinesisFirehoseTransformedStateOk
				out.Data = data
			}
			resp.Records = append(resp.Records, out)
		}
		return resp, nil
	}
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
