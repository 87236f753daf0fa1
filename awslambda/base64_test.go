package awslambda_test

import (
	"bytes"
	"encoding/base64"
	"log/slog"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/awslambda"
	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
)

// Lambda's JSON decoding of the event base64-decodes the data of each record
// once; decoding it again would be a bug that no valid payload shows, since
// JSON is not base64. A record whose data is itself the base64 of an event
// shows it: decoded once, as it must be, it is base64 text, not an event;
// decoded twice it would be a valid event.
func TestDataIsNotDecodedTwice(t *testing.T) {
	event := readTestdata(t, "samples/email_open_3.1.json")
	if _, err := anyevent.Decode(event); err != nil {
		t.Fatal(err)
	}
	encoded := []byte(base64.StdEncoding.EncodeToString(event))
	// The payloads base64-encode the record's data once more.
	data := [][]byte{encoded}

	t.Run("Kinesis", func(t *testing.T) {
		r := &recorder{t: t}
		invokeKinesis(t, awslambda.Kinesis(r.handle, awslambda.KinesisOptions{OnInvalid: r.onInvalid}), kinesisPayload(t, data))
		if len(r.handled) != 0 {
			t.Fatalf("the handler got the event %s: the data was base64-decoded twice", r.handled[0].ev.Type())
		}
		if len(r.invalid) != 1 || !errorAs[*anyevent.SyntaxError](r.invalid[0].err) || !bytes.Equal(r.invalid[0].rec.Kinesis.Data, encoded) {
			t.Fatalf("OnInvalid calls %+v, want one with a syntax error and the base64 text as data", r.invalid)
		}
	})
	t.Run("Firehose", func(t *testing.T) {
		results := invokeFirehose(t, awslambda.Firehose(awslambda.FirehoseOptions{Logger: slog.New(slog.DiscardHandler)}), firehosePayload(t, data))
		if len(results) != 1 {
			t.Fatalf("%d records in the response, want 1", len(results))
		}
		if results[0].result != "ProcessingFailed" || !bytes.Equal(results[0].data, encoded) {
			t.Fatalf("%s %q, want ProcessingFailed with the base64 text as data: was it decoded twice?", results[0].result, results[0].data)
		}
	})
}
