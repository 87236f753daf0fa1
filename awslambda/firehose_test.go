package awslambda_test

import (
	"bytes"
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"log/slog"
	"testing"

	"github.com/aws/aws-lambda-go/events"
	"github.com/aws/aws-lambda-go/lambda"

	"github.com/pinpoint-events/pinpoint-events/awslambda"
	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/internal/corpus"
)

// recordID is the recordId Firehose gives the i-th record of a test batch.
func recordID(i int) string {
	return fmt.Sprintf("495469866831355442865074579363216256757001924711567851%08d", i)
}

// arrivalMillis is the approximateArrivalTimestamp of the i-th record.
func arrivalMillis(i int) int64 {
	return 1495072949453 + int64(i)
}

// firehosePayload is the JSON Firehose sends its transformation function,
// one record per element of data, each one's data base64-encoded as Firehose
// does.
func firehosePayload(t *testing.T, data [][]byte) []byte {
	t.Helper()
	records := make([]map[string]any, len(data))
	for i, d := range data {
		records[i] = map[string]any{
			"recordId":                    recordID(i),
			"approximateArrivalTimestamp": arrivalMillis(i),
			"data":                        base64.StdEncoding.EncodeToString(d),
		}
	}
	payload, err := json.Marshal(map[string]any{
		"invocationId":      "00540a87-5050-496a-84e4-e7d92bbaf5e2",
		"deliveryStreamArn": "arn:aws:firehose:us-east-1:123456789012:deliverystream/pinpoint-events",
		"region":            "us-east-1",
		"records":           records,
	})
	if err != nil {
		t.Fatal(err)
	}
	return payload
}

// firehoseResult is one record of a transformation response, as Firehose
// reads it.
type firehoseResult struct {
	recordID, result string
	data             []byte
}

// invokeFirehose runs handler as the Lambda runtime does, on the JSON of a
// Firehose transformation event, and returns the records of the response.
func invokeFirehose(t *testing.T, handler func(context.Context, events.KinesisFirehoseEvent) (events.KinesisFirehoseResponse, error), payload []byte) []firehoseResult {
	t.Helper()
	results, _ := invokeFirehoseWith(t, context.Background(), handler, payload)
	return results
}

// invokeFirehoseWith is invokeFirehose with the invocation's context ctx;
// it also returns the size of the response's JSON.
func invokeFirehoseWith(t *testing.T, ctx context.Context, handler func(context.Context, events.KinesisFirehoseEvent) (events.KinesisFirehoseResponse, error), payload []byte) ([]firehoseResult, int) {
	t.Helper()
	out, err := lambda.NewHandler(handler).Invoke(ctx, payload)
	if err != nil {
		t.Fatalf("Invoke: %v", err)
	}
	// Maps, not structs, so that the member names are checked exactly.
	var resp map[string][]map[string]json.RawMessage
	if err := json.Unmarshal(out, &resp); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	var results []firehoseResult
	for _, rec := range resp["records"] {
		var r firehoseResult
		var data string
		for name, dst := range map[string]*string{"recordId": &r.recordID, "result": &r.result, "data": &data} {
			if err := json.Unmarshal(rec[name], dst); err != nil {
				t.Fatalf("member %s of %s: %v", name, out, err)
			}
		}
		if r.data, err = base64.StdEncoding.DecodeString(data); err != nil {
			t.Fatalf("data of %s is not base64: %v", r.recordID, err)
		}
		// Metadata is for partition keys only; the handler sets none.
		var metadata struct {
			PartitionKeys map[string]string `json:"partitionKeys"`
		}
		if err := json.Unmarshal(rec["metadata"], &metadata); err != nil || len(metadata.PartitionKeys) != 0 {
			t.Errorf("record %s: metadata %s, want no partition keys", r.recordID, rec["metadata"])
		}
		results = append(results, r)
	}
	return results, len(out)
}

