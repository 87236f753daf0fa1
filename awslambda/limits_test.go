package awslambda_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-lambda-go/events"

	"github.com/pinpoint-events/pinpoint-events/awslambda"
	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
)

// validBatch returns the records of mixedBatch that are valid events.
func validBatch(t *testing.T) [][]byte {
	t.Helper()
	var data [][]byte
	for _, r := range mixedBatch(t) {
		if r.valid(true) {
			data = append(data, r.data)
		}
	}
	return data
}

// A Kinesis batch stops before the invocation's deadline: the records not
// handled are all reported for retry, and none is handled after the stop.
func TestKinesisStopsBeforeTheDeadline(t *testing.T) {
	data := validBatch(t)
	payload := kinesisPayload(t, data)
	const margin = 200 * time.Millisecond
	for _, tc := range []struct {
		name string
		// ctx returns the invocation's context; the handler calls
		// atRecord(i) before it handles record i.
		ctx         func(t *testing.T) (ctx context.Context, atRecord func(i int))
		wantHandled int // the records before this one are handled
	}{
		{
			name: "deadline far away",
			ctx: func(t *testing.T) (context.Context, func(int)) {
				ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
				t.Cleanup(cancel)
				return ctx, func(int) {}
			},
			wantHandled: len(data),
		},
		{
			name: "deadline passed",
			ctx: func(t *testing.T) (context.Context, func(int)) {
				ctx, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
				t.Cleanup(cancel)
				return ctx, func(int) {}
			},
			wantHandled: 0,
		},
		{
			name: "deadline nearer than the margin",
			ctx: func(t *testing.T) (context.Context, func(int)) {
				ctx, cancel := context.WithTimeout(context.Background(), margin/2)
				t.Cleanup(cancel)
				return ctx, func(int) {}
			},
			wantHandled: 0,
		},
		{
			name: "deadline comes within the margin while record 2 is handled",
			ctx: func(t *testing.T) (context.Context, func(int)) {
				deadline := time.Now().Add(margin + 300*time.Millisecond)
				ctx, cancel := context.WithDeadline(context.Background(), deadline)
				t.Cleanup(cancel)
				return ctx, func(i int) {
					if i == 2 {
						time.Sleep(time.Until(deadline) - margin + 20*time.Millisecond)
					}
				}
			},
			wantHandled: 3,
		},
		{
			name: "context canceled while record 1 is handled",
			ctx: func(t *testing.T) (context.Context, func(int)) {
				ctx, cancel := context.WithCancel(context.Background())
				t.Cleanup(cancel)
				return ctx, func(i int) {
					if i == 1 {
						cancel()
					}
				}
			},
			wantHandled: 2,
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx, atRecord := tc.ctx(t)
			var handled []string
			handler := awslambda.Kinesis(func(ctx context.Context, rec events.KinesisEventRecord, ev anyevent.Event) error {
				atRecord(len(handled))
				handled = append(handled, rec.Kinesis.SequenceNumber)
				return nil
			}, awslambda.KinesisOptions{Validate: true, DeadlineMargin: margin})
			failures := invokeKinesisWith(t, ctx, handler, payload)
			var wantHandled, wantFailures []string
			for i := range data {
				if i < tc.wantHandled {
					wantHandled = append(wantHandled, sequenceNumber(i))
				} else {
					wantFailures = append(wantFailures, sequenceNumber(i))
				}
			}
			if !slices.Equal(handled, wantHandled) {
				t.Errorf("handled %q, want %q", handled, wantHandled)
			}
			if !slices.Equal(failures, wantFailures) {
				t.Errorf("batchItemFailures %q, want %q", failures, wantFailures)
			}
		})
	}
}

// errAfter is a context whose Err reports the deadline exceeded from its
// n-th call on, standing in for a deadline that passes at a chosen point
// of a batch.
type errAfter struct {
	context.Context
	n int
}

