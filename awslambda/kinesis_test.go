package awslambda_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"

	"github.com/pinpoint-events/pinpoint-events/awslambda"
	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/internal/corpus"
)

// sequenceNumber is the sequence number of the i-th record of a test batch:
// Kinesis's are decimal strings of 56 digits, increasing along a shard.
func sequenceNumber(i int) string {
	return fmt.Sprintf("49590338271490256608559692538361571095921575989136%06d", i)
}

// kinesisPayload is the JSON Lambda sends for a Kinesis trigger, one record
// per element of data, each one's data base64-encoded as Lambda does.
func kinesisPayload(t *testing.T, data [][]byte) []byte {
	t.Helper()
	records := make([]map[string]any, len(data))
	for i, d := range data {
		records[i] = map[string]any{
			"kinesis": map[string]any{
				"kinesisSchemaVersion":        "1.0",
				"partitionKey":                fmt.Sprintf("endpoint-%d", i),
				"sequenceNumber":              sequenceNumber(i),
				"data":                        base64.StdEncoding.EncodeToString(d),
				"approximateArrivalTimestamp": 1545084650.987 + float64(i),
			},
			"eventSource":       "aws:kinesis",
			"eventVersion":      "1.0",
			"eventID":           "shardId-000000000006:" + sequenceNumber(i),
			"eventName":         "aws:kinesis:record",
			"invokeIdentityArn": "arn:aws:iam::123456789012:role/pinpoint-consumer",
			"awsRegion":         "us-east-2",
			"eventSourceARN":    "arn:aws:kinesis:us-east-2:123456789012:stream/pinpoint-events",
		}
	}
	payload, err := json.Marshal(map[string]any{"Records": records})
	if err != nil {
		t.Fatal(err)
	}
	return payload
}

// invokeKinesis runs handler as the Lambda runtime does, on the JSON of a
// Kinesis trigger, and returns the sequence numbers of the response's
// batchItemFailures.
func invokeKinesis(t *testing.T, handler func(context.Context, events.KinesisEvent) (events.KinesisEventResponse, error), payload []byte) []string {
	t.Helper()
	return invokeKinesisWith(t, context.Background(), handler, payload)
}

// invokeKinesisWith is invokeKinesis with the invocation's context derived
// from ctx (its deadline, its cancellation).
func invokeKinesisWith(t *testing.T, ctx context.Context, handler func(context.Context, events.KinesisEvent) (events.KinesisEventResponse, error), payload []byte) []string {
	t.Helper()
	out, err := lambda.NewHandler(handler).Invoke(context.WithValue(ctx, ctxKey{}, "invocation"), payload)
	if err != nil {
		t.Fatalf("Invoke: %v", err)
	}
	// A map, not a struct, so that the member names are checked exactly.
	var resp map[string][]map[string]string
	if err := json.Unmarshal(out, &resp); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	failures, ok := resp["batchItemFailures"]
	if !ok || len(resp) != 1 {
		t.Fatalf("response %s: want exactly a batchItemFailures member", out)
	}
	var ids []string
	for _, f := range failures {
		if len(f) != 1 || f["itemIdentifier"] == "" {
			t.Fatalf("response %s: want batch item failures with an itemIdentifier only", out)
		}
		ids = append(ids, f["itemIdentifier"])
	}
	return ids
}

// ctxKey marks the context of a test invocation, to check that the
// handlers pass it on.
type ctxKey struct{}

// kinesisCall is one call of the event handler or of OnInvalid.
type kinesisCall struct {
	rec events.KinesisEventRecord
	ev  anyevent.Event
	err error
}

// recorder records the calls a Kinesis handler makes, and fails the ones
// a test asks it to.
type recorder struct {
	t                *testing.T
	handled, invalid []kinesisCall
	failHandleAt     string // sequence number where the event handler fails
	failInvalidAt    string // sequence number where OnInvalid fails
}

func (r *recorder) handle(ctx context.Context, rec events.KinesisEventRecord, ev anyevent.Event) error {
	if ctx.Value(ctxKey{}) != "invocation" {
		r.t.Error("the event handler did not get the invocation's context")
	}
	r.handled = append(r.handled, kinesisCall{rec: rec, ev: ev})
	if rec.Kinesis.SequenceNumber == r.failHandleAt {
		return errors.New("downstream unavailable")
	}
	return nil
}

func (r *recorder) onInvalid(ctx context.Context, rec events.KinesisEventRecord, err error) error {
	if ctx.Value(ctxKey{}) != "invocation" {
		r.t.Error("OnInvalid did not get the invocation's context")
	}
	r.invalid = append(r.invalid, kinesisCall{rec: rec, err: err})
	if rec.Kinesis.SequenceNumber == r.failInvalidAt {
		return errors.New("dead-letter queue unavailable")
	}
	return nil
}

