package corpus_test

import (
	"bytes"
	"encoding/json"
	"math"
	"strings"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/generator/refcheck"
	"github.com/pinpoint-events/pinpoint-events/internal/corpus"
)

func TestDeterministic(t *testing.T) {
	opts := corpus.Options{N: 2000, Seed: 42, InvalidShare: 0.02, UnknownShare: -1}
	a, b := corpus.Generate(opts), corpus.Generate(opts)
	if !bytes.Equal(a, b) {
		t.Fatal("the same options gave different bytes")
	}
	events := corpus.Events(opts)
	if joined := append(bytes.Join(events, []byte("\n")), '\n'); !bytes.Equal(joined, a) {
		t.Fatal("Events, joined by newlines, are not Generate's bytes")
	}
	opts.Seed = 43
	if bytes.Equal(a, corpus.Generate(opts)) {
		t.Fatal("another seed gave the same bytes")
	}
	if got := corpus.Generate(corpus.Options{N: 0, Seed: 1}); len(got) != 0 {
		t.Fatalf("N=0 gave %d bytes", len(got))
	}
}

// The breaks and the unknown members have random streams of their own: the
// events not broken are the same whatever InvalidShare is.
func TestInvalidShareBreaksOnlyTheChosen(t *testing.T) {
	valid := corpus.Events(corpus.Options{N: 3000, Seed: 5, UnknownShare: -1})
	events, broken, _ := corpus.EventsWithFlags(corpus.Options{N: 3000, Seed: 5, InvalidShare: 0.1, UnknownShare: -1})
	for i := range events {
		if same := bytes.Equal(events[i], valid[i]); same == broken[i] {
			t.Fatalf("event %d: broken %v, the same as with InvalidShare 0: %v", i, broken[i], same)
		}
	}
}

// group is the proportion group of an event, as the targets name them.
func group(eventType, version string) string {
	switch {
	case version == "3.0":
		return "app 3.0"
	case strings.HasPrefix(eventType, "_campaign.") && eventType != "_campaign.send":
		return "campaign engagement"
	case strings.HasPrefix(eventType, "_journey.") && eventType != "_journey.send":
		return "journey engagement"
	case strings.HasPrefix(eventType, "_session."):
		return "session"
	case strings.HasPrefix(eventType, "_userauth."):
		return "userauth"
	case strings.HasPrefix(eventType, "_inapp."):
		return "inapp"
	case !strings.HasPrefix(eventType, "_"):
		return "custom"
	}
	return eventType
}

// family is the family of a group.
func family(g string) string {
	switch {
	case strings.HasPrefix(g, "_campaign") || g == "campaign engagement":
		return "campaign"
	case strings.HasPrefix(g, "_email"):
		return "email"
	case strings.HasPrefix(g, "_SMS"):
		return "SMS"
	case strings.HasPrefix(g, "_journey") || g == "journey engagement":
		return "journey"
	}
	return "app"
}

// targets are the proportions the corpus aims at, in percent of all events.
var targets = map[string]float64{
	"_campaign.send": 22, "campaign engagement": 3,
	"_email.send": 10, "_email.delivered": 10, "_email.open": 7, "_email.click": 4, "_email.hardbounce": 1,
	"_email.softbounce": 0.5, "_email.complaint": 0.5, "_email.rejected": 0.5, "_email.unsubscribe": 1, "_email.rendering_failure": 0.5,
	"_SMS.BUFFERED": 6, "_SMS.SUCCESS": 6, "_SMS.FAILURE": 2, "_SMS.OPTOUT": 1,
	"_journey.send": 9, "journey engagement": 1,
	"session": 6, "custom": 5, "_monetization.purchase": 1, "userauth": 1, "inapp": 1, "app 3.0": 1,
}

var familyTargets = map[string]float64{"campaign": 25, "email": 35, "SMS": 15, "journey": 10, "app": 15}

// envelope is what the tests read of an event.
type envelope struct {
	EventType     string `json:"event_type"`
	EventVersion  string `json:"event_version"`
	ClientContext struct {
		Custom struct {
			Endpoint *string `json:"endpoint"`
		} `json:"custom"`
	} `json:"client_context"`
}

