package pinpoint_test

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint"
	"github.com/pinpoint-events/pinpoint-events/generator/refcheck"
)

func addSampleSeeds(f *testing.F) {
	var paths []string
	for _, dir := range []string{samplesDir, syntheticDir} {
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
		ev, err := pinpoint.Decode(data)
		var syntax *pinpoint.SyntaxError
		if errors.As(err, &syntax) == json.Valid(data) {
			t.Fatalf("Decode error %v, but json.Valid = %v", err, json.Valid(data))
		}
		if ev == nil {
			return
		}
		ev.Validate()
		ev.ValidateWith(pinpoint.ValidateOptions{AssertFormat: true, AssertContent: true})
		out, err := ev.AppendJSON(nil)
		if err != nil {
			t.Fatalf("AppendJSON: %v", err)
		}
		if !json.Valid(out) {
			t.Fatalf("AppendJSON wrote invalid JSON: %s", out)
		}
		again, err := pinpoint.Decode(out)
		var brokenConst *pinpoint.ConstError
		if err != nil && !errors.As(err, &brokenConst) {
			t.Fatalf("decoding the encoded event: %v\n%s", err, out)
		}
		if !reflect.DeepEqual(ev, again) {
			t.Fatalf("decode(encode(event)) differs:\n%+v\n%+v\n%s", ev, again, out)
		}
	})
}

// FuzzDifferential: on any input, the generated decoder and validator and
// the reference validator give the same verdict and the same set of failing
// instance pointers. Inputs on which the reference itself panics (v6 does on
// numbers beyond big.Rat's exponent range under minimum and maximum) are
// skipped.
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
		if errors.Is(err, refcheck.ErrReferencePanic) {
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
