package validation

import (
	"strings"
	"testing"
)

func TestPath(t *testing.T) {
	var c Collector
	for i := 0; i < 20; i++ { // deeper than the inline stack
		c.Push("x")
	}
	for i := 0; i < 20; i++ {
		c.Pop()
	}
	c.Push("a/b")
	c.PushIndex(3)
	c.Push("x~y")
	if got := c.Pointer(); got != "/a~1b/3/x~0y" {
		t.Errorf("Pointer() = %q", got)
	}
	c.Pop()
	c.Pop()
	c.Pop()
	if got := c.Pointer(); got != "" {
		t.Errorf("root Pointer() = %q", got)
	}
}

func TestCollectorSortsAndTruncates(t *testing.T) {
	var c Collector
	c.Push("z")
	c.Add("type", "b")
	c.Pop()
	c.Push("a")
	c.Add("required", "x")
	c.Add("enum", "y")
	c.Pop()
	n := c.Len()
	c.Add("not", "dropped")
	c.Truncate(n)
	got := c.Err().(*ValidationError)
	want := []Violation{
		{Pointer: "/a", Keyword: "enum", Message: "y"},
		{Pointer: "/a", Keyword: "required", Message: "x"},
		{Pointer: "/z", Keyword: "type", Message: "b"},
	}
	if len(got.Violations) != len(want) {
		t.Fatalf("got %v", got.Violations)
	}
	for i := range want {
		if got.Violations[i] != want[i] {
			t.Errorf("violation %d = %v, want %v", i, got.Violations[i], want[i])
		}
	}
	if !strings.HasPrefix(got.Error(), "invalid event: 3 violations: /a: y; ") {
		t.Errorf("Error() = %q", got.Error())
	}
	var empty Collector
	if empty.Err() != nil {
		t.Error("no violations must give a nil error")
	}
}

func TestMessages(t *testing.T) {
	var c Collector
	c.Push("attributes")
	c.Required("campaign_id")
	c.Enum(Quote("SENT"), "SUCCESS, FAILURE")
	c.Count("minLength", 0, 1)
	c.Bound("exclusiveMaximum", "10", "10")
	for i, want := range []string{
		`missing required member "campaign_id"`,
		`"SENT" is not one of SUCCESS, FAILURE`,
		`has 0 characters, want at least 1`,
		`10 must be less than 10`,
	} {
		if got := c.list[i].Message; got != want {
			t.Errorf("message %d = %q, want %q", i, got, want)
		}
	}
	if got := Quote(strings.Repeat("é", 70)); !strings.HasSuffix(got, `"…`) || len([]rune(got)) != 67 {
		t.Errorf("Quote of a long string = %q", got)
	}
}

func TestFormats(t *testing.T) {
	for _, tc := range []struct {
		format, value string
		ok            bool
	}{
		{"date-time", "2019-07-02T23:12:54.836Z", true},
		{"date-time", "2019-07-02t23:12:54+01:00", true},
		{"date-time", "2019-07-02 23:12:54Z", false},
		{"date-time", "2019-02-30T23:12:54Z", false},
		{"date-time", "2019-07-02T24:00:00Z", false},
		{"date-time", "2019-07-02T23:59:60Z", true},
		{"date-time", "2019-07-02T23:58:60Z", false},
		{"date-time", "2019-07-02T22:59:60-01:00", true},
		{"date-time", "2019-07-02T+0:00:00.000Z", true}, // the reference reads "+0" as 0
		{"date-time", "2019-07-02T00:00:00.Z", false},
		{"time", "23:12:54Z", true},
		{"email", "a.b+c@example.com", true},
		{"email", "a..b@example.com", false},
		{"email", "a@[127.0.0.1]", true},
		{"ipv4", "192.168.0.1", true},
		{"ipv4", "192.168.00.1", false},
		{"ipv6", "::1", true},
		{"ipv6", "fe80::1%eth0", false},
		{"hostname", "a-b.example.com", true},
		{"hostname", "-a.example.com", false},
		{"uuid", "d8dcf7c5-e81a-48ae-8313-f540c0a0b0c0", true},
		{"uuid", "d8dcf7c5-e81a-48ae-8313-f540cexample", false},
		{"no-such-format", "anything", true},
	} {
		c := Collector{Options: Options{AssertFormat: true}}
		c.Format(tc.format, tc.value)
		if ok := c.Len() == 0; ok != tc.ok {
			t.Errorf("%s %q: valid = %v, want %v (%v)", tc.format, tc.value, ok, tc.ok, c.list)
		}
		off := Collector{}
		if off.Format(tc.format, tc.value); off.Len() != 0 {
			t.Errorf("%s %q: format is asserted without AssertFormat", tc.format, tc.value)
		}
	}
}

func TestContent(t *testing.T) {
	var c Collector
	if _, ok := c.Content(`{"a":1}`, false, true); !ok {
		t.Error("valid JSON refused")
	}
	if _, ok := c.Content(`{"a":`, false, true); ok || c.list[0].Keyword != "contentMediaType" {
		t.Errorf("broken JSON accepted: %v", c.list)
	}
	if _, ok := c.Content("e30=", true, true); !ok {
		t.Error("base64 of {} refused")
	}
	if _, ok := c.Content("!!", true, false); ok || c.list[1].Keyword != "contentEncoding" {
		t.Errorf("bad base64 accepted: %v", c.list)
	}
}

// Run hands validate a collector with the options, returns what it
// recorded, and leaves nothing behind for the next run from the pool.
func TestRun(t *testing.T) {
	tests := []struct {
		name     string
		validate func(*Collector)
		want     string
	}{
		{"valid", func(*Collector) {}, ""},
		{"violation", func(c *Collector) { c.Push("a"); c.Required("b"); c.Pop() }, `invalid event: /a: missing required member "b"`},
		{"options passed", func(c *Collector) {
			if !c.AssertFormat {
				c.Add("format", "options lost")
			}
		}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := Run(Options{AssertFormat: true}, tt.validate)
			got := ""
			if err != nil {
				got = err.Error()
			}
			if got != tt.want {
				t.Errorf("Run() = %q, want %q", got, tt.want)
			}
			if err := Run(Options{}, func(*Collector) {}); err != nil {
				t.Errorf("the next run reports %v", err)
			}
		})
	}
}

// ValueAt checks a member at its path and leaves the path as it was.
func TestValueAt(t *testing.T) {
	var c Collector
	c.Push("outer")
	ValueAt(&c, "a", "x", func(name string, c *Collector) { c.Required(name) })
	ValueAt(&c, "b", 3, func(n int, c *Collector) {
		if n != 3 {
			t.Errorf("ValueAt passed %d", n)
		}
		c.Add("minimum", "too small")
	})
	c.Add("type", "here")
	var got []string
	for _, v := range c.Violations() {
		got = append(got, v.String())
	}
	want := `/outer: here; /outer/a: missing required member "x"; /outer/b: too small`
	if strings.Join(got, "; ") != want {
		t.Errorf("got %q, want %q", strings.Join(got, "; "), want)
	}
}