func TestFirehose(t *testing.T) {
	batch := mixedBatch(t)
	data := make([][]byte, len(batch))
	for i, r := range batch {
		data[i] = r.data
	}
	payload := firehosePayload(t, data)

	for _, tc := range []struct {
		name       string
		validate   bool
		nilLogger  bool
		wantFailed map[int]bool // indexes in mixedBatch of the ProcessingFailed records
	}{
		{name: "mixed batch, not validated", wantFailed: map[int]bool{2: true, 4: true, 5: true}},
		{name: "mixed batch, validated", validate: true, wantFailed: map[int]bool{2: true, 4: true, 5: true, 6: true}},
		{name: "no Logger: slog's default", validate: true, nilLogger: true, wantFailed: map[int]bool{2: true, 4: true, 5: true, 6: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			logger := slog.New(slog.NewJSONHandler(&buf, nil))
			opts := awslambda.FirehoseOptions{Validate: tc.validate, Logger: logger}
			if tc.nilLogger {
				previous := slog.Default()
				slog.SetDefault(logger)
				t.Cleanup(func() { slog.SetDefault(previous) })
				opts.Logger = nil
			}
			results := invokeFirehose(t, awslambda.Firehose(opts), payload)

			if len(results) != len(batch) {
				t.Fatalf("%d records in the response, want %d", len(results), len(batch))
			}
			var failed []int
			for i, got := range results {
				want := batch[i]
				if got.recordID != recordID(i) {
					t.Errorf("record %d: recordId %s, want %s (in order)", i, got.recordID, recordID(i))
				}
				if tc.wantFailed[i] {
					failed = append(failed, i)
					if got.result != "ProcessingFailed" {
						t.Errorf("%s: result %s, want ProcessingFailed", want.name, got.result)
					}
					if !bytes.Equal(got.data, want.data) {
						t.Errorf("%s: data %q, want the record as it arrived", want.name, got.data)
					}
					continue
				}
				if got.result != "Ok" {
					t.Errorf("%s: result %s, want Ok", want.name, got.result)
					continue
				}
				checkNormalized(t, want.name, got.data, want.data, want.goType)
			}

			lines := logLines(t, &buf)
			if len(lines) != len(failed) {
				t.Fatalf("%d log lines, want one per failed record (%d): %v", len(lines), len(failed), lines)
			}
			for n, i := range failed {
				line, want := lines[n], batch[i]
				if line["level"] != "WARN" || line["recordId"] != recordID(i) || line["approximateArrivalTimestamp"] != float64(arrivalMillis(i)) || line["kind"] != want.kind {
					t.Errorf("%s: log line %v", want.name, line)
				}
				var reason error
				if want.breaksSchema {
					reason = anyevent.ValidateJSON(want.data, anyevent.ValidateOptions{})
				} else {
					_, reason = anyevent.Decode(want.data)
				}
				if line["reason"] != reason.Error() {
					t.Errorf("%s: reason %q, want %q", want.name, line["reason"], reason)
				}
			}
		})
	}
}

// checkNormalized checks the data of an Ok record: the event's compact JSON
// from AppendJSON and a newline, which decodes back to the input's event.
func checkNormalized(t *testing.T, name string, got, input []byte, goType string) {
	t.Helper()
	if want := normalized(t, input); !bytes.Equal(got, want) {
		t.Errorf("%s: data\n%s\nwant\n%s", name, got, want)
	}
	if bytes.IndexByte(got, '\n') != len(got)-1 {
		t.Errorf("%s: data %q is not one line ending with a newline", name, got)
	}
	ev, err := anyevent.Decode(got)
	if err != nil {
		t.Fatalf("%s: the normalized data does not decode: %v", name, err)
	}
	if typeName(ev) != goType {
		t.Errorf("%s: the normalized data decodes to %s, want %s", name, typeName(ev), goType)
	}
	out, err := ev.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	if !jsonEqual(t, out, input) {
		t.Errorf("%s: the normalized event is not the input's:\n got %s\nwant %s", name, out, input)
	}
}

// A generated corpus with a tenth of its events broken: Ok for exactly the
// events the validator accepts, normalized.
func TestFirehoseCorpus(t *testing.T) {
	data := corpus.Events(corpus.Options{N: 100, Seed: 1, InvalidShare: 0.1})
	var logs bytes.Buffer
	results := invokeFirehose(t, awslambda.Firehose(awslambda.FirehoseOptions{Validate: true, Logger: slog.New(slog.NewJSONHandler(&logs, nil))}), firehosePayload(t, data))
	if len(results) != len(data) {
		t.Fatalf("%d records in the response, want %d", len(results), len(data))
	}
	var failed int
	for i, got := range results {
		if got.recordID != recordID(i) {
			t.Errorf("record %d: recordId %s, want %s", i, got.recordID, recordID(i))
		}
		// ValidateJSON checks the JSON without the Go types: another path
		// to the same verdict.
		if err := anyevent.ValidateJSON(data[i], anyevent.ValidateOptions{}); err != nil {
			failed++
			if got.result != "ProcessingFailed" || !bytes.Equal(got.data, data[i]) {
				t.Errorf("record %d (%v): %s %q, want ProcessingFailed with the record as it arrived", i, err, got.result, got.data)
			}
			continue
		}
		ev, err := anyevent.Decode(data[i])
		if err != nil {
			t.Fatal(err)
		}
		if got.result != "Ok" {
			t.Errorf("record %d: %s, want Ok", i, got.result)
			continue
		}
		checkNormalized(t, fmt.Sprintf("record %d", i), got.data, data[i], typeName(ev))
	}
	if lines := logLines(t, &logs); failed == 0 || len(lines) != failed {
		t.Errorf("%d records failed and %d were logged; want as many, more than 0", failed, len(lines))
	}
}

// The record Pinpoint writes when a stream is set up is not an event: it is
// handed back as it came, marked ProcessingFailed (Firehose then keeps it
// under the error prefix), and logged with its own kind.
func TestFirehoseStreamTestRecord(t *testing.T) {
	record := []byte(`{"event_type":"_test.event_stream","event_version":"3.1"}`)
	var buf bytes.Buffer
	handler := awslambda.Firehose(awslambda.FirehoseOptions{Validate: true, Logger: slog.New(slog.NewJSONHandler(&buf, nil))})
	results := invokeFirehose(t, handler, firehosePayload(t, [][]byte{record}))
	if len(results) != 1 || results[0].result != "ProcessingFailed" || !bytes.Equal(results[0].data, record) {
		t.Fatalf("results %+v, want one ProcessingFailed record with the data as it came", results)
	}
	lines := logLines(t, &buf)
	if len(lines) != 1 || lines[0]["kind"] != "non-event" {
		t.Errorf("log lines %v, want one of kind non-event", lines)
	}
}