func TestKinesis(t *testing.T) {
	batch := mixedBatch(t)
	data := make([][]byte, len(batch))
	for i, r := range batch {
		data[i] = r.data
	}
	payload := kinesisPayload(t, data)

	// Record indexes in mixedBatch: 0 campaign, 1 email delivered, 2 legacy,
	// 3 SMS, 4 SES, 5 malformed, 6 campaign without campaign_id, 7 email
	// send, 8 custom app event.
	for _, tc := range []struct {
		name          string
		validate      bool
		failHandleAt  int // -1: never
		failInvalidAt int // -1: never
		wantHandled   []int
		wantInvalid   []int
		wantFailure   int // -1: none
	}{
		{
			name:     "mixed batch, not validated",
			validate: false, failHandleAt: -1, failInvalidAt: -1,
			wantHandled: []int{0, 1, 3, 6, 7, 8},
			wantInvalid: []int{2, 4, 5},
			wantFailure: -1,
		},
		{
			name:     "mixed batch, validated",
			validate: true, failHandleAt: -1, failInvalidAt: -1,
			wantHandled: []int{0, 1, 3, 7, 8},
			wantInvalid: []int{2, 4, 5, 6},
			wantFailure: -1,
		},
		{
			name:     "the handler fails: retry from that record, handle none after it",
			validate: true, failHandleAt: 3, failInvalidAt: -1,
			wantHandled: []int{0, 1, 3},
			wantInvalid: []int{2},
			wantFailure: 3,
		},
		{
			name:     "the handler fails at the first record",
			validate: true, failHandleAt: 0, failInvalidAt: -1,
			wantHandled: []int{0},
			wantFailure: 0,
		},
		{
			name:     "the handler fails at the last record",
			validate: true, failHandleAt: 8, failInvalidAt: -1,
			wantHandled: []int{0, 1, 3, 7, 8},
			wantInvalid: []int{2, 4, 5, 6},
			wantFailure: 8,
		},
		{
			name:     "OnInvalid fails: retry from that record",
			validate: true, failHandleAt: -1, failInvalidAt: 4,
			wantHandled: []int{0, 1, 3},
			wantInvalid: []int{2, 4},
			wantFailure: 4,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := &recorder{t: t}
			if tc.failHandleAt >= 0 {
				r.failHandleAt = sequenceNumber(tc.failHandleAt)
			}
			if tc.failInvalidAt >= 0 {
				r.failInvalidAt = sequenceNumber(tc.failInvalidAt)
			}
			failures := invokeKinesis(t, awslambda.Kinesis(r.handle, awslambda.KinesisOptions{Validate: tc.validate, OnInvalid: r.onInvalid}), payload)

			var wantFailures []string
			if tc.wantFailure >= 0 {
				wantFailures = []string{sequenceNumber(tc.wantFailure)}
			}
			if strings.Join(failures, ",") != strings.Join(wantFailures, ",") {
				t.Errorf("batchItemFailures %q, want %q", failures, wantFailures)
			}

			if len(r.handled) != len(tc.wantHandled) {
				t.Fatalf("the event handler got %d records, want %d", len(r.handled), len(tc.wantHandled))
			}
			for n, i := range tc.wantHandled {
				call, want := r.handled[n], batch[i]
				checkKinesisRecord(t, call.rec, i, want)
				if got := typeName(call.ev); got != want.goType {
					t.Errorf("%s: event of type %s, want %s", want.name, got, want.goType)
				}
				out, err := call.ev.AppendJSON(nil)
				if err != nil {
					t.Fatal(err)
				}
				if !jsonEqual(t, out, want.data) {
					t.Errorf("%s: the event is not the record's JSON:\n got %s\nwant %s", want.name, out, want.data)
				}
			}

			if len(r.invalid) != len(tc.wantInvalid) {
				t.Fatalf("OnInvalid got %d records, want %d", len(r.invalid), len(tc.wantInvalid))
			}
			for n, i := range tc.wantInvalid {
				call, want := r.invalid[n], batch[i]
				checkKinesisRecord(t, call.rec, i, want)
				if !want.isErr(call.err) {
					t.Errorf("%s: OnInvalid got the error %T %v", want.name, call.err, call.err)
				}
			}
		})
	}
}

// checkKinesisRecord checks that a handler got the i-th record of the
// payload, data as the producer put it.
func checkKinesisRecord(t *testing.T, rec events.KinesisEventRecord, i int, want batchRecord) {
	t.Helper()
	if rec.Kinesis.SequenceNumber != sequenceNumber(i) || rec.EventID != "shardId-000000000006:"+sequenceNumber(i) {
		t.Errorf("%s: got the record %s (%s), want %s", want.name, rec.Kinesis.SequenceNumber, rec.EventID, sequenceNumber(i))
	}
	if !bytes.Equal(rec.Kinesis.Data, want.data) {
		t.Errorf("%s: record data %q, want the bytes the producer put", want.name, rec.Kinesis.Data)
	}
}

