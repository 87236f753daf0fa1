package pinpointevents

import (
	"errors"
	"fmt"
	"testing"
)

// The messages are what the CLI prints and what Lambda handlers log, so each
// is pinned exactly.
func TestErrorMessages(t *testing.T) {
	tests := []struct {
		name string
		err  error
		want string
	}{
		{
			"unknown version",
			&UnknownVersionError{Version: "4.0", IsString: true, Known: []string{"3.0", "3.1"}},
			`unknown event_version "4.0": this module knows versions ["3.0" "3.1"]`,
		},
		{
			"version that is not a string names the newest known version",
			&UnknownVersionError{Version: "3.1", IsString: false, Known: []string{"3.0", "3.1"}},
			`event_version is 3.1, not a string such as "3.1"`,
		},
		{
			"version that is null",
			&UnknownVersionError{Version: "null", Known: []string{"3.1"}},
			`event_version is null, not a string such as "3.1"`,
		},
		{
			"missing version",
			&MissingVersionError{},
			"no event_version member: not a Pinpoint event of a known layout",
		},
		{
			"unknown event type",
			&UnknownEventTypeError{Version: "3.1", EventType: "_email.bogus"},
			`event_version "3.1" has no event type "_email.bogus"`,
		},
		{
			"no event_type member",
			&UnknownEventTypeError{Version: "3.1", Missing: true},
			`event_version "3.1": no event_type member`,
		},
		{
			"event_type that is not a string",
			&UnknownEventTypeError{Version: "3.1", EventType: "42", Missing: true},
			`event_version "3.1": event_type is 42, not a string`,
		},
		{"array", &NotAnObjectError{Kind: "array"}, "an event is a JSON object, not an array"},
		{"string", &NotAnObjectError{Kind: "string"}, "an event is a JSON object, not a string"},
		{"number", &NotAnObjectError{Kind: "number"}, "an event is a JSON object, not a number"},
		{"null", &NotAnObjectError{Kind: "null"}, "an event is a JSON object, not a null"},
		{"boolean", &NotAnObjectError{Kind: "boolean"}, "an event is a JSON object, not a boolean"},
		{
			"const",
			&ConstError{Pointer: "/event_version", Got: `"3.0"`, Want: `"3.1"`},
			`/event_version: "3.0" must be "3.1"`,
		},
		{
			"legacy format",
			&LegacyFormatError{Format: "mobile-analytics-export", Title: "the Amazon Mobile Analytics export layout"},
			"not a Pinpoint 3.x event: the record has the Amazon Mobile Analytics export layout (format mobile-analytics-export), which has no event_version",
		},
		{
			"foreign event",
			&ForeignEventError{Format: "ses-event-publishing", Title: "an Amazon SES event publishing record", Producer: "Amazon SES"},
			"not a Pinpoint event: the record is an Amazon SES event publishing record (format ses-event-publishing)",
		},
		{
			"foreign event in an envelope: the envelope is a field, not part of the message",
			&ForeignEventError{Format: "eventbridge-sms-voice", Title: "an End User Messaging SMS event in an EventBridge event", Envelope: "Amazon EventBridge event"},
			"not a Pinpoint event: the record is an End User Messaging SMS event in an EventBridge event (format eventbridge-sms-voice)",
		},
		{
			"non-event record",
			&NonEventRecordError{Format: "pinpoint-stream-test", Title: "the test record Pinpoint writes when a stream is set up", EventType: "_test.event_stream"},
			`not an event: the record is the test record Pinpoint writes when a stream is set up (event_type "_test.event_stream", format pinpoint-stream-test)`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q\nwant      %q", got, tt.want)
			}
		})
	}
}

// Programs sort records by error type with errors.As, usually through the
// wrapping a caller adds (a file name, a record number); the fields must
// survive it.
func TestErrorsAsThroughWrapping(t *testing.T) {
	wrap := func(err error) error {
		return fmt.Errorf("events.json: record 7: %w", fmt.Errorf("decode: %w", err))
	}
	t.Run("UnknownVersionError", func(t *testing.T) {
		var target *UnknownVersionError
		if !errors.As(wrap(&UnknownVersionError{Version: "4.0", IsString: true, Known: []string{"3.1"}}), &target) {
			t.Fatal("errors.As found no *UnknownVersionError")
		}
		if target.Version != "4.0" || !target.IsString || len(target.Known) != 1 {
			t.Errorf("fields lost: %+v", target)
		}
	})
	t.Run("MissingVersionError", func(t *testing.T) {
		var target *MissingVersionError
		if !errors.As(wrap(&MissingVersionError{}), &target) {
			t.Fatal("errors.As found no *MissingVersionError")
		}
	})
	t.Run("UnknownEventTypeError", func(t *testing.T) {
		var target *UnknownEventTypeError
		if !errors.As(wrap(&UnknownEventTypeError{Version: "3.1", EventType: "x", Missing: true}), &target) {
			t.Fatal("errors.As found no *UnknownEventTypeError")
		}
		if target.Version != "3.1" || target.EventType != "x" || !target.Missing {
			t.Errorf("fields lost: %+v", target)
		}
	})
	t.Run("NotAnObjectError", func(t *testing.T) {
		var target *NotAnObjectError
		if !errors.As(wrap(&NotAnObjectError{Kind: "array"}), &target) {
			t.Fatal("errors.As found no *NotAnObjectError")
		}
		if target.Kind != "array" {
			t.Errorf("fields lost: %+v", target)
		}
	})
	t.Run("ConstError", func(t *testing.T) {
		var target *ConstError
		if !errors.As(wrap(&ConstError{Pointer: "/p", Got: "1", Want: "2"}), &target) {
			t.Fatal("errors.As found no *ConstError")
		}
		if target.Pointer != "/p" || target.Got != "1" || target.Want != "2" {
			t.Errorf("fields lost: %+v", target)
		}
	})
	t.Run("LegacyFormatError", func(t *testing.T) {
		var target *LegacyFormatError
		if !errors.As(wrap(&LegacyFormatError{Format: "f", Title: "t"}), &target) {
			t.Fatal("errors.As found no *LegacyFormatError")
		}
		if target.Format != "f" || target.Title != "t" {
			t.Errorf("fields lost: %+v", target)
		}
	})
	t.Run("ForeignEventError", func(t *testing.T) {
		var target *ForeignEventError
		if !errors.As(wrap(&ForeignEventError{Format: "f", Title: "t", Producer: "p", Envelope: "e"}), &target) {
			t.Fatal("errors.As found no *ForeignEventError")
		}
		if *target != (ForeignEventError{Format: "f", Title: "t", Producer: "p", Envelope: "e"}) {
			t.Errorf("fields lost: %+v", target)
		}
	})
	t.Run("NonEventRecordError", func(t *testing.T) {
		var target *NonEventRecordError
		if !errors.As(wrap(&NonEventRecordError{Format: "f", Title: "t", EventType: "_test.event_stream"}), &target) {
			t.Fatal("errors.As found no *NonEventRecordError")
		}
		if *target != (NonEventRecordError{Format: "f", Title: "t", EventType: "_test.event_stream"}) {
			t.Errorf("fields lost: %+v", target)
		}
	})
}

