package v3p1

// This file is written by hand: eventgen leaves _test.go files alone.

import (
	"encoding/json"
	"errors"
	"os"
	"testing"
)

// The ten email event types share EmailEvent and differ in what they
// narrow: event_type, and the detail member their mail event requires.
var emailTypes = []struct {
	eventType string
	detail    string // the member the mail event must carry, "" for none
	new       func() Event
}{
	{"_email.send", "send", func() Event { return new(EmailSendEvent) }},
	{"_email.delivered", "delivery", func() Event { return new(EmailDeliveredEvent) }},
	{"_email.rejected", "", func() Event { return new(EmailRejectedEvent) }},
	{"_email.hardbounce", "", func() Event { return new(EmailHardBounceEvent) }},
	{"_email.softbounce", "", func() Event { return new(EmailSoftBounceEvent) }},
	{"_email.complaint", "", func() Event { return new(EmailComplaintEvent) }},
	{"_email.open", "open", func() Event { return new(EmailOpenEvent) }},
	{"_email.click", "click", func() Event { return new(EmailClickEvent) }},
	{"_email.unsubscribe", "", func() Event { return new(EmailUnsubscribeEvent) }},
	{"_email.rendering_failure", "", func() Event { return new(EmailRenderingFailureEvent) }},
}

// emailEvent returns the open sample turned into an event of eventType
// whose mail event holds mail and, unless detail is "", detail set to
// value.
func emailEvent(t *testing.T, eventType, detail string, value any) []byte {
	t.Helper()
	data, err := os.ReadFile("../../../testdata/samples/email_open_3.1.json")
	if err != nil {
		t.Fatal(err)
	}
	var ev map[string]any
	if err := json.Unmarshal(data, &ev); err != nil {
		t.Fatal(err)
	}
	ev["event_type"] = eventType
	mailEvent := ev["facets"].(map[string]any)["email_channel"].(map[string]any)["mail_event"].(map[string]any)
	delete(mailEvent, "open")
	if detail != "" {
		mailEvent[detail] = value
	}
	out, err := json.Marshal(ev)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

func violations(err error, pointer, keyword string) int {
	var ve *ValidationError
	if !errors.As(err, &ve) {
		return 0
	}
	n := 0
	for _, v := range ve.Violations {
		if v.Pointer == pointer && v.Keyword == keyword {
			n++
		}
	}
	return n
}

// Each type decodes an event of another email type, and reports its
// event_type as a *ConstError at /event_type.
func TestEmailTypeRejectsAnotherType(t *testing.T) {
	for i, typ := range emailTypes {
		other := emailTypes[(i+1)%len(emailTypes)]
		data := emailEvent(t, other.eventType, other.detail, map[string]any{})
		ev := typ.new()
		err := ev.UnmarshalJSON(data)
		var ce *ConstError
		if !errors.As(err, &ce) || ce.Pointer != "/event_type" || ce.Got != `"`+other.eventType+`"` || ce.Want != `"`+typ.eventType+`"` {
			t.Errorf("%T decoding %s: err = %v, want a *ConstError at /event_type", ev, other.eventType, err)
		}
		if ev.Type() != other.eventType || ev.Family() != "email" {
			t.Errorf("%T: decoded Type() %q, Family() %q", ev, ev.Type(), ev.Family())
		}
		if n := violations(ev.Validate(), "/event_type", "const"); n != 1 {
			t.Errorf("%T: %d const violations at /event_type, want 1", ev, n)
		}
	}
}

// A type whose mail event requires a detail member reports its absence
// at the mail event; a member present with a value of the wrong type is
// not missing: it is reported where it stands.
func TestEmailTypeRequiresItsDetail(t *testing.T) {
	const mailEvent = "/facets/email_channel/mail_event"
	for _, typ := range emailTypes {
		ev := typ.new()
		data := emailEvent(t, typ.eventType, "", nil)
		if err := ev.UnmarshalJSON(data); err != nil {
			t.Fatalf("%T: %v", ev, err)
		}
		want := 0
		if typ.detail != "" {
			want = 1
		}
		if n := violations(ev.Validate(), mailEvent, "required"); n != want {
			t.Errorf("%T without %q: %d required violations at %s, want %d: %v", ev, typ.detail, n, mailEvent, want, ev.Validate())
		}
		// The raw validator applies the refinement from the schema.
		if n := violations(ValidateJSON(data, ValidateOptions{}), mailEvent, "required"); n != want {
			t.Errorf("ValidateJSON of %s without %q: %d required violations at %s, want %d", typ.eventType, typ.detail, n, mailEvent, want)
		}
		if typ.detail == "" {
			continue
		}
		if err := ev.UnmarshalJSON(emailEvent(t, typ.eventType, typ.detail, 5)); err != nil {
			t.Fatalf("%T: %v", ev, err)
		}
		err := ev.Validate()
		if violations(err, mailEvent, "required") != 0 || violations(err, mailEvent+"/"+typ.detail, "type") != 1 {
			t.Errorf("%T with %q: 5: %v", ev, typ.detail, err)
		}
	}
}

// Fields and methods of EmailEvent are promoted: the paths users write
// are the same for every type.
func TestEmailTypeEmbedsEmailEvent(t *testing.T) {
	var ev EmailOpenEvent
	if err := ev.UnmarshalJSON(emailEvent(t, "_email.open", "open", map[string]any{"user_agent": "UA"})); err != nil {
		t.Fatal(err)
	}
	if ev.Facets.EmailChannel.MailEvent.Open == nil || *ev.Facets.EmailChannel.MailEvent.Open.UserAgent != "UA" || ev.Facets.EmailChannel.MailEvent.Mail == nil {
		t.Fatalf("mail event: %+v", ev.Facets.EmailChannel.MailEvent)
	}
	if err := ev.Validate(); err != nil {
		t.Error(err)
	}
	out, err := ev.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	var again EmailOpenEvent
	if err := again.UnmarshalJSON(out); err != nil {
		t.Fatal(err)
	}
	if back, _ := again.MarshalJSON(); string(back) != string(out) {
		t.Errorf("round trip differs:\n%s\n%s", out, back)
	}
}
