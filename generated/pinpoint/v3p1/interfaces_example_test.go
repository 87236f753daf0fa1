// This file is written by hand: eventgen leaves _test.go files alone.

package v3p1_test

import (
	"fmt"
	"log"
	"maps"
	"os"
	"path/filepath"
	"slices"

	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint/v3p1"
)

// readSamples decodes the version 3.1 events of testdata: AWS's samples
// and the synthetic ones written for the event types AWS shows none of.
func readSamples() []v3p1.Event {
	var names []string
	for _, dir := range []string{"../../../testdata/samples", "../../../testdata/synthetic"} {
		found, err := filepath.Glob(filepath.Join(dir, "*_3.1*.json"))
		if err != nil {
			log.Fatal(err)
		}
		names = append(names, found...)
	}
	var events []v3p1.Event
	for _, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			log.Fatal(err)
		}
		ev, err := v3p1.Decode(data)
		if err != nil {
			log.Fatal(name, ": ", err)
		}
		events = append(events, ev)
	}
	return events
}

// Message reaches what campaign and journey sends, SMS and email events
// share, whatever their Go type: here, messages are counted per campaign
// and per journey without a case per event type. App events and the push
// engagement the SDKs report are not messages.
func ExampleMessage() {
	perCampaign, perJourney := map[string]int{}, map[string]int{}
	transactional, other := 0, 0
	for _, ev := range readSamples() {
		m, ok := ev.(v3p1.Message)
		switch {
		case !ok:
			other++
		case m.CampaignID() != "":
			perCampaign[m.CampaignID()]++
		case m.JourneyID() != "":
			perJourney[m.JourneyID()]++
		default:
			transactional++
		}
	}
	for _, id := range slices.Sorted(maps.Keys(perCampaign)) {
		fmt.Println("campaign", id, perCampaign[id])
	}
	for _, id := range slices.Sorted(maps.Keys(perJourney)) {
		fmt.Println("journey", id, perJourney[id])
	}
	fmt.Println("transactional", transactional)
	fmt.Println("not messages", other)
	// Output:
	// campaign 4f8d6097c2e8400fa3081d875example 7
	// campaign 52dc44b35c4742c98c5935269example 1
	// journey 546401670c5547b08811ac6a9example 6
	// transactional 6
	// not messages 7
}

// EmailMessage reaches the mail and the attributes of every email event,
// whichever of the ten types it is.
func ExampleEmailMessage() {
	for _, ev := range readSamples() {
		if m, ok := ev.(v3p1.EmailMessage); ok && m.Type() == "_email.click" {
			fmt.Println(m.Type(), m.Mail().MessageID)
			fmt.Println("link:", m.EmailAttributes().Feedback)
		}
	}
	// Output:
	// _email.click 0200000073rnbmd1-mbvdg3uo-q8ia-m3ku-ibd3-ms77kexample-000000
	// link: https://aws.amazon.com/pinpoint/
}
