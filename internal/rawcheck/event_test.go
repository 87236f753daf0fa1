package rawcheck

import (
	"errors"
	"reflect"
	"testing"

	pinpointevents "github.com/pinpoint-events/pinpoint-events"
	"github.com/pinpoint-events/pinpoint-events/internal/codec"
	"github.com/pinpoint-events/pinpoint-events/internal/jsonvalue"
	"github.com/pinpoint-events/pinpoint-events/internal/validation"
)

// TestParseEventHead checks that ParseEvent reads the head codec.ReadFullHead
// reads, with the same errors, whether it takes the head from the parsed
// value or, for members that are not strings, from the bytes.
func TestParseEventHead(t *testing.T) {
	for _, in := range []string{
		`{"event_version":"3.1","event_type":"_email.send","x":[1,2]}`,
		`{"event_type":"a","event_version":"3.0","event_type":"b"}`, // the last duplicate wins
		`{"event_version":"3.1"}`,
		`{"event_type":"_x"}`,
		`{}`,
		`{"event_version":1,"event_version":"3.1","event_type":"a"}`,   // a string replaces a number
		`{"event_version":"3.1","event_version":1.0,"event_type":"a"}`, // a number replaces a string
		`{"event_version":3.10,"event_type":"a"}`,                      // quoted as written
		`{"event_version":"3.1","event_type":[1, 2]}`,                  // quoted as written
		`{"event_version":"3\u002e1","event_type":"\u005fx"}`,
		`{"eventVersion":"2.0","eventType":"SMS"}`,
		`[1]`,
		`"event"`,
		`{"event_version":"3.1",}`,
		`{"event_version":"3.1"} x`,
		`{"event_version":"3.1","event_type":"a","deep":[[[{"k":tru}]]]}`,
	} {
		_, got, gotErr := ParseEvent([]byte(in), "event_version", "event_type")
		want, wantErr := codec.ReadFullHead([]byte(in), "event_version", "event_type")
		if !reflect.DeepEqual(gotErr, wantErr) {
			t.Errorf("%s: error %v, ReadFullHead's %v", in, gotErr, wantErr)
			continue
		}
		if wantErr == nil && got != want {
			t.Errorf("%s: head %+v, ReadFullHead's %+v", in, got, want)
		}
	}
}

// TestValidate checks Validate's verdicts on values ParseEvent parsed.
func TestValidate(t *testing.T) {
	requireName := func(v *jsonvalue.Value, c *validation.Collector) { RequiredMembers(v, c, "name") }
	for _, tc := range []struct {
		in    string
		valid bool
	}{
		{`{"name":1}`, true},
		{`{"other":1}`, false},
		{`{"other":1,"name":null}`, true},
	} {
		v, _, err := ParseEvent([]byte(tc.in), "event_version", "event_type")
		if err != nil {
			t.Fatal(err)
		}
		err = Validate(&v, requireName, validation.Options{})
		var invalid *pinpointevents.ValidationError
		switch {
		case tc.valid && err != nil:
			t.Errorf("%s: %v", tc.in, err)
		case !tc.valid && !errors.As(err, &invalid):
			t.Errorf("%s: Validate = %v, want a *ValidationError", tc.in, err)
		}
	}
}
