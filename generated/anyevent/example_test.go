package anyevent_test

import (
	"errors"
	"fmt"
	"log"

	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint/v3p1"
)

// Decode an event of any version, look at its typed members, and validate it.
func Example() {
	data := []byte(`{
	  "event_type": "_campaign.send",
	  "event_timestamp": 1562109497426,
	  "arrival_timestamp": 1562109497494,
	  "event_version": "3.1",
	  "application": {"app_id": "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6", "sdk": {}},
	  "client": {"client_id": "d8dcf7c5-e81a-48ae-8313-f540cexample"},
	  "device": {"platform": {}},
	  "session": {},
	  "attributes": {
	    "treatment_id": "0",
	    "campaign_activity_id": "5473285727f04865bc673e527example",
	    "delivery_type": "GCM",
	    "campaign_send_status": "SUCCESS"
	  },
	  "client_context": {"custom": {"endpoint": "{\"ChannelType\":\"GCM\",\"EndpointStatus\":\"ACTIVE\",\"OptOut\":\"NONE\"}"}},
	  "awsAccountId": "123456789012"
	}`)

	ev, err := anyevent.Decode(data)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(ev.Family(), ev.Type(), ev.Version(), ev.EventTime().Format("2006-01-02 15:04:05"))

	if send, ok := ev.(*v3p1.CampaignSendEvent); ok {
		fmt.Println("status:", send.Attributes.CampaignSendStatus, send.Attributes.CampaignSendStatus == v3p1.CampaignSendStatusSuccess)
		endpoint, err := send.ClientContext.Custom.Endpoint.Decode()
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("channel:", *endpoint.ChannelType)
	}

	// The sample lacks attributes.campaign_id, which the schema requires.
	var invalid *anyevent.ValidationError
	if err := ev.Validate(); errors.As(err, &invalid) {
		for _, v := range invalid.Violations {
			fmt.Printf("%s %s: %s\n", v.Pointer, v.Keyword, v.Message)
		}
	}
	// Output:
	// campaign _campaign.send 3.1 2019-07-02 23:18:17
	// status: SUCCESS true
	// channel: GCM
	// /attributes required: missing required member "campaign_id"
}

// The endpoint object of app and engagement events is decoded on first
// access: Get decodes it once; DecodeOptions{Eager: true} decodes it with
// the event.
func Example_endpoint() {
	data := []byte(`{
	  "event_type": "_session.start",
	  "event_timestamp": 1700000000000,
	  "arrival_timestamp": 1700000000900,
	  "event_version": "3.1",
	  "application": {"app_id": "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6", "sdk": {}},
	  "client": {"client_id": "m3n4o5p6-a1b2-c3d4-e5f6-000000000001"},
	  "device": {"platform": {"name": "android"}},
	  "session": {"session_id": "f549dea9-1090-945d-c3d1-e4967example", "start_timestamp": 1700000000000},
	  "attributes": {},
	  "endpoint": {"ChannelType": "GCM", "OptOut": "NONE", "Demographic": {"Platform": "android"}},
	  "awsAccountId": "123456789012"
	}`)

	ev, err := anyevent.Decode(data)
	if err != nil {
		log.Fatal(err)
	}
	if session, ok := ev.(*v3p1.AppSessionEvent); ok && session.Endpoint.Present() {
		endpoint := session.Endpoint.Get() // decoded here, once
		fmt.Println(*endpoint.ChannelType, *endpoint.Demographic.Platform)
	}
	// Output:
	// GCM android
}
