package anyevent_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint/v3p0"
	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint/v3p1"
)

// Records of other layouts and other producers that share Pinpoint's streams
// are named in the error, never reported as broken Pinpoint events.
func TestOtherFormatsAreNamed(t *testing.T) {
	for _, tc := range []struct {
		name, record, format string
		legacy               bool
	}{
		{"End User Messaging SMS v2", `{"eventType":"TEXT_DELIVERED","eventVersion":"1.0","eventTimestamp":1722282900000,"isFinal":true,"originationPhoneNumber":"+12065550152","destinationPhoneNumber":"+14255550199","isoCountryCode":"US","messageId":"a1b2","messageStatus":"DELIVERED","totalMessageParts":1,"totalMessagePrice":0.00581}`, "end-user-messaging-sms-voice", false},
		{"End User Messaging voice", `{"eventType":"VOICE_ANSWERED","eventVersion":"1.0","eventTimestamp":1722282900000}`, "end-user-messaging-sms-voice", false},
		{"SES event publishing", `{"eventType":"Delivery","mail":{"timestamp":"2016-10-19T23:20:52.240Z","messageId":"0102"},"delivery":{"processingTimeMillis":546}}`, "ses-event-publishing", false},
		{"SES rendering failure", `{"eventType":"Rendering Failure","mail":{},"failure":{"errorMessage":"x","templateName":"t"}}`, "ses-event-publishing", false},
		{"2018 SMS", `{"account_id":"1","event_type":"_SMS.SUCCESS","arrival_timestamp":1,"timestamp":1,"timestamp_created":"1","application_key":"k","unique_id":"u","attributes":{}}`, "pinpoint-2018-sms", true},
		{"Mobile Analytics export", `{"application_key":"k","event_type":"_session.start","timestamp":1,"arrival_timestamp":1,"unique_id":"u"}`, "mobile-analytics-export", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := anyevent.Decode([]byte(tc.record))
			var legacy *anyevent.LegacyFormatError
			var foreign *anyevent.ForeignEventError
			switch {
			case tc.legacy && errors.As(err, &legacy) && legacy.Format == tc.format:
			case !tc.legacy && errors.As(err, &foreign) && foreign.Format == tc.format:
			default:
				t.Fatalf("err = %v (%T), want format %s", err, err, tc.format)
			}
		})
	}
	var missing *anyevent.MissingVersionError
	if _, err := anyevent.Decode([]byte(`{"event_type":"_campaign.send"}`)); !errors.As(err, &missing) {
		t.Errorf("an object of no known layout: %v", err)
	}
	var syntax *anyevent.SyntaxError
	if _, err := anyevent.Decode([]byte(`{"eventType":"Delivery","mail":{}`)); !errors.As(err, &syntax) {
		t.Errorf("malformed: %v", err)
	}
}

func TestRouting(t *testing.T) {
	for _, tc := range []struct {
		record, want string
	}{
		{`{"event_version":"3.1","event_type":"pageView"}`, "*v3p1.AppEvent"},
		{`{"event_version":"3.1","event_type":"_test.event"}`, "*v3p1.AppEvent"},
		{`{"event_version":"3.1","event_type":"_session.start"}`, "*v3p1.AppSessionEvent"},
		{`{"event_version":"3.1","event_type":"_email.delivery_delay"}`, `event_version "3.1" has no event type "_email.delivery_delay"`},
		{`{"event_version":"3.1","event_type":"_SMS.RECEIVED"}`, `event_version "3.1" has no event type "_SMS.RECEIVED"`},
		{`{"event_version":"3.0","event_type":"_session.stop"}`, "*v3p0.AppEvent"},
		{`{"event_version":"3.2","event_type":"_session.stop"}`, `unknown event_version "3.2": this module knows versions ["3.0" "3.1"]`},
		{`{"event_version":3.1,"event_type":"_session.stop"}`, `event_version is 3.1, not a string such as "3.1"`},
		{`{"event_version":"3.1"}`, `event_version "3.1": no event_type member`},
		{`{"event_version":"3.1","event_type":null}`, `event_version "3.1": event_type is null, not a string`},
		{`[{"event_version":"3.1"}]`, `an event is a JSON object, not an array`},
	} {
		ev, err := anyevent.Decode([]byte(tc.record))
		got := ""
		if err != nil {
			var ce *anyevent.ConstError
			if !errors.As(err, &ce) {
				got = err.Error()
			}
		}
		if got == "" {
			got = typeName(ev)
		}
		if got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.record, got, tc.want)
		}
	}
}

