// This file is written by hand: eventgen leaves _test.go files alone.

package v3p1_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint/v3p1"
)

// sample is an event of testdata both decoded and read as plain JSON, to
// compare each accessor with the member it returns.
type sample struct {
	name string
	ev   v3p1.Event
	raw  map[string]any
}

func loadSamples(t *testing.T) []sample {
	t.Helper()
	var out []sample
	for _, dir := range []string{"../../../testdata/samples", "../../../testdata/synthetic"} {
		names, err := filepath.Glob(filepath.Join(dir, "*_3.1*.json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range names {
			data, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, decodeSample(t, filepath.Base(name), data))
		}
	}
	if len(out) < 20 {
		t.Fatalf("%d samples: testdata moved?", len(out))
	}
	return out
}

func decodeSample(t *testing.T, name string, data []byte) sample {
	t.Helper()
	ev, err := v3p1.Decode(data)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return sample{name, ev, raw}
}

// member follows a path of member names through raw JSON; "" when absent.
func member(v any, path ...string) any {
	for _, name := range path {
		obj, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = obj[name]
	}
	return v
}

func str(v any) string {
	s, _ := v.(string)
	return s
}

func TestMessageAccessors(t *testing.T) {
	for _, s := range loadSamples(t) {
		t.Run(s.name, func(t *testing.T) {
			typ := s.ev.Type()
			wantMessage := typ == "_campaign.send" || typ == "_journey.send" || strings.HasPrefix(typ, "_SMS.") || strings.HasPrefix(typ, "_email.")
			m, ok := s.ev.(v3p1.Message)
			if ok != wantMessage {
				t.Fatalf("%T implements Message: %v, want %v", s.ev, ok, wantMessage)
			}
			if !ok {
				return
			}
			for _, c := range []struct {
				method    string
				got, want string
			}{
				{"ApplicationID", m.ApplicationID(), str(member(s.raw, "application", "app_id"))},
				{"EndpointID", m.EndpointID(), str(member(s.raw, "client", "client_id"))},
				{"CampaignID", m.CampaignID(), str(member(s.raw, "attributes", "campaign_id"))},
				{"JourneyID", m.JourneyID(), str(member(s.raw, "attributes", "journey_id"))},
			} {
				if c.got != c.want {
					t.Errorf("%s() = %q, want %q", c.method, c.got, c.want)
				}
			}
			if m.ApplicationID() == "" || m.EndpointID() == "" {
				t.Errorf("ApplicationID() = %q, EndpointID() = %q: every sample has both", m.ApplicationID(), m.EndpointID())
			}
		})
	}
}

func TestEmailMessageAccessors(t *testing.T) {
	emails := 0
	for _, s := range loadSamples(t) {
		t.Run(s.name, func(t *testing.T) {
			m, ok := s.ev.(v3p1.EmailMessage)
			if want := strings.HasPrefix(s.ev.Type(), "_email."); ok != want {
				t.Fatalf("%T implements EmailMessage: %v, want %v", s.ev, ok, want)
			}
			if !ok {
				return
			}
			emails++
			mail := member(s.raw, "facets", "email_channel", "mail_event", "mail")
			if got, want := m.Mail().MessageID, str(member(mail, "message_id")); got != want || got == "" {
				t.Errorf("Mail().MessageID = %q, want %q", got, want)
			}
			if got, want := m.EmailAttributes().Feedback, str(member(s.raw, "attributes", "feedback")); got != want {
				t.Errorf("EmailAttributes().Feedback = %q, want %q", got, want)
			}
			// The accessors return the event's own members, not copies.
			attrs := reflect.ValueOf(s.ev).Elem().FieldByName("Attributes").Addr().Interface()
			if attrs != m.EmailAttributes() {
				t.Errorf("EmailAttributes() does not point at the event's Attributes")
			}
			m.Mail().MessageID = "changed"
			if got := m.Mail().MessageID; got != "changed" {
				t.Errorf("Mail() returned a copy: a change made through it reads back as %q", got)
			}
		})
	}
	if emails != 10 {
		t.Errorf("%d email samples, want one of each of the ten types", emails)
	}
}

// A rendering failure may come without the mail: Mail is nil then.
func TestEmailMessageWithoutMail(t *testing.T) {
	data, err := os.ReadFile("../../../testdata/synthetic/email_rendering_failure_3.1.json")
	if err != nil {
		t.Fatal(err)
	}
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	delete(member(raw, "facets", "email_channel", "mail_event").(map[string]any), "mail")
	if data, err = json.Marshal(raw); err != nil {
		t.Fatal(err)
	}
	s := decodeSample(t, "no mail", data)
	if mail := s.ev.(v3p1.EmailMessage).Mail(); mail != nil {
		t.Errorf("Mail() = %+v, want nil", mail)
	}
}
