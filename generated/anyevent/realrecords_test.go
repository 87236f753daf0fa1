package anyevent_test

import (
	"bytes"
	"errors"
	"strings"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint/v3p1"
)

// A real 2020 _SMS.FAILURE has no destination_phone_number and no
// message_type, a free-text record_status and iso_country_code "XX" (issue
// 10, item 19). The schema takes it, but still rejects members of the wrong
// JSON type.
func TestSMSFailureOfA2020Record(t *testing.T) {
	const file = "synthetic/sms_SMS.FAILURE_no_phone_number_2020_3.1.json"
	data := readSample(t, file)
	ev, err := anyevent.Decode(data)
	if err != nil {
		t.Fatal(err)
	}
	sms := ev.(*v3p1.SMSEvent)
	if err := sms.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	if sms.Attributes.DestinationPhoneNumber != nil || sms.Attributes.MessageType != nil {
		t.Errorf("absent members decoded as present: %+v", sms.Attributes)
	}
	if sms.Attributes.RecordStatus.Known() || sms.Attributes.ISOCountryCode != "XX" {
		t.Errorf("record_status %q (known %v), iso_country_code %q", sms.Attributes.RecordStatus, sms.Attributes.RecordStatus.Known(), sms.Attributes.ISOCountryCode)
	}

	for _, tc := range []struct {
		name, from, to, pointer string
	}{
		{"record_status a number", `"record_status": "Failed to send because phoneNumber provided is empty or null."`, `"record_status": 5`, "/attributes/record_status"},
		{"record_status null", `"record_status": "Failed to send because phoneNumber provided is empty or null."`, `"record_status": null`, "/attributes/record_status"},
		{"iso_country_code null", `"iso_country_code": "XX"`, `"iso_country_code": null`, "/attributes/iso_country_code"},
		{"iso_country_code an array", `"iso_country_code": "XX"`, `"iso_country_code": ["XX"]`, "/attributes/iso_country_code"},
		{"message_type a number", `"number_of_message_parts": "1",`, `"number_of_message_parts": "1", "message_type": 1,`, "/attributes/message_type"},
		{"destination_phone_number null", `"number_of_message_parts": "1",`, `"number_of_message_parts": "1", "destination_phone_number": null,`, "/attributes/destination_phone_number"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !bytes.Contains(data, []byte(tc.from)) {
				t.Fatalf("the sample has no %s", tc.from)
			}
			bad := bytes.Replace(data, []byte(tc.from), []byte(tc.to), 1)
			err := anyevent.ValidateJSON(bad, anyevent.ValidateOptions{})
			var verr *anyevent.ValidationError
			if !errors.As(err, &verr) {
				t.Fatalf("ValidateJSON = %v, want a *ValidationError", err)
			}
			if len(verr.Violations) != 1 || verr.Violations[0].Pointer != tc.pointer || verr.Violations[0].Keyword != "type" {
				t.Errorf("violations %v, want one type violation at %s", verr.Violations, tc.pointer)
			}
		})
	}
}

// Real records carry attributes.campaign_type (null) on _campaign.send and
// attributes.tags (null) on _email.* events (issue 10, item 20): they decode
// into typed fields, not Rest, and encode writes them back as they were.
func TestNullAttributesOfRealRecordsAreTyped(t *testing.T) {
	for _, tc := range []struct {
		file   string
		member string
		field  func(anyevent.Event) (*anyevent.Nullable[string], anyevent.Members)
	}{
		{"synthetic/campaign_send_unknown_status_null_attribute_3.1.json", "campaign_type", func(ev anyevent.Event) (*anyevent.Nullable[string], anyevent.Members) {
			a := ev.(*v3p1.CampaignSendEvent).Attributes
			return a.CampaignType, a.Rest
		}},
		{"synthetic/email_complaint_3.1.json", "tags", func(ev anyevent.Event) (*anyevent.Nullable[string], anyevent.Members) {
			a := ev.(*v3p1.EmailComplaintEvent).Attributes
			return a.Tags, a.Rest
		}},
		{"synthetic/email_hardbounce_3.1.json", "tags", func(ev anyevent.Event) (*anyevent.Nullable[string], anyevent.Members) {
			a := ev.(*v3p1.EmailHardBounceEvent).Attributes
			return a.Tags, a.Rest
		}},
	} {
		t.Run(tc.file, func(t *testing.T) {
			data := readSample(t, tc.file)
			if !bytes.Contains(data, []byte(`"`+tc.member+`": null`)) {
				t.Fatalf("the sample has no null %s", tc.member)
			}
			ev, err := anyevent.Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			field, rest := tc.field(ev)
			if field == nil || field.Valid {
				t.Errorf("%s = %+v, want present and null", tc.member, field)
			}
			if rest.Has(tc.member) {
				t.Errorf("%s is kept in Rest: %v", tc.member, rest)
			}
			out, err := ev.AppendJSON(nil)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(string(out), `"`+tc.member+`":null`) || !jsonEqual(t, data, out) {
				t.Errorf("encoded:\n%s", out)
			}

			// A string value (none seen yet) is typed as well.
			withString := bytes.Replace(data, []byte(`"`+tc.member+`": null`), []byte(`"`+tc.member+`": "x"`), 1)
			ev, err = anyevent.Decode(withString)
			if err != nil {
				t.Fatal(err)
			}
			if field, _ := tc.field(ev); field == nil || !field.Valid || field.Value != "x" {
				t.Errorf("%s = %+v, want \"x\"", tc.member, field)
			}
			if err := ev.Validate(); err != nil {
				t.Errorf("Validate: %v", err)
			}
		})
	}
}
