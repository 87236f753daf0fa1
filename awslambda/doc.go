// Package awslambda holds AWS Lambda handlers for Amazon Pinpoint event
// streams: a consumer for a Kinesis Data Streams trigger and a Kinesis Data
// Firehose data-transformation function. Both decode each record with
// anyevent.Decode and, on request, validate it against its schema; they
// differ in what they do with records that are not valid events.
//
// Kinesis calls a function of yours for every valid event, in record order,
// and reports the record where it failed as a partial batch response, so that
// Lambda retries from that record on:
//
//	func main() {
//		lambda.Start(awslambda.Kinesis(func(ctx context.Context, rec events.KinesisEventRecord, ev anyevent.Event) error {
//			slog.InfoContext(ctx, "event", "type", ev.Type(), "time", ev.EventTime())
//			return nil
//		}, awslambda.KinesisOptions{Validate: true}))
//	}
//
// Firehose normalizes each record into one line of compact JSON, so that the
// objects Firehose writes to S3 are NDJSON, and marks the records that are
// not valid events ProcessingFailed, so that Firehose writes them to its
// error prefix:
//
//	func main() {
//		lambda.Start(awslambda.Firehose(awslambda.FirehoseOptions{Validate: true}))
//	}
//
// Records that are not Pinpoint 3.x events at all, such as the SES event
// publishing records that share some streams (*anyevent.ForeignEventError)
// and the 2018 SMS and Mobile Analytics layouts (*anyevent.LegacyFormatError),
// are treated as invalid records by both handlers, with those errors as the
// reason.
// So is an event with a member that breaks a const of its schema, which
// anyevent.Decode reports as a *anyevent.ConstError even when validation is
// off.
//
// The handlers take the aws-lambda-go event types as Lambda's JSON decoding
// fills them: the data of each record is already base64-decoded there, and
// is never decoded again here.
//
// Runnable Lambda functions built on them are in the examples directory of
// this module: examples/kinesis-consumer and examples/firehose-transform.
package awslambda
