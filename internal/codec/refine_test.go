package codec

import (
	"errors"
	"testing"

	pinpointevents "github.com/pinpoint-events/pinpoint-events"
)

// A refinement checks its consts after the object is read; the error still
// points at the member, the last of duplicates, and of two mismatches the
// earlier in the input wins.
func TestConstMismatchIn(t *testing.T) {
	tests := []struct {
		name, data string
		path       []string
		earlier    int // offset of a mismatch recorded before, or -1
		want       string
	}{
		{"top level", `{"a": 1, "t": "x"}`, []string{"t"}, -1, "/t"},
		{"nested", `{"f": {"c": {"m": "x"}}}`, []string{"f", "c", "m"}, -1, "/f/c/m"},
		{"last duplicate", `{"f": {"m": 1}, "f": {"z": 0, "m": "x"}}`, []string{"f", "m"}, -1, "/f/m"},
		{"earlier mismatch kept", `{"v": "3.0", "t": "x"}`, []string{"t"}, 6, "/v"},
		{"later mismatch replaced", `{"t": "x", "v": "3.0"}`, []string{"t"}, 15, "/t"},
		{"member gone", `{"a": 1}`, []string{"t"}, -1, ""},
		{"not an object on the path", `{"f": 5}`, []string{"f", "m"}, -1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var rest int
			err := Decode([]byte(tt.data), pinpointevents.DecodeOptions{}, func(d *Decoder) error {
				start := d.Mark()
				if err := d.Skip(); err != nil {
					return err
				}
				rest = d.Offset()
				if tt.earlier >= 0 {
					d.ConstMismatch(tt.earlier, `"3.0"`, `"3.1"`)
				}
				d.ConstMismatchIn(start, `"x"`, `"y"`, tt.path...)
				if d.Offset() != rest {
					t.Errorf("offset %d after ConstMismatchIn, want %d: the decoder must be where it was", d.Offset(), rest)
				}
				return nil
			})
			var ce *pinpointevents.ConstError
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("err = %v, want nil", err)
			case tt.want != "" && (!errors.As(err, &ce) || ce.Pointer != tt.want):
				t.Errorf("err = %v, want a ConstError at %s", err, tt.want)
			}
		})
	}
}