func typeName(v any) string {
	return fmt.Sprintf("%T", v)
}

const successorsDir = "../../testdata/successors" // AWS samples of the producers that succeed Pinpoint

// The records of Pinpoint's successors, bare and in their envelopes, are
// named as foreign records with their producer and envelope, never reported
// as records without event_version (issue 10, item 22).
func TestSuccessorRecordsAreNamed(t *testing.T) {
	const (
		eum        = "AWS End User Messaging SMS and voice"
		ses        = "Amazon SES"
		eventBus   = "Amazon EventBridge event"
		sns        = "Amazon SNS notification"
		snsMessage = "Amazon SNS message"
	)
	cases := []struct {
		file, format, producer, envelope string
	}{
		{"cwlogs-lambda-event_java-events.json", "lambda-cloudwatch-logs-event", "", "AWS Lambda event from Amazon CloudWatch Logs"},
		{"cwlogs-lambda-event_truncated-data.json", "lambda-cloudwatch-logs-event", "", "AWS Lambda event from Amazon CloudWatch Logs"},
		{"cwlogs_java-events_decoded.json", "cloudwatch-logs-subscription", "", "Amazon CloudWatch Logs subscription payload"},
		{"cwlogs_kinesis-cloudtrail_decoded.json", "cloudwatch-logs-subscription", "", "Amazon CloudWatch Logs subscription payload"},
		{"cwlogs_lambda-cloudtrail_decoded.json", "cloudwatch-logs-subscription", "", "Amazon CloudWatch Logs subscription payload"},
		{"cwlogs_lambda-report_decoded.json", "cloudwatch-logs-subscription", "", "Amazon CloudWatch Logs subscription payload"},
		{"eventbridge-envelope_ec2.json", "eventbridge", "", eventBus},
		{"ses-notification_Bounce_no-dsn.json", "ses-notification", ses, ""},
		{"ses-notification_Bounce_with-dsn.json", "ses-notification", ses, ""},
		{"ses-notification_Complaint_no-feedback-report.json", "ses-notification", ses, ""},
		{"ses-notification_Complaint_with-feedback-report.json", "ses-notification", ses, ""},
		{"ses-notification_Delivery.json", "ses-notification", ses, ""},
		{"ses-notification_Delivery_2022-03-no-callerIdentity.json", "ses-notification", ses, ""},
		{"ses_Bounce.json", "ses-event-publishing", ses, ""},
		{"ses_Click.json", "ses-event-publishing", ses, ""},
		{"ses_Complaint.json", "ses-event-publishing", ses, ""},
		{"ses_Delivery.json", "ses-event-publishing", ses, ""},
		{"ses_DeliveryDelay.json", "ses-event-publishing", ses, ""},
		{"ses_Open.json", "ses-event-publishing", ses, ""},
		{"ses_Reject.json", "ses-event-publishing", ses, ""},
		{"ses_Rendering_Failure.json", "ses-event-publishing", ses, ""},
		{"ses_Send.json", "ses-event-publishing", ses, ""},
		{"ses_Subscription.json", "ses-event-publishing", ses, ""},
		{"smsv2-eventbridge_Registration-Status-Change.json", "eventbridge-sms-voice", eum, eventBus},
		{"smsv2-eventbridge_TEXT_DELIVERED.json", "eventbridge-sms-voice", eum, eventBus},
		{"smsv2-eventbridge_TEXT_SUCCESSFUL.json", "eventbridge-sms-voice", eum, eventBus},
		{"smsv2-eventbridge_TEXT_SUCCESSFUL_2024.json", "eventbridge-sms-voice", eum, eventBus},
		{"smsv2-eventbridge_TEXT_SUCCESSFUL_delivered-heading.json", "eventbridge-sms-voice", eum, eventBus},
		{"smsv2-eventbridge_VOICE_INITIATED.json", "eventbridge-sms-voice", eum, eventBus},
		{"smsv2-inbound_RCS_CONVERSATION_STARTED.json", "end-user-messaging-inbound", eum, ""},
		{"smsv2-inbound_RCS_SUGGESTION.json", "end-user-messaging-inbound", eum, ""},
		{"smsv2-inbound_RCS_TYPING.json", "end-user-messaging-inbound", eum, ""},
		{"smsv2-inbound_two-way-SMS.json", "end-user-messaging-inbound", eum, ""},
		{"smsv2_RCS_DELIVERED_1.0.json", "end-user-messaging-sms-voice", eum, ""},
		{"smsv2_RCS_DELIVERED_1.0_conversation.json", "end-user-messaging-sms-voice", eum, ""},
		{"smsv2_RCS_READ_1.0.json", "end-user-messaging-sms-voice", eum, ""},
		{"smsv2_TEXT_SUCCESSFUL_1.0.json", "end-user-messaging-sms-voice", eum, ""},
		{"smsv2_TEXT_SUCCESSFUL_1.0_earlier-isoCountryCode.json", "end-user-messaging-sms-voice", eum, ""},
		{"sns-envelope_MessageAttributes.json", "sns-body", "", snsMessage},
		{"sns-envelope_http_Notification.json", "sns-body", "", snsMessage},
		{"sns-envelope_http_SubscriptionConfirmation.json", "sns-body", "", snsMessage},
		{"sns-envelope_http_UnsubscribeConfirmation.json", "sns-body", "", snsMessage},
		{"sns-envelope_lambda.json", "lambda-sns-event", "", "AWS Lambda event from Amazon SNS"},
		{"sns-envelope_lambda_java-events.json", "lambda-sns-event", "", "AWS Lambda event from Amazon SNS"},
		{"sns-envelope_sqs_Notification.json", "sns-body", "", snsMessage},
		{"sns-envelope_sqs_Notification_raw-delivery-disabled.json", "sns-body", "", snsMessage},
		{"sqs-lambda-event_java-events.json", "lambda-sqs-event", "", "AWS Lambda event from Amazon SQS"},
	}
	listed := map[string]bool{}
	for _, tc := range cases {
		listed[tc.file] = true
		t.Run(tc.file, func(t *testing.T) {
			data, err := os.ReadFile(filepath.Join(successorsDir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			checkForeign(t, data, tc.format, tc.producer, tc.envelope)
		})
	}
	paths, err := filepath.Glob(filepath.Join(successorsDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range paths {
		if !listed[filepath.Base(p)] {
			t.Errorf("%s has no case here", p)
		}
	}

	// AWS shows no record in an SNS envelope; the documented wrapping puts
	// the record, as a JSON string, in Message.
	for _, tc := range []struct {
		file, format, producer string
	}{
		{"ses_Delivery.json", "sns-ses-event-publishing", ses},
		{"ses-notification_Bounce_with-dsn.json", "sns-ses-notification", ses},
		{"smsv2_TEXT_SUCCESSFUL_1.0.json", "sns-end-user-messaging-sms-voice", eum},
		{"smsv2-inbound_two-way-SMS.json", "sns-end-user-messaging-inbound", eum},
	} {
		t.Run("in SNS: "+tc.file, func(t *testing.T) {
			record, err := os.ReadFile(filepath.Join(successorsDir, tc.file))
			if err != nil {
				t.Fatal(err)
			}
			envelope, err := json.Marshal(map[string]string{
				"Type": "Notification", "MessageId": "22b80b92-fdea-4c2c-8f9d-bdfb0c7bf324",
				"TopicArn": "arn:aws:sns:us-west-2:123456789012:MyTopic", "Message": string(record),
				"Timestamp": "2012-05-02T00:54:06.655Z", "SignatureVersion": "1", "Signature": "EXAMPLE",
			})
			if err != nil {
				t.Fatal(err)
			}
			checkForeign(t, envelope, tc.format, tc.producer, sns)
		})
	}
}

// checkForeign asserts that Decode and ValidateJSON name data as a foreign
// record of the format, producer and envelope.
func checkForeign(t *testing.T, data []byte, format, producer, envelope string) {
	t.Helper()
	_, decodeErr := anyevent.Decode(data)
	validateErr := anyevent.ValidateJSON(data, anyevent.ValidateOptions{})
	for _, err := range []error{decodeErr, validateErr} {
		var foreign *anyevent.ForeignEventError
		if !errors.As(err, &foreign) {
			t.Fatalf("err = %v (%T), want a *ForeignEventError", err, err)
		}
		if foreign.Format != format || foreign.Producer != producer || foreign.Envelope != envelope {
			t.Errorf("format %q, producer %q, envelope %q; want %q, %q, %q", foreign.Format, foreign.Producer, foreign.Envelope, format, producer, envelope)
		}
		if strings.Contains(err.Error(), "event_version") {
			t.Errorf("the message speaks of event_version: %v", err)
		}
	}
}

// A record with camelCase eventVersion is never said to have no
// event_version, whatever else it has.
func TestCamelCaseEventVersionIsForeign(t *testing.T) {
	for _, record := range []string{
		`{"eventVersion":"1.0"}`,
		`{"eventVersion":"1.0","eventType":"CHAT_DELIVERED","eventTimestamp":1722282900000}`,
		`{"eventVersion":"2.0","messageId":"a1b2"}`,
		`{"eventVersion":1,"eventType":7}`,
	} {
		_, err := anyevent.Decode([]byte(record))
		var foreign *anyevent.ForeignEventError
		if !errors.As(err, &foreign) {
			t.Errorf("%s: err = %v (%T), want a *ForeignEventError", record, err, err)
			continue
		}
		if strings.Contains(err.Error(), "no event_version") {
			t.Errorf("%s: %v", record, err)
		}
	}
}

// _test.event_stream, the record Pinpoint writes when a stream is set up, is
// named as a non-event, whatever its event_version, and is never taken for an
// (invalid) app event (issue 10, item 21).
func TestStreamTestRecordIsNamed(t *testing.T) {
	for _, record := range []string{
		`{"event_type":"_test.event_stream","event_version":"3.1"}`,
		`{"event_version":"3.1","event_type":"_test.event_stream","event_timestamp":1591132374000,"arrival_timestamp":1591132374000,"application":{"app_id":"a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6","sdk":{}},"client":{"client_id":"c"},"device":{"platform":{}},"session":{},"attributes":{},"awsAccountId":"123456789012"}`,
		`{"event_type":"_test.event_stream","event_version":"3.0"}`,
		`{"event_type":"_test.event_stream","event_version":"9.9"}`,
		`{"event_type":"_test.event_stream","event_version":3.1}`,
		`{"event_type":"_test.event_stream"}`,
		// A later duplicate event_type counts, as with encoding/json.
		`{"event_type":"pageView","event_version":"3.1","event_type":"_test.event_stream"}`,
	} {
		_, decodeErr := anyevent.Decode([]byte(record))
		validateErr := anyevent.ValidateJSON([]byte(record), anyevent.ValidateOptions{})
		for _, err := range []error{decodeErr, validateErr} {
			var nonEvent *anyevent.NonEventRecordError
			if !errors.As(err, &nonEvent) || nonEvent.Format != "pinpoint-stream-test" || nonEvent.EventType != "_test.event_stream" {
				t.Errorf("%s: err = %v (%T), want a *NonEventRecordError", record, err, err)
			}
		}
	}
	// The version packages, which know nothing of the stream, do not take it
	// for an app event either.
	for _, tc := range []struct {
		name   string
		decode func([]byte) (anyevent.Event, error)
		record string
	}{
		{"v3p1", func(b []byte) (anyevent.Event, error) { return v3p1.Decode(b) }, `{"event_type":"_test.event_stream","event_version":"3.1"}`},
		{"v3p0", func(b []byte) (anyevent.Event, error) { return v3p0.Decode(b) }, `{"event_type":"_test.event_stream","event_version":"3.0"}`},
	} {
		ev, err := tc.decode([]byte(tc.record))
		var unknown *anyevent.UnknownEventTypeError
		if ev != nil || !errors.As(err, &unknown) {
			t.Errorf("%s.Decode = %T, %v; want an *UnknownEventTypeError", tc.name, ev, err)
		}
	}
	// Malformed JSON is reported as such first.
	var syntax *anyevent.SyntaxError
	if _, err := anyevent.Decode([]byte(`{"event_type":"_test.event_stream","event_version":"3.1",}`)); !errors.As(err, &syntax) {
		t.Errorf("malformed: %v (%T)", err, err)
	}
	// Other _test. names stay app events.
	if ev, err := anyevent.Decode([]byte(`{"event_version":"3.1","event_type":"_test.event_streams"}`)); err != nil {
		if _, ok := err.(*anyevent.ConstError); !ok {
			t.Errorf("_test.event_streams: %v", err)
		}
	} else if _, ok := ev.(*v3p1.AppEvent); !ok {
		t.Errorf("_test.event_streams: %T", ev)
	}
}