// The violations of an event that breaks its schema reach OnInvalid.
func TestKinesisValidationViolations(t *testing.T) {
	data := withoutCampaignID(t, readTestdata(t, "samples/campaign_send_3.1.json"))
	r := &recorder{t: t}
	invokeKinesis(t, awslambda.Kinesis(r.handle, awslambda.KinesisOptions{Validate: true, OnInvalid: r.onInvalid}), kinesisPayload(t, [][]byte{data}))
	if len(r.invalid) != 1 {
		t.Fatalf("OnInvalid got %d records, want 1", len(r.invalid))
	}
	var invalid *anyevent.ValidationError
	if !errors.As(r.invalid[0].err, &invalid) {
		t.Fatalf("OnInvalid got %v, want a *anyevent.ValidationError", r.invalid[0].err)
	}
	if len(invalid.Violations) != 1 {
		t.Fatalf("violations %v, want 1", invalid.Violations)
	}
	if v := invalid.Violations[0]; v.Pointer != "/attributes" || v.Keyword != "required" || !strings.Contains(v.Message, "campaign_id") {
		t.Errorf("violation %+v, want campaign_id required at /attributes", v)
	}
}

// Without OnInvalid, each record that is not a valid event is logged with
// slog's default logger, and skipped.
func TestKinesisLogsInvalidRecords(t *testing.T) {
	var buf bytes.Buffer
	previous := slog.Default()
	slog.SetDefault(slog.New(slog.NewJSONHandler(&buf, nil)))
	t.Cleanup(func() { slog.SetDefault(previous) })

	batch := mixedBatch(t)
	data := make([][]byte, len(batch))
	for i, r := range batch {
		data[i] = r.data
	}
	r := &recorder{t: t}
	failures := invokeKinesis(t, awslambda.Kinesis(r.handle, awslambda.KinesisOptions{Validate: true}), kinesisPayload(t, data))
	if len(failures) != 0 {
		t.Errorf("batchItemFailures %q, want none", failures)
	}

	lines := logLines(t, &buf)
	var logged []int
	for i, rec := range batch {
		if !rec.valid(true) {
			logged = append(logged, i)
		}
	}
	if len(lines) != len(logged) {
		t.Fatalf("%d log lines, want %d: %v", len(lines), len(logged), lines)
	}
	for n, i := range logged {
		line, want := lines[n], batch[i]
		if line["level"] != "WARN" || line["sequenceNumber"] != sequenceNumber(i) || line["eventID"] != "shardId-000000000006:"+sequenceNumber(i) ||
			line["partitionKey"] != fmt.Sprintf("endpoint-%d", i) || line["kind"] != want.kind {
			t.Errorf("%s: log line %v", want.name, line)
		}
		if reason, _ := line["reason"].(string); reason == "" {
			t.Errorf("%s: log line without a reason: %v", want.name, line)
		}
	}
	if len(r.handled)+len(lines) != len(batch) {
		t.Errorf("%d records handled and %d logged, want %d in all", len(r.handled), len(lines), len(batch))
	}
}

// A generated corpus with a tenth of its events broken: the handler gets
// exactly the events the validator accepts, in order.
func TestKinesisCorpus(t *testing.T) {
	data := corpus.Events(corpus.Options{N: 100, Seed: 1, InvalidShare: 0.1})
	opts := anyevent.ValidateOptions{AssertFormat: true}
	r := &recorder{t: t}
	failures := invokeKinesis(t, awslambda.Kinesis(r.handle, awslambda.KinesisOptions{Validate: true, ValidateOptions: opts, OnInvalid: r.onInvalid}), kinesisPayload(t, data))
	if len(failures) != 0 {
		t.Errorf("batchItemFailures %q, want none", failures)
	}

	var handled, invalid int
	for i, d := range data {
		// ValidateJSON checks the JSON without the Go types: another
		// path to the same verdict.
		if anyevent.ValidateJSON(d, opts) == nil {
			if handled >= len(r.handled) || r.handled[handled].rec.Kinesis.SequenceNumber != sequenceNumber(i) {
				t.Fatalf("record %d is valid and was not the next handled", i)
			}
			handled++
		} else {
			if invalid >= len(r.invalid) || r.invalid[invalid].rec.Kinesis.SequenceNumber != sequenceNumber(i) {
				t.Fatalf("record %d is invalid and was not the next given to OnInvalid", i)
			}
			invalid++
		}
	}
	if handled != len(r.handled) || invalid != len(r.invalid) || invalid == 0 {
		t.Errorf("handled %d (want %d), invalid %d (want %d, more than 0)", len(r.handled), handled, len(r.invalid), invalid)
	}
}
