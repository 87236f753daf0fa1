package awslambda_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"log/slog"
	"os"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/pinpoint-events/pinpoint-events/awslambda"
	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint/v3p1"
)

// exampleEvent is an SMS event as Pinpoint streams it.
const exampleEvent = `{"event_type":"_SMS.SUCCESS","event_timestamp":1553104954322,"arrival_timestamp":1553104954064,"event_version":"3.1",` +
	`"application":{"app_id":"a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6","sdk":{}},"client":{"client_id":"123456789012"},"device":{"platform":{}},"session":{},` +
	`"attributes":{"sender_request_id":"565d4425-4b3a-11e9-b0a5-example","campaign_activity_id":"cbcfc3c5e3bd48a8ae2b9cb41example",` +
	`"origination_phone_number":"+12065550142","destination_phone_number":"+14255550199","record_status":"DELIVERED","iso_country_code":"US",` +
	`"treatment_id":"0","number_of_message_parts":"1","message_id":"1111-2222-3333-4444-5555-example","message_type":"Transactional",` +
	`"campaign_id":"52dc44b35c4742c98c5935269example"},` +
	`"metrics":{"price_in_millicents_usd":645.0},"awsAccountId":"123456789012"}`

// Consume a Kinesis trigger: the handler gets each valid event, typed, and the
// records that are not events go to OnInvalid. In a Lambda function, pass the
// handler to lambda.Start instead of calling it.
func ExampleKinesis() {
	handler := awslambda.Kinesis(func(ctx context.Context, rec events.KinesisEventRecord, ev anyevent.Event) error {
		fmt.Println(rec.Kinesis.SequenceNumber, ev.Type(), ev.EventTime().UTC().Format("2006-01-02 15:04:05"))
		if sms, ok := ev.(*v3p1.SMSEvent); ok && sms.Attributes.DestinationPhoneNumber != nil { // some failures have none
			fmt.Println("  to", *sms.Attributes.DestinationPhoneNumber)
		}
		return nil
	}, awslambda.KinesisOptions{
		Validate: true,
		OnInvalid: func(ctx context.Context, rec events.KinesisEventRecord, err error) error {
			var foreign *anyevent.ForeignEventError
			fmt.Println(rec.Kinesis.SequenceNumber, "skipped; another producer's record:", errors.As(err, &foreign))
			return nil
		},
	})

	// Lambda's JSON decoding of the event has base64-decoded Data already.
	batch := events.KinesisEvent{Records: []events.KinesisEventRecord{
		{Kinesis: events.KinesisRecord{SequenceNumber: "1", Data: []byte(exampleEvent + "\n")}},
		{Kinesis: events.KinesisRecord{SequenceNumber: "2", Data: []byte(`{"eventType":"Delivery","mail":{"messageId":"0"},"delivery":{}}`)}},
	}}
	resp, err := handler(context.Background(), batch)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("failures:", len(resp.BatchItemFailures))
	// Output:
	// 1 _SMS.SUCCESS 2019-03-20 18:02:34
	//   to +14255550199
	// 2 skipped; another producer's record: true
	// failures: 0
}

// Transform a Firehose delivery stream: valid events become one line of
// compact JSON each, anything else is ProcessingFailed, with the reason
// logged. In a Lambda function, pass the handler to lambda.Start instead of
// calling it.
func ExampleFirehose() {
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		// Drop the time, for a stable output.
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey && len(groups) == 0 {
				return slog.Attr{}
			}
			return a
		},
	}))
	handler := awslambda.Firehose(awslambda.FirehoseOptions{Validate: true, Logger: logger})

	// Lambda's JSON decoding of the event has base64-decoded Data already.
	arrival := events.MilliSecondsEpochTime{Time: time.UnixMilli(1553104955000)}
	indented := new(bytes.Buffer)
	if err := json.Indent(indented, []byte(exampleEvent), "", "  "); err != nil {
		log.Fatal(err)
	}
	batch := events.KinesisFirehoseEvent{Records: []events.KinesisFirehoseEventRecord{
		{RecordID: "a", ApproximateArrivalTimestamp: arrival, Data: indented.Bytes()},
		{RecordID: "b", ApproximateArrivalTimestamp: arrival, Data: []byte(`{"eventType":"Delivery","mail":{"messageId":"0"},"delivery":{}}`)},
	}}
	resp, err := handler(context.Background(), batch)
	if err != nil {
		log.Fatal(err)
	}
	for _, rec := range resp.Records {
		if rec.Result == events.KinesisFirehoseTransformedStateOk {
			// One line of compact JSON: its start and its end.
			fmt.Printf("%s %s: %.40s... ending in %q\n", rec.RecordID, rec.Result, rec.Data, rec.Data[len(rec.Data)-3:])
		} else {
			fmt.Printf("%s %s: %s\n", rec.RecordID, rec.Result, rec.Data)
		}
	}
	// Output:
	// level=WARN msg="awslambda: Firehose record is not a valid Pinpoint event; marked ProcessingFailed" recordId=b approximateArrivalTimestamp=1553104955000 kind=foreign-event reason="not a Pinpoint event: the record is an Amazon SES event publishing record (format ses-event-publishing)"
	// a Ok: {"event_type":"_SMS.SUCCESS","event_time... ending in "\"}\n"
	// b ProcessingFailed: {"eventType":"Delivery","mail":{"messageId":"0"},"delivery":{}}
}