func (c *errAfter) Err() error {
	if c.n--; c.n < 0 {
		return context.DeadlineExceeded
	}
	return nil
}

// A Firehose batch stops before the invocation's deadline: every record
// left is ProcessingFailed with its data as it arrived, and a log line
// says why.
func TestFirehoseStopsBeforeTheDeadline(t *testing.T) {
	data := validBatch(t)
	var batch events.KinesisFirehoseEvent
	if err := json.Unmarshal(firehosePayload(t, data), &batch); err != nil {
		t.Fatal(err)
	}
	past, cancel := context.WithDeadline(context.Background(), time.Now().Add(-time.Second))
	defer cancel()
	near, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	for _, tc := range []struct {
		name     string
		ctx      context.Context
		wantOk   int // the records before this one are Ok
		wantKind string
	}{
		{name: "deadline passed", ctx: past, wantOk: 0},
		{name: "deadline nearer than the margin", ctx: near, wantOk: 0},
		{name: "deadline passes after two records", ctx: &errAfter{Context: context.Background(), n: 2}, wantOk: 2},
		{name: "no deadline", ctx: context.Background(), wantOk: len(data)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var buf bytes.Buffer
			handler := awslambda.Firehose(awslambda.FirehoseOptions{Validate: true, Logger: slog.New(slog.NewJSONHandler(&buf, nil)), DeadlineMargin: time.Second})
			resp, err := handler(tc.ctx, batch)
			if err != nil {
				t.Fatal(err)
			}
			if len(resp.Records) != len(data) {
				t.Fatalf("%d records in the response, want %d", len(resp.Records), len(data))
			}
			for i, got := range resp.Records {
				if got.RecordID != recordID(i) {
					t.Errorf("record %d: recordId %s", i, got.RecordID)
				}
				if i < tc.wantOk {
					if got.Result != "Ok" || !bytes.Equal(got.Data, normalized(t, data[i])) {
						t.Errorf("record %d: %s %q, want Ok and the event", i, got.Result, got.Data)
					}
				} else if got.Result != "ProcessingFailed" || !bytes.Equal(got.Data, data[i]) {
					t.Errorf("record %d: %s %q, want ProcessingFailed with the data as it arrived", i, got.Result, got.Data)
				}
			}
			lines := logLines(t, &buf)
			if len(lines) != len(data)-tc.wantOk {
				t.Fatalf("%d log lines, want one per record left (%d)", len(lines), len(data)-tc.wantOk)
			}
			for n, line := range lines {
				reason, _ := line["reason"].(string)
				if line["recordId"] != recordID(tc.wantOk+n) || line["kind"] != "deadline" || !strings.Contains(reason, "not processed") {
					t.Errorf("log line %v", line)
				}
			}
		})
	}
}

var byteOrderMark = []byte{0xef, 0xbb, 0xbf}

