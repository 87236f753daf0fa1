// This file is written by hand: eventgen only replaces or removes files that
// start with its "Code generated" header, so it leaves _test.go files like
// this one alone.

package v3p1_test

import (
	"errors"
	"fmt"
	"log"

	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint/v3p1"
)

// smsDelivered is an _SMS.SUCCESS event as Pinpoint writes it to a Kinesis
// stream.
const smsDelivered = `{
  "event_type": "_SMS.SUCCESS",
  "event_timestamp": 1553104954322,
  "arrival_timestamp": 1553104954064,
  "event_version": "3.1",
  "application": {"app_id": "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6", "sdk": {}},
  "client": {"client_id": "123456789012"},
  "device": {"platform": {}},
  "session": {},
  "attributes": {
    "sender_request_id": "565d4425-4b3a-11e9-b0a5-example",
    "destination_phone_number": "+14255550199",
    "record_status": "DELIVERED",
    "iso_country_code": "US",
    "number_of_message_parts": "1",
    "message_id": "1111-2222-3333",
    "message_type": "Transactional",
    "campaign_id": "52dc44b35c4742c98c5935269example"
  },
  "metrics": {"price_in_millicents_usd": 645.0},
  "awsAccountId": "123456789012"
}`

// Decode picks the Go type from the event's event_type; a type switch then
// reaches the typed fields.
func ExampleDecode() {
	ev, err := v3p1.Decode([]byte(smsDelivered))
	if err != nil {
		log.Fatal(err)
	}
	switch ev := ev.(type) {
	case *v3p1.SMSEvent:
		a := ev.Attributes
		fmt.Println(ev.EventType, "to", *a.DestinationPhoneNumber, "in", a.ISOCountryCode)
		fmt.Println("status:", a.RecordStatus, "known:", a.RecordStatus.Known())
		parts, _ := a.NumberOfMessageParts.Int64()
		fmt.Println("parts:", parts, "campaign:", *a.CampaignID)
		fmt.Println("sent at:", ev.EventTimestamp.Time())
	case *v3p1.EmailClickEvent:
		fmt.Println("clicked:", *ev.Facets.EmailChannel.MailEvent.Click.Link)
	default:
		fmt.Println("another family:", ev.Family())
	}
	if err := ev.Validate(); err != nil {
		log.Fatal(err)
	}
	fmt.Println("valid")
	// Output:
	// _SMS.SUCCESS to +14255550199 in US
	// status: DELIVERED known: true
	// parts: 1 campaign: 52dc44b35c4742c98c5935269example
	// sent at: 2019-03-20 18:02:34.322 +0000 UTC
	// valid
}

// When the event type is known in advance, decode straight into its Go type.
// Validate lists every way the event breaks its schema, sorted by JSON
// pointer.
func ExampleSMSEvent_UnmarshalJSON() {
	// An event without its application member, and whose AWS account ID
	// has eleven digits.
	data := []byte(`{
	  "event_type": "_SMS.FAILURE",
	  "event_timestamp": 1553104954322,
	  "arrival_timestamp": 1553104954064,
	  "event_version": "3.1",
	  "client": {"client_id": "123456789012"},
	  "device": {"platform": {}},
	  "session": {},
	  "attributes": {
	    "sender_request_id": "565d4425-4b3a-11e9-b0a5-example",
	    "message_id": "1111-2222-3333",
	    "record_status": "UNREACHABLE",
	    "iso_country_code": "US",
	    "number_of_message_parts": "1"
	  },
	  "awsAccountId": "12345678901"
	}`)
	var ev v3p1.SMSEvent
	if err := ev.UnmarshalJSON(data); err != nil {
		log.Fatal(err)
	}
	fmt.Println(ev.Type(), ev.Attributes.RecordStatus)

	var invalid *v3p1.ValidationError
	if err := ev.Validate(); errors.As(err, &invalid) {
		for _, v := range invalid.Violations {
			fmt.Printf("%s (%s)\n", v, v.Keyword)
		}
	}
	// Output:
	// _SMS.FAILURE UNREACHABLE
	// (root): missing required member "application" (required)
	// /awsAccountId: "12345678901" does not match the pattern ^[0-9]{12}$ (pattern)
}
