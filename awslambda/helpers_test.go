package awslambda_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
)

// batchRecord is one record of a test batch, with what decoding it gives.
type batchRecord struct {
	name string
	data []byte
	// goType is the Go type of the event, "" when the record is not one.
	goType string
	// isErr recognizes the error of a record that is not an event.
	isErr func(error) bool
	// kind is the kind the logs give a record that is not a valid event.
	kind string
	// breaksSchema marks an event that decodes but fails validation.
	breaksSchema bool
}

// sesDelivery is an SES event publishing record, as SES writes it to a
// stream it shares with Pinpoint.
const sesDelivery = `{"eventType":"Delivery","mail":{"timestamp":"2016-10-19T23:20:52.240Z","source":"sender@example.com",` +
	`"sourceArn":"arn:aws:ses:us-east-1:123456789012:identity/sender@example.com","sendingAccountId":"123456789012",` +
	`"messageId":"EXAMPLE7c191be45-e9aedb9a-02f9-4d12-a87d-dd0099a07f8a-000000","destination":["recipient@example.com"]},` +
	`"delivery":{"timestamp":"2016-10-19T23:21:04.133Z","processingTimeMillis":11893,"recipients":["recipient@example.com"],` +
	`"smtpResponse":"250 2.6.0 Message received","reportingMTA":"mta.example.com"}}`

// mixedBatch returns records of every sort a Pinpoint stream can carry, the
// valid events around the others so that a handler that stops early shows.
func mixedBatch(t *testing.T) []batchRecord {
	t.Helper()
	return []batchRecord{
		{name: "campaign send", data: readTestdata(t, "samples/campaign_send_3.1.json"), goType: "*v3p1.CampaignSendEvent"},
		{name: "email delivered", data: readTestdata(t, "samples/email_delivered_3.1.json"), goType: "*v3p1.EmailDeliveredEvent"},
		{name: "legacy 2018 SMS", data: readTestdata(t, "samples/legacy2018_sms_SMS.SUCCESS_noversion.json"),
			isErr: errorAs[*anyevent.LegacyFormatError], kind: "legacy-format"},
		// A producer that writes NDJSON to Kinesis ends each record with '\n'.
		{name: "SMS with a trailing newline", data: append(readTestdata(t, "samples/sms_SMS.SUCCESS_3.1.json"), '\n'), goType: "*v3p1.SMSEvent"},
		{name: "SES record", data: []byte(sesDelivery), isErr: errorAs[*anyevent.ForeignEventError], kind: "foreign-event"},
		{name: "malformed JSON", data: []byte(`{"event_version":"3.1","event_type":"_email.send",`), isErr: errorAs[*anyevent.SyntaxError], kind: "syntax"},
		{name: "campaign send without campaign_id", data: withoutCampaignID(t, readTestdata(t, "samples/campaign_send_3.1.json")),
			goType: "*v3p1.CampaignSendEvent", isErr: errorAs[*anyevent.ValidationError], kind: "schema", breaksSchema: true},
		{name: "email send", data: readTestdata(t, "samples/email_send_3.1.json"), goType: "*v3p1.EmailSendEvent"},
		{name: "custom app event", data: readTestdata(t, "synthetic/app_custom_pageView_3.1.json"), goType: "*v3p1.AppEvent"},
	}
}

// valid says whether a handler should take r for a valid event.
func (r batchRecord) valid(validate bool) bool {
	return r.goType != "" && !(validate && r.breaksSchema)
}

func readTestdata(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "testdata", filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// withoutCampaignID removes attributes.campaign_id, which the schema of
// _campaign.send requires.
func withoutCampaignID(t *testing.T, data []byte) []byte {
	t.Helper()
	var ev map[string]any
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(&ev); err != nil {
		t.Fatal(err)
	}
	attrs := ev["attributes"].(map[string]any)
	if _, ok := attrs["campaign_id"]; !ok {
		t.Fatal("the sample has no attributes.campaign_id to remove")
	}
	delete(attrs, "campaign_id")
	out, err := json.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// errorAs returns whether err is, or wraps, a T.
func errorAs[T error](err error) bool {
	var target T
	return errors.As(err, &target)
}

// normalized is what the Firehose handler must write for an event: its
// compact JSON from the dispatcher's encoder, and a newline.
func normalized(t *testing.T, data []byte) []byte {
	t.Helper()
	ev, err := anyevent.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	out, err := ev.AppendJSON(nil)
	if err != nil {
		t.Fatal(err)
	}
	return append(out, '\n')
}

// jsonEqual reports whether a and b hold the same JSON value: members in any
// order, numbers compared by value (the encoder writes 645.0 as 645).
func jsonEqual(t *testing.T, a, b []byte) bool {
	t.Helper()
	return reflect.DeepEqual(jsonValue(t, a), jsonValue(t, b))
}

func jsonValue(t *testing.T, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%v: %s", err, data)
	}
	return exactNumbers(t, v)
}

// exactNumbers replaces the json.Numbers in v by their exact value, as
// strings, so that 645.0 and 645 compare equal and large integers keep every
// digit.
func exactNumbers(t *testing.T, v any) any {
	switch v := v.(type) {
	case json.Number:
		r, ok := new(big.Rat).SetString(v.String())
		if !ok {
			t.Fatalf("number %s", v)
		}
		return r.RatString()
	case map[string]any:
		for k, e := range v {
			v[k] = exactNumbers(t, e)
		}
	case []any:
		for i, e := range v {
			v[i] = exactNumbers(t, e)
		}
	}
	return v
}

// logLines decodes the lines of a slog JSON handler.
func logLines(t *testing.T, buf *bytes.Buffer) []map[string]any {
	t.Helper()
	var lines []map[string]any
	dec := json.NewDecoder(buf)
	for dec.More() {
		var line map[string]any
		if err := dec.Decode(&line); err != nil {
			t.Fatal(err)
		}
		lines = append(lines, line)
	}
	return lines
}

// typeName is the Go type of an event, as batchRecord.goType names it.
func typeName(ev anyevent.Event) string {
	return fmt.Sprintf("%T", ev)
}
