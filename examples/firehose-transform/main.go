// Command firehose-transform is an AWS Lambda function that transforms the
// records of a Kinesis Data Firehose delivery stream of Amazon Pinpoint
// events: each valid event becomes one line of compact JSON, so that the
// objects Firehose writes to S3 are NDJSON, and every other record (malformed
// JSON, a record of another producer, an event that breaks its schema) is
// marked ProcessingFailed, for Firehose's error prefix, with the reason in the
// function's log.
//
// See README.md for building, deploying and attaching it.
package main

import (
	"log/slog"
	"os"

	"github.com/aws/aws-lambda-go/lambda"

	"github.com/pinpoint-events/pinpoint-events/awslambda"
)

func main() {
	lambda.Start(awslambda.Firehose(awslambda.FirehoseOptions{
		// Only events that match their schema reach the S3 prefix, so
		// that the tables read from it can trust it.
		Validate: true,
		// JSON lines, so that CloudWatch Logs Insights finds the fields
		// of each failure (recordId, kind, reason) without parsing.
		Logger: slog.New(slog.NewJSONHandler(os.Stderr, nil)),
	}))
}
