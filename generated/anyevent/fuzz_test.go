package anyevent_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/generator/refcheck"
	"github.com/pinpoint-events/pinpoint-events/internal/mutate"
)

func addSampleSeeds(f *testing.F) {
	var paths []string
	for _, dir := range []string{samplesDir, syntheticDir, successorsDir} {
		more, err := filepath.Glob(filepath.Join(dir, "*.json"))
		if err != nil {
			f.Fatal(err)
		}
		paths = append(paths, more...)
	}
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
}

// FuzzDecode: Decode never panics, rejects exactly the malformed JSON that
// encoding/json rejects, and what it decodes encodes to JSON that decodes to
// an equal event.
func FuzzDecode(f *testing.F) {
	addSampleSeeds(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		ev, err := anyevent.Decode(data)
		var syntax *anyevent.SyntaxError
		if errors.As(err, &syntax) == json.Valid(data) {
			t.Fatalf("Decode error %v, but json.Valid = %v", err, json.Valid(data))
		}
		if ev == nil {
			return
		}
		ev.Validate()
		ev.ValidateWith(anyevent.ValidateOptions{AssertFormat: true, AssertContent: true})
		out, err := ev.AppendJSON(nil)
		if err != nil {
			t.Fatalf("AppendJSON: %v", err)
		}
		if !json.Valid(out) {
			t.Fatalf("AppendJSON wrote invalid JSON: %s", out)
		}
		again, err := anyevent.Decode(out)
		var brokenConst *anyevent.ConstError
		if err != nil && !errors.As(err, &brokenConst) {
			t.Fatalf("decoding the encoded event: %v\n%s", err, out)
		}
		if !sameValue(ev, again) {
			t.Fatalf("decode(encode(event)) differs:\n%+v\n%+v\n%s", ev, again, out)
		}
	})
}

// FuzzDifferential: on any input, the generated decoder and validator and
// the reference validator give the same verdict and the same set of failing
// instance pointers. Inputs with numbers beyond big.Rat's exponent range are
// skipped: the reference calls 1e10000000 a non-integer and panics on it
// under minimum, maximum and multipleOf, where the generated code is exact.
func FuzzDifferential(f *testing.F) {
	addSampleSeeds(f)
	ref, err := refcheck.New("../../schema", refcheck.Options{AssertFormat: true, AssertContent: true})
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if !json.Valid(data) {
			return
		}
		want, err := referenceOutcome(ref, data)
		if errors.Is(err, refcheck.ErrReferencePanic) || errors.Is(err, refcheck.ErrBeyondReference) {
			t.Skip(err)
		}
		if err != nil {
			t.Fatalf("reference: %v", err)
		}
		got, err := generatedOutcome(data)
		if err != nil {
			t.Fatalf("generated: %v", err)
		}
		if got.String() != want.String() {
			t.Fatalf("generated %s\nreference %s\n%s", got, want, data)
		}
	})
}

// familyEvents returns the sample and synthetic events of a family.
func familyEvents(f *testing.F, family string) [][]byte {
	var out [][]byte
	for _, s := range sampleExpectations {
		if s.err != "" {
			continue
		}
		data := readSample(f, s.file)
		ev, err := anyevent.Decode(data)
		if err != nil {
			f.Fatal(err)
		}
		if ev.Family() == family {
			out = append(out, data)
		}
	}
	if len(out) == 0 {
		f.Fatalf("no events of family %s", family)
	}
	return out
}

// fuzzFamily mutates the events of a family with mutation programs (drop
// and duplicate members, other types, int64 limits, huge exponents, -0, 1.0
// for 1, escapes, invalid UTF-8, deep nesting, null, unknown members) and
// holds the generated decoder and validator to the reference on each.
func fuzzFamily(f *testing.F, family string) {
	events := familyEvents(f, family)
	ref, err := refcheck.New("../../schema", refcheck.Options{AssertFormat: true, AssertContent: true})
	if err != nil {
		f.Fatal(err)
	}
	for i := range events {
		f.Add(uint8(i), []byte{})
		for op := byte(0); op < 13; op++ {
			f.Add(uint8(i), []byte{op, byte(7 * (op + 1)), op + 1, byte(3 * op)})
		}
	}
	f.Fuzz(func(t *testing.T, which uint8, program []byte) {
		if len(program) > 40 {
			program = program[:40]
		}
		data, err := mutate.Apply(events[int(which)%len(events)], program)
		if err != nil {
			t.Fatal(err)
		}
		want, err := referenceOutcome(ref, data)
		if errors.Is(err, refcheck.ErrReferencePanic) || errors.Is(err, refcheck.ErrBeyondReference) {
			t.Skip(err)
		}
		if err != nil {
			t.Fatalf("reference: %v\n%s", err, data)
		}
		got, err := generatedOutcome(data)
		if err != nil {
			t.Fatalf("generated: %v\n%s", err, data)
		}
		if got.String() != want.String() {
			t.Fatalf("generated %s\nreference %s\n%s", got, want, data)
		}
	})
}

func FuzzCampaign(f *testing.F) { fuzzFamily(f, "campaign") }
func FuzzJourney(f *testing.F)  { fuzzFamily(f, "journey") }
func FuzzEmail(f *testing.F)    { fuzzFamily(f, "email") }
func FuzzSMS(f *testing.F)      { fuzzFamily(f, "sms") }
func FuzzApp(f *testing.F)      { fuzzFamily(f, "app") }
