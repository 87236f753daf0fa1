package pinpoint_test

import (
	"errors"
	"fmt"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint"
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
			_, err := pinpoint.Decode([]byte(tc.record))
			var legacy *pinpoint.LegacyFormatError
			var foreign *pinpoint.ForeignEventError
			switch {
			case tc.legacy && errors.As(err, &legacy) && legacy.Format == tc.format:
			case !tc.legacy && errors.As(err, &foreign) && foreign.Format == tc.format:
			default:
				t.Fatalf("err = %v (%T), want format %s", err, err, tc.format)
			}
		})
	}
	var missing *pinpoint.MissingVersionError
	if _, err := pinpoint.Decode([]byte(`{"event_type":"_campaign.send"}`)); !errors.As(err, &missing) {
		t.Errorf("an object of no known layout: %v", err)
	}
	var syntax *pinpoint.SyntaxError
	if _, err := pinpoint.Decode([]byte(`{"eventType":"Delivery","mail":{}`)); !errors.As(err, &syntax) {
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
		ev, err := pinpoint.Decode([]byte(tc.record))
		got := ""
		if err != nil {
			var ce *pinpoint.ConstError
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