// A record that starts with a UTF-8 byte order mark is read as without it,
// as the stream reader reads a file that starts with one.
func TestByteOrderMark(t *testing.T) {
	event := readTestdata(t, "samples/campaign_send_3.1.json")
	marked := append(slices.Clip(byteOrderMark), event...)
	malformed := append(slices.Clip(byteOrderMark), `{"event_version":}`...)

	t.Run("Kinesis", func(t *testing.T) {
		r := &recorder{t: t}
		failures := invokeKinesis(t, awslambda.Kinesis(r.handle, awslambda.KinesisOptions{Validate: true, OnInvalid: r.onInvalid}), kinesisPayload(t, [][]byte{marked, malformed}))
		if len(failures) != 0 {
			t.Errorf("batchItemFailures %q", failures)
		}
		if len(r.handled) != 1 {
			t.Fatalf("the handler got %d events, want the marked one", len(r.handled))
		}
		out, err := r.handled[0].ev.AppendJSON(nil)
		if err != nil {
			t.Fatal(err)
		}
		if !jsonEqual(t, out, event) {
			t.Errorf("the event is not the record's JSON:\n got %s\nwant %s", out, event)
		}
		if !bytes.Equal(r.handled[0].rec.Kinesis.Data, marked) {
			t.Errorf("the handler got the data %q, want it as it arrived", r.handled[0].rec.Kinesis.Data)
		}
		// The offset of a syntax error points into the data as it
		// arrived, mark included: the '}' is at offset 3+17.
		var syntax *anyevent.SyntaxError
		if len(r.invalid) != 1 || !errors.As(r.invalid[0].err, &syntax) || syntax.Offset != 20 {
			t.Errorf("OnInvalid calls %+v, want one with a syntax error at offset 20", r.invalid)
		}
	})
	t.Run("Firehose", func(t *testing.T) {
		results := invokeFirehose(t, awslambda.Firehose(awslambda.FirehoseOptions{Validate: true, Logger: slog.New(slog.DiscardHandler)}), firehosePayload(t, [][]byte{marked}))
		if len(results) != 1 || results[0].result != "Ok" {
			t.Fatalf("results %+v, want one Ok", results)
		}
		if want := normalized(t, event); !bytes.Equal(results[0].data, want) {
			t.Errorf("data %q, want %q (the event, without the mark)", results[0].data, want)
		}
	})
}

// A Firehose response stays within Lambda's 6 MB limit on a response even
// when the transformed records are three times their input, their strings
// full of invalid UTF-8 that the JSON encoder replaces with U+FFFD: the
// records that would overflow it are ProcessingFailed with their data as it
// arrived, and the others stay Ok.
func TestFirehoseResponseWithinLimit(t *testing.T) {
	event := readTestdata(t, "synthetic/app_custom_pageView_3.1.json")
	if !bytes.Contains(event, []byte(`"title": "Example"`)) {
		t.Fatal("the sample has no application title to replace")
	}
	// 700,000 bytes of invalid UTF-8 in a string: about 2.8 MB of base64
	// in the response once transformed, against 0.93 MB as it arrived.
	big := bytes.Replace(event, []byte(`"title": "Example"`),
		append(append([]byte(`"title": "`), bytes.Repeat([]byte{0xff}, 700_000)...), '"'), 1)
	small := validBatch(t)
	var data [][]byte
	data = append(data, small[:3]...)
	data = append(data, big, big, big)
	data = append(data, small[3:]...)

	var buf bytes.Buffer
	handler := awslambda.Firehose(awslambda.FirehoseOptions{Logger: slog.New(slog.NewJSONHandler(&buf, nil))})
	results, size := invokeFirehoseWith(t, context.Background(), handler, firehosePayload(t, data))
	if size > awslambda.FirehoseResponseLimit {
		t.Errorf("the response has %d bytes, more than the %d allowed", size, awslambda.FirehoseResponseLimit)
	}
	if len(results) != len(data) {
		t.Fatalf("%d records in the response, want %d", len(results), len(data))
	}
	var failed []int
	for i, got := range results {
		switch got.result {
		case "Ok":
			if !bytes.Equal(got.data, normalized(t, data[i])) {
				t.Errorf("record %d: Ok but not the event", i)
			}
		case "ProcessingFailed":
			failed = append(failed, i)
			if !bytes.Equal(got.data, data[i]) {
				t.Errorf("record %d: ProcessingFailed but not with the data as it arrived", i)
			}
		default:
			t.Errorf("record %d: result %s", i, got.result)
		}
	}
	// The first large record fits with its transformed data; the two after
	// it do not, as they arrived they do; the small ones all fit.
	if want := []int{4, 5}; !slices.Equal(failed, want) {
		t.Errorf("records %v ProcessingFailed, want %v", failed, want)
	}
	for _, line := range logLines(t, &buf) {
		if line["kind"] != "response-size" {
			t.Errorf("log line %v, want kind response-size", line)
		}
	}
}
