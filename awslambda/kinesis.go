package awslambda

import (
	"context"
	"log/slog"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
)

// KinesisOptions tune the handler Kinesis returns. The zero value decodes
// without validating and logs the records that are not events.
type KinesisOptions struct {
	// Validate checks each event against its schema; an event that breaks
	// it is an invalid record, with a *anyevent.ValidationError.
	Validate bool
	// ValidateOptions choose the annotation keywords Validate asserts.
	ValidateOptions anyevent.ValidateOptions
	// OnInvalid receives the records that are not valid events: data that
	// does not decode (a *anyevent.SyntaxError, a
	// *anyevent.ForeignEventError, a *anyevent.LegacyFormatError, ...) or,
	// when Validate is set, an event that breaks its schema. Such records
	// are not retried, since a retry would read the same bytes: OnInvalid
	// is the place to keep them, in a dead-letter queue for example. An
	// error it returns is handled as one from the event handler: the record
	// is retried. Nil means each one is logged with slog's default logger,
	// at level Warn, and skipped.
	OnInvalid func(ctx context.Context, rec events.KinesisEventRecord, err error) error
	// DeadlineMargin is how long before the deadline of the invocation the
	// handler stops taking records (see Kinesis); zero means
	// DefaultDeadlineMargin. Make it longer than the event handler may take
	// for one record.
	DeadlineMargin time.Duration
}

// Kinesis returns a handler for lambda.Start that consumes a Kinesis Data
// Streams trigger carrying Pinpoint events, one event per record (a trailing
// newline is allowed). It calls h for every valid event, in record order,
// and hands the records that are not valid events to opts.OnInvalid.
//
// The first error from h or OnInvalid stops the batch: the handler returns
// that record's sequence number in BatchItemFailures and calls h for no later
// record. Lambda then checkpoints before that record and retries the shard
// from it, so the records after it are delivered again and would be handled
// twice, and out of order, had they been handled now. (Each batch Lambda
// sends holds the records of a single shard, in order, which is what makes
// stopping at the first failure right.)
//
// Before each record the handler looks at ctx: once it is done, or its
// deadline is less than opts.DeadlineMargin away, the handler stops and
// returns every record not yet handled in BatchItemFailures, so that Lambda
// retries them in the next invocation instead of timing out this one and
// retrying the whole batch, handled records included. A line at level Warn
// says so, with the number of records left.
//
// Data that starts with a UTF-8 byte order mark decodes as without it.
//
// The response is only read when the event source mapping lists
// ReportBatchItemFailures in its FunctionResponseTypes. Without it Lambda
// ignores BatchItemFailures and takes the batch as a success: failed records
// are lost. The handler itself never returns an error, since that would make
// Lambda retry the whole batch, records already handled included.
func Kinesis(h func(ctx context.Context, rec events.KinesisEventRecord, ev anyevent.Event) error, opts KinesisOptions) func(context.Context, events.KinesisEvent) (events.KinesisEventResponse, error) {
	return func(ctx context.Context, batch events.KinesisEvent) (events.KinesisEventResponse, error) {
		// An empty list, not null, for a batch without failures: Lambda
		// takes both as a success, and [] reads as one in logs and tests.
		resp := events.KinesisEventResponse{BatchItemFailures: []events.KinesisBatchItemFailure{}}
		for i, rec := range batch.Records {
			if err := stopBefore(ctx, opts.DeadlineMargin); err != nil {
				left := batch.Records[i:]
				for _, rec := range left {
					resp.BatchItemFailures = append(resp.BatchItemFailures, events.KinesisBatchItemFailure{ItemIdentifier: rec.Kinesis.SequenceNumber})
				}
				slog.WarnContext(ctx, "awslambda: stopping the Kinesis batch before the invocation's deadline; the records left are reported for retry",
					"records", len(left),
					"firstSequenceNumber", rec.Kinesis.SequenceNumber,
					"reason", err.Error())
				break
			}
			// rec.Kinesis.Data was base64-decoded by the JSON decoding of
			// the event: it holds the bytes the producer put.
			ev, err := decodeEvent(rec.Kinesis.Data, opts.Validate, opts.ValidateOptions)
			if err != nil {
				err = kinesisInvalid(ctx, rec, err, opts.OnInvalid)
			} else {
				err = h(ctx, rec, ev)
			}
			if err != nil {
				resp.BatchItemFailures = append(resp.BatchItemFailures, events.KinesisBatchItemFailure{ItemIdentifier: rec.Kinesis.SequenceNumber})
				break
			}
		}
		return resp, nil
	}
}

// kinesisInvalid hands a record that is not a valid event to onInvalid, or
// logs it when there is none.
func kinesisInvalid(ctx context.Context, rec events.KinesisEventRecord, err error, onInvalid func(context.Context, events.KinesisEventRecord, error) error) error {
	if onInvalid != nil {
		return onInvalid(ctx, rec, err)
	}
	slog.WarnContext(ctx, "awslambda: skipping a Kinesis record that is not a valid Pinpoint event",
		"eventID", rec.EventID,
		"sequenceNumber", rec.Kinesis.SequenceNumber,
		"partitionKey", rec.Kinesis.PartitionKey,
		"kind", reasonKind(err),
		"reason", err.Error())
	return nil
}
