package pinpointevents_test

import (
	"fmt"

	pinpointevents "github.com/pinpoint-events/pinpoint-events"
	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
)

// Count records by why they did not decode, with one word per kind where
// the messages vary from record to record.
func ExampleReasonOf() {
	records := []string{
		`{"event_version":"3.1","event_type":"_session.start"`,
		`{"event_version":"9.9","event_type":"_session.start"}`,
		`{"event_type":"_test.event_stream","event_version":"3.1"}`,
		`{"eventType":"Delivery","mail":{"messageId":"0102"},"delivery":{}}`,
	}
	for _, r := range records {
		_, err := anyevent.Decode([]byte(r))
		fmt.Printf("%s: %T\n", pinpointevents.ReasonOf(err), err)
	}
	// Output:
	// syntax: *pinpointevents.SyntaxError
	// event-version: *pinpointevents.UnknownVersionError
	// non-event: *pinpointevents.NonEventRecordError
	// foreign-event: *pinpointevents.ForeignEventError
}