func TestProportions(t *testing.T) {
	const n = 20000
	events, broken, unknown := corpus.EventsWithFlags(corpus.Options{N: n, Seed: 1, UnknownShare: -1})
	groups, families := map[string]int{}, map[string]int{}
	size, endpoints, endpointBytes, unknowns := 0, 0, 0, 0
	for i, e := range events {
		var env envelope
		if err := json.Unmarshal(e, &env); err != nil {
			t.Fatalf("event %d: %v", i, err)
		}
		if broken[i] {
			t.Fatalf("event %d is broken with InvalidShare 0", i)
		}
		g := group(env.EventType, env.EventVersion)
		if _, ok := targets[g]; !ok {
			t.Fatalf("event %d: unexpected type %s %s", i, env.EventType, env.EventVersion)
		}
		groups[g]++
		families[family(g)]++
		size += len(e)
		if p := env.ClientContext.Custom.Endpoint; p != nil {
			endpoints++
			endpointBytes += len(*p)
		}
		if unknown[i] {
			unknowns++
		}
	}
	pct := func(k int) float64 { return 100 * float64(k) / n }
	check := func(name string, got, want, tolerance float64) {
		t.Helper()
		if math.Abs(got-want) > tolerance {
			t.Errorf("%s: %.2f%%, want %.2f%% ± %.1f", name, got, want, tolerance)
		}
	}
	for g, want := range targets {
		check(g, pct(groups[g]), want, 1.5)
	}
	for f, want := range familyTargets {
		check(f, pct(families[f]), want, 1.5)
		t.Logf("%-8s %5.2f%% (target %.0f%%)", f, pct(families[f]), want)
	}
	check("events with an endpoint string", pct(endpoints), 31, 1.5)
	check("events with an unknown member", pct(unknowns), 100*corpus.DefaultUnknownShare, 1)
	avg := float64(size) / n
	avgEndpoint := float64(endpointBytes) / float64(endpoints)
	t.Logf("average event %.0f bytes; %.1f%% of events carry an endpoint string of %.0f bytes on average; %.1f%% an unknown member",
		avg, pct(endpoints), avgEndpoint, pct(unknowns))
	if avg < 1000 || avg > 1100 {
		t.Errorf("average event size %.0f bytes, want 1000 to 1100", avg)
	}
	if avgEndpoint < 210 || avgEndpoint > 255 {
		t.Errorf("average endpoint string %.0f bytes, want about 232", avgEndpoint)
	}
}

func TestInvalidShare(t *testing.T) {
	for _, share := range []float64{0, 0.1} {
		const n = 20000
		_, broken, _ := corpus.EventsWithFlags(corpus.Options{N: n, Seed: 3, InvalidShare: share})
		count := 0
		for _, b := range broken {
			if b {
				count++
			}
		}
		got := float64(count) / n
		t.Logf("InvalidShare %.2f: %d of %d events broken", share, count, n)
		if share == 0 && count != 0 || math.Abs(got-share) > 0.015 {
			t.Errorf("InvalidShare %.2f: %.2f%% of events broken", share, 100*got)
		}
	}
	_, _, unknown := corpus.EventsWithFlags(corpus.Options{N: 2000, Seed: 3})
	for i, u := range unknown {
		if u {
			t.Fatalf("event %d has an unknown member with UnknownShare 0", i)
		}
	}
}

// Every event is one compact JSON object that starts with event_type, with
// <, > and & as they are.
func TestShape(t *testing.T) {
	data := corpus.Generate(corpus.Options{N: 3000, Seed: 9, InvalidShare: 0.05, UnknownShare: 0.2})
	if len(data) == 0 || data[len(data)-1] != '\n' {
		t.Fatal("the NDJSON does not end with a newline")
	}
	lines := bytes.Split(data[:len(data)-1], []byte("\n"))
	if len(lines) != 3000 {
		t.Fatalf("%d lines, want 3000", len(lines))
	}
	for i, line := range lines {
		var compact bytes.Buffer
		if err := json.Compact(&compact, line); err != nil {
			t.Fatalf("line %d: %v", i, err)
		}
		if !bytes.Equal(compact.Bytes(), line) {
			t.Fatalf("line %d is not compact", i)
		}
		if !bytes.HasPrefix(line, []byte(`{"event_type":"`)) {
			t.Fatalf("line %d does not start with event_type: %.60s", i, line)
		}
	}
	if bytes.Contains(data, []byte(`\u003c`)) || bytes.Contains(data, []byte(`\u0026`)) {
		t.Error("the corpus escapes < or &")
	}
	if !bytes.Contains(data, []byte(" <")) || !bytes.Contains(data, []byte(" & ")) {
		t.Error("the corpus has no From header with a display name or no subject with &")
	}
}

// Every event routes to a schema and is valid against it, except the ones
// made invalid, which are not; checked with the reference validator.
func TestValidity(t *testing.T) {
	checker, err := refcheck.New("../../schema", refcheck.Options{AssertFormat: true, AssertContent: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, share := range []float64{0, 0.1} {
		events, broken, unknown := corpus.EventsWithFlags(corpus.Options{N: 5000, Seed: 11, InvalidShare: share, UnknownShare: -1})
		invalid := 0
		for i, e := range events {
			route, res, err := checker.Check(e)
			if err != nil {
				t.Fatalf("InvalidShare %.1f, event %d: %v\n%s", share, i, err, e)
			}
			if route == nil {
				t.Fatalf("InvalidShare %.1f, event %d: no schema covers it\n%s", share, i, e)
			}
			if res.Valid == broken[i] {
				t.Errorf("InvalidShare %.1f, event %d (%s, unknown member %v): broken %v, valid %v %v\n%s",
					share, i, route.GoType, unknown[i], broken[i], res.Valid, res.Messages, e)
			}
			if !res.Valid {
				invalid++
			}
		}
		t.Logf("InvalidShare %.1f: %d of %d events invalid", share, invalid, len(events))
	}
}

func BenchmarkGenerate(b *testing.B) {
	size := 0
	for b.Loop() {
		size = len(corpus.Generate(corpus.Options{N: 10000, Seed: 1, UnknownShare: -1}))
	}
	b.SetBytes(int64(size))
}
