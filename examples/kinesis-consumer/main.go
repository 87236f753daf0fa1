// Command kinesis-consumer is an AWS Lambda function triggered by a Kinesis
// data stream of Amazon Pinpoint events. It logs the type and the time of
// each valid event, and logs and skips the records that are not valid
// events. It is the skeleton of a consumer: put the work in handle.
//
// See README.md for building, deploying and attaching it.
package main

import (
	"context"
	"log/slog"
	"os"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"

	"github.com/pinpoint-events/pinpoint-events/awslambda"
	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
)

func main() {
	// The default logger, because the handler logs the records that are
	// not valid events there; JSON lines for CloudWatch Logs Insights.
	slog.SetDefault(slog.New(slog.NewJSONHandler(os.Stderr, nil)))
	lambda.Start(awslambda.Kinesis(handle, awslambda.KinesisOptions{Validate: true}))
}

// handle is called for each valid event, in the order of the shard. An error
// makes Lambda retry the stream from this record, so return one only for
// failures that a retry can cure (a downstream service that is down), never
// for the event's content.
func handle(ctx context.Context, rec events.KinesisEventRecord, ev anyevent.Event) error {
	slog.InfoContext(ctx, "pinpoint event",
		"type", ev.Type(),
		"eventTime", ev.EventTime(),
		"family", ev.Family(),
		"sequenceNumber", rec.Kinesis.SequenceNumber)
	return nil
}
