package stream_test

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"log"
	"strings"

	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint/v3p1"
	"github.com/pinpoint-events/pinpoint-events/stream"
)

// smsEvent returns a compact _SMS.SUCCESS event of the AWS account account.
func smsEvent(account string) string {
	return `{"event_type":"_SMS.SUCCESS","event_timestamp":1553104954322,"arrival_timestamp":1553104954064,` +
		`"event_version":"3.1","application":{"app_id":"a1b2c3d4e5f6","sdk":{}},"client":{"client_id":"123456789012"},` +
		`"device":{"platform":{}},"session":{},"attributes":{"sender_request_id":"565d4425","message_id":"1111-2222-3333",` +
		`"record_status":"DELIVERED","iso_country_code":"US","number_of_message_parts":"1"},"awsAccountId":"` + account + `"}`
}

// A Kinesis Data Firehose delivery stream writes events to S3 back to back,
// gzip-compressed. The Reader decompresses, splits, decodes and validates
// them; a record that is not an event, or an event that breaks its schema,
// comes back with its number and offset, and reading goes on.
func Example() {
	// What Firehose would write: three events, the second of them invalid,
	// and a line of garbage.
	var object bytes.Buffer
	zw := gzip.NewWriter(&object)
	zw.Write([]byte(smsEvent("123456789012") + smsEvent("12345") + "\nnot json\n" + smsEvent("210987654321")))
	zw.Close()

	r, err := stream.NewReader(&object, stream.Options{Format: stream.Concatenated, Validate: true})
	if err != nil {
		log.Fatal(err)
	}
	defer r.Close()
	for r.Next() {
		rec := r.Record()
		switch {
		case rec.Err != nil:
			// rec.Raw holds the bytes, for a dead-letter file.
			fmt.Printf("%v (%d bytes)\n", rec.Err, len(rec.Raw))
		case rec.Invalid != nil:
			fmt.Printf("record %d breaks its schema: %s\n", rec.Number, rec.Invalid.Violations[0])
		default:
			switch ev := rec.Event.(type) {
			case *v3p1.SMSEvent:
				fmt.Printf("record %d: %s of account %s\n", rec.Number, ev.EventType, ev.AWSAccountID)
			default:
				fmt.Printf("record %d: %s\n", rec.Number, ev.Type())
			}
		}
	}
	if err := r.Err(); err != nil {
		log.Fatal(err) // reading the input failed, e.g. a corrupt gzip stream
	}
	for _, e := range r.InputErrors() {
		fmt.Println("the input is not well-formed:", e)
	}
	// Output:
	// record 1: _SMS.SUCCESS of account 123456789012
	// record 2 breaks its schema: /awsAccountId: "12345" does not match the pattern ^[0-9]{12}$
	// record 3 at byte offset 854: garbage between records: "not json" (8 bytes)
	// record 4: _SMS.SUCCESS of account 210987654321
}

// Some defects belong to the input rather than to a record: here the JSON
// array that holds the events lacks its closing bracket. Its events are read
// all the same; InputErrors tells, after the last record, that the input is
// not well-formed.
func ExampleReader_InputErrors() {
	input := "[" + smsEvent("123456789012") + ",\n" + smsEvent("210987654321") + "\n"

	r, err := stream.NewReader(strings.NewReader(input), stream.Options{Format: stream.Array})
	if err != nil {
		log.Fatal(err)
	}
	defer r.Close()
	for r.Next() {
		rec := r.Record()
		fmt.Println(rec.Number, rec.Event.Type(), rec.Err)
	}
	for _, e := range r.InputErrors() {
		fmt.Println(e)
	}
	// Output:
	// 1 _SMS.SUCCESS <nil>
	// 2 _SMS.SUCCESS <nil>
	// input at byte offset 864: end of input inside the array: missing ']'
}

// Format values have names, for a command-line flag or a configuration file.
func ExampleParseFormat() {
	f, err := stream.ParseFormat("ndjson")
	fmt.Println(f == stream.NDJSON, err)
	_, err = stream.ParseFormat("csv")
	fmt.Println(err)
	// Output:
	// true <nil>
	// unknown layout "csv" (valid: auto, ndjson, concatenated, array)
}