// The classes are disjoint: a record is at most one of them, so a switch of
// errors.As tests in any order gives the same answer. errors.Is compares
// pointers: two errors with the same fields are not the same error.
func TestErrorClassesAreDisjoint(t *testing.T) {
	all := []error{
		&UnknownVersionError{Version: "4.0", IsString: true, Known: []string{"3.1"}},
		&MissingVersionError{},
		&UnknownEventTypeError{Version: "3.1", EventType: "x"},
		&NotAnObjectError{Kind: "array"},
		&ConstError{Pointer: "/p"},
		&LegacyFormatError{Format: "f"},
		&ForeignEventError{Format: "f"},
		&NonEventRecordError{Format: "f"},
	}
	matches := func(err error) []string {
		var (
			uv *UnknownVersionError
			mv *MissingVersionError
			ut *UnknownEventTypeError
			no *NotAnObjectError
			ce *ConstError
			lf *LegacyFormatError
			fe *ForeignEventError
			ne *NonEventRecordError
			as []string
		)
		for name, ok := range map[string]bool{
			"UnknownVersionError":   errors.As(err, &uv),
			"MissingVersionError":   errors.As(err, &mv),
			"UnknownEventTypeError": errors.As(err, &ut),
			"NotAnObjectError":      errors.As(err, &no),
			"ConstError":            errors.As(err, &ce),
			"LegacyFormatError":     errors.As(err, &lf),
			"ForeignEventError":     errors.As(err, &fe),
			"NonEventRecordError":   errors.As(err, &ne),
		} {
			if ok {
				as = append(as, name)
			}
		}
		return as
	}
	for _, err := range all {
		wrapped := fmt.Errorf("wrapped: %w", err)
		if got := matches(wrapped); len(got) != 1 {
			t.Errorf("%T matches %d error types: %v", err, len(got), got)
		}
		if !errors.Is(wrapped, err) {
			t.Errorf("errors.Is(wrapped, %T) = false, want true for the same pointer", err)
		}
	}
	// (Not with *MissingVersionError: pointers to distinct zero-size values
	// may be equal in Go.)
	if errors.Is(&NotAnObjectError{Kind: "array"}, &NotAnObjectError{Kind: "array"}) {
		t.Error("errors.Is matched two distinct *NotAnObjectError values: use errors.As to test for an error type")
	}
}

// A program may build these errors itself (a fake decoder in its tests, say):
// Error must not panic on a zero value.
func TestZeroValueMessages(t *testing.T) {
	tests := []struct {
		err  error
		want string
	}{
		{&UnknownVersionError{}, "event_version is , not a string"},
		{&UnknownVersionError{IsString: true}, `unknown event_version "": this module knows versions []`},
		{&MissingVersionError{}, "no event_version member: not a Pinpoint event of a known layout"},
		{&UnknownEventTypeError{}, `event_version "" has no event type ""`},
		{&NotAnObjectError{}, "an event is a JSON object, not a value of another kind"},
		{&ConstError{}, ":  must be "},
		{&LegacyFormatError{}, "not a Pinpoint 3.x event: the record has  (format ), which has no event_version"},
		{&ForeignEventError{}, "not a Pinpoint event: the record is  (format )"},
		{&NonEventRecordError{}, `not an event: the record is  (event_type "", format )`},
	}
	for _, tt := range tests {
		t.Run(fmt.Sprintf("%T", tt.err), func(t *testing.T) {
			defer func() {
				if r := recover(); r != nil {
					t.Fatalf("Error() panicked: %v", r)
				}
			}()
			if got := tt.err.Error(); got != tt.want {
				t.Errorf("Error() = %q\nwant      %q", got, tt.want)
			}
		})
	}
}
