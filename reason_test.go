package pinpointevents_test

import (
	"errors"
	"fmt"
	"io"
	"testing"

	pinpointevents "github.com/pinpoint-events/pinpoint-events"
	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint/v3p1"
)

// decodeErr returns the error Decode returns for record.
func decodeErr(record string) error {
	_, err := anyevent.Decode([]byte(record))
	return err
}

// validateErr returns the error Validate returns for record, which decodes.
func validateErr(record string) error {
	ev, err := anyevent.Decode([]byte(record))
	if err != nil {
		return fmt.Errorf("decode: %w", err)
	}
	return ev.Validate()
}

// constErr returns the error of a version package's decoder for a member
// that breaks a const.
func constErr() error {
	var ev v3p1.CampaignSendEvent
	return ev.UnmarshalJSON([]byte(`{"event_version":"3.1","event_type":"_email.send"}`))
}

// Every error a decoder or a validator returns is classified, bare or
// wrapped, and its dynamic type is the one declared in the root package, as
// users see it in go doc and %T.
func TestReasonOf(t *testing.T) {
	for _, tc := range []struct {
		name   string
		err    error
		want   pinpointevents.Reason
		goType string // %T; "" for errors of no type of this module
	}{
		{"syntax", decodeErr(`{"event_version":`), pinpointevents.ReasonSyntax, "*pinpointevents.SyntaxError"},
		{"not an object", decodeErr(`["event_version"]`), pinpointevents.ReasonNotAnObject, "*pinpointevents.NotAnObjectError"},
		{"missing version", decodeErr(`{"event_type":"_campaign.send"}`), pinpointevents.ReasonEventVersion, "*pinpointevents.MissingVersionError"},
		{"unknown version", decodeErr(`{"event_version":"9.9","event_type":"_campaign.send"}`), pinpointevents.ReasonEventVersion, "*pinpointevents.UnknownVersionError"},
		{"version not a string", decodeErr(`{"event_version":3.1,"event_type":"_campaign.send"}`), pinpointevents.ReasonEventVersion, "*pinpointevents.UnknownVersionError"},
		{"no event type", decodeErr(`{"event_version":"3.1"}`), pinpointevents.ReasonEventType, "*pinpointevents.UnknownEventTypeError"},
		{"legacy format", decodeErr(`{"application_key":"k","event_type":"_session.start","timestamp":1,"arrival_timestamp":1,"unique_id":"u"}`), pinpointevents.ReasonLegacyFormat, "*pinpointevents.LegacyFormatError"},
		{"foreign event", decodeErr(`{"eventType":"Delivery","mail":{"timestamp":"2016-10-19T23:20:52.240Z","messageId":"0102"},"delivery":{"processingTimeMillis":546}}`), pinpointevents.ReasonForeignEvent, "*pinpointevents.ForeignEventError"},
		{"non-event", decodeErr(`{"event_type":"_test.event_stream","event_version":"3.1"}`), pinpointevents.ReasonNonEvent, "*pinpointevents.NonEventRecordError"},
		{"const", constErr(), pinpointevents.ReasonSchema, "*pinpointevents.ConstError"},
		{"validation", validateErr(`{"event_version":"3.1","event_type":"_session.start"}`), pinpointevents.ReasonSchema, "*pinpointevents.ValidationError"},
		{"other", io.ErrUnexpectedEOF, pinpointevents.ReasonOther, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.goType != "" {
				if got := fmt.Sprintf("%T", tc.err); got != tc.goType {
					t.Errorf("%%T = %s, want %s (err %v)", got, tc.goType, tc.err)
				}
			}
			if got := pinpointevents.ReasonOf(tc.err); got != tc.want {
				t.Errorf("ReasonOf(%v) = %q, want %q", tc.err, got, tc.want)
			}
			wrapped := fmt.Errorf("record 7: %w", tc.err)
			if got := pinpointevents.ReasonOf(wrapped); got != tc.want {
				t.Errorf("ReasonOf(wrapped %v) = %q, want %q", tc.err, got, tc.want)
			}
			joined := errors.Join(errors.New("first"), tc.err)
			if got := pinpointevents.ReasonOf(joined); got != tc.want {
				t.Errorf("ReasonOf(joined %v) = %q, want %q", tc.err, got, tc.want)
			}
		})
	}
	if got := pinpointevents.ReasonOf(nil); got != pinpointevents.ReasonNone {
		t.Errorf("ReasonOf(nil) = %q, want ReasonNone", got)
	}
}

// The generated packages' names are aliases: a value of one is a value of
// the other, so errors.As with either type matches.
func TestGeneratedNamesAreAliases(t *testing.T) {
	err := decodeErr(`{"event_version":"9.9","event_type":"_campaign.send"}`)
	var viaDispatcher *anyevent.UnknownVersionError
	var viaRoot *pinpointevents.UnknownVersionError
	if !errors.As(err, &viaDispatcher) || !errors.As(err, &viaRoot) || viaDispatcher != viaRoot {
		t.Fatalf("errors.As with pinpoint and pinpointevents types: %v, %v", viaDispatcher, viaRoot)
	}
	var members v3p1.Members = pinpointevents.Members{{Name: "a", Value: []byte("1")}}
	if _, ok := members.Get("a"); !ok {
		t.Error("v3p1.Members lost its methods")
	}
}
