package v3p1

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"sync"
	"testing"
)

func readSynthetic(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile("../../../testdata/synthetic/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// The endpoint object of an app event is kept as a compact copy and decoded
// on first Get; the result is the same as decoding it with the event.
func TestEndpointDecodedOnFirstGet(t *testing.T) {
	data := readSynthetic(t, "app_session.stop_3.1.json")
	input := bytes.Clone(data)
	var lazy AppSessionEvent
	if err := lazy.UnmarshalJSON(input); err != nil {
		t.Fatal(err)
	}
	var eager AppSessionEvent
	if err := eager.UnmarshalJSONWith(data, DecodeOptions{Eager: true}); err != nil {
		t.Fatal(err)
	}
	// The decoder must not keep pointing into a buffer the caller reuses.
	for i := range input {
		input[i] = 'X'
	}
	if !lazy.Endpoint.Present() {
		t.Fatal("endpoint not present")
	}
	ep := lazy.Endpoint.Get()
	if ep == nil || *ep.ApplicationID != "a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6" || ep.User == nil || *ep.User.UserID != "user-1" {
		t.Fatalf("Get = %+v", ep)
	}
	if lazy.Endpoint.Get() != ep {
		t.Error("a second Get returned another value")
	}
	lazyJSON, _ := ep.AppendJSON(nil)
	eagerJSON, _ := eager.Endpoint.Get().AppendJSON(nil)
	if !bytes.Equal(lazyJSON, eagerJSON) {
		t.Errorf("lazy and eager endpoints differ:\n%s\n%s", lazyJSON, eagerJSON)
	}
}

// Encoding and validating do not depend on whether the endpoint was read;
// a change made through Get shows in the output.
func TestEndpointEncodeValidateUntouched(t *testing.T) {
	data := readSynthetic(t, "app_session.stop_3.1.json")
	var untouched, touched AppSessionEvent
	if err := untouched.UnmarshalJSON(data); err != nil {
		t.Fatal(err)
	}
	if err := touched.UnmarshalJSON(data); err != nil {
		t.Fatal(err)
	}
	touched.Endpoint.Get()
	a, _ := untouched.AppendJSON(nil)
	b, _ := touched.AppendJSON(nil)
	if !bytes.Equal(a, b) {
		t.Errorf("encoding depends on whether Get was called:\n%s\n%s", a, b)
	}

	var broken AppSessionEvent
	if err := broken.UnmarshalJSON(bytes.Replace(data, []byte(`"OptOut": "NONE"`), []byte(`"OptOut": 7`), 1)); err != nil {
		t.Fatal(err)
	}
	err := broken.Validate()
	if err == nil || !strings.Contains(err.Error(), "/endpoint/OptOut") {
		t.Errorf("Validate = %v, want an error at /endpoint/OptOut", err)
	}

	touched.Endpoint.Get().Address = ptr("+15555550100")
	out, _ := touched.AppendJSON(nil)
	if !bytes.Contains(out, []byte(`"Address":"+15555550100"`)) {
		t.Errorf("a change through Get is not encoded: %s", out)
	}
}

func ptr[T any](v T) *T { return &v }

func TestEndpointSetAbsentAndReuse(t *testing.T) {
	data := readSynthetic(t, "app_session.stop_3.1.json")
	var ev AppSessionEvent
	if err := ev.UnmarshalJSON(data); err != nil {
		t.Fatal(err)
	}
	before := ev.Endpoint
	ev.Endpoint.Set(nil)
	if ev.Endpoint.Present() || ev.Endpoint.Get() != nil {
		t.Error("Set(nil) left the member present")
	}
	if !before.Present() {
		t.Error("Set changed a copy made before")
	}
	if out, _ := ev.AppendJSON(nil); bytes.Contains(out, []byte(`"endpoint"`)) {
		t.Errorf("an absent endpoint is encoded: %s", out)
	}
	ev.Endpoint = LazyEndpointOf(&Endpoint{ID: ptr("e-1")})
	if out, _ := ev.AppendJSON(nil); !bytes.Contains(out, []byte(`"endpoint":{"Id":"e-1"}`)) {
		t.Errorf("a set endpoint is not encoded: %s", out)
	}

	// Decoding an event without an endpoint into the same value.
	var without map[string]any
	if err := json.Unmarshal(data, &without); err != nil {
		t.Fatal(err)
	}
	delete(without, "endpoint")
	noEndpoint, _ := json.Marshal(without)
	if err := ev.UnmarshalJSON(noEndpoint); err != nil {
		t.Fatal(err)
	}
	if ev.Endpoint.Present() {
		t.Error("the endpoint of the value decoded before is still present")
	}
	if err := ev.UnmarshalJSON(data); err != nil {
		t.Fatal(err)
	}
	if ep := ev.Endpoint.Get(); ep == nil || *ep.ID != "m3n4o5p6-a1b2-c3d4-e5f6-000000000001" {
		t.Errorf("after decoding again: %+v", ep)
	}
}

// An endpoint that is not an object is kept raw like any member whose
// value does not fit, and Validate reports it.
func TestEndpointNotAnObject(t *testing.T) {
	var ev AppSessionEvent
	data := []byte(`{"event_type":"_session.stop","event_timestamp":1,"arrival_timestamp":2,"event_version":"3.1","endpoint":"not an object"}`)
	if err := ev.UnmarshalJSON(data); err != nil {
		t.Fatal(err)
	}
	if ev.Endpoint.Present() || !ev.Rest.Has("endpoint") {
		t.Errorf("present %v, in Rest %v; want false, true", ev.Endpoint.Present(), ev.Rest.Has("endpoint"))
	}
	if err := ev.Validate(); err == nil || !strings.Contains(err.Error(), "/endpoint") {
		t.Errorf("Validate = %v, want a type error at /endpoint", err)
	}
	if out, _ := ev.AppendJSON(nil); !bytes.Contains(out, []byte(`"endpoint":"not an object"`)) {
		t.Errorf("the raw member is lost: %s", out)
	}
}

func TestLazyEndpointJSON(t *testing.T) {
	var l LazyEndpoint
	if out, err := json.Marshal(l); err != nil || string(out) != "null" {
		t.Errorf("absent: %s, %v; want null", out, err)
	}
	if err := json.Unmarshal([]byte(`{"Id":"e-2","Address":"a@example.com"}`), &l); err != nil {
		t.Fatal(err)
	}
	if out, err := json.Marshal(l); err != nil || string(out) != `{"Id":"e-2","Address":"a@example.com"}` {
		t.Errorf("round trip: %s, %v", out, err)
	}
	if err := json.Unmarshal([]byte(`null`), &l); err != nil || l.Present() {
		t.Errorf("null: present %v, %v", l.Present(), err)
	}
	if err := json.Unmarshal([]byte(`[1]`), &l); err == nil {
		t.Error("an array decoded as an endpoint")
	}
}

// Several goroutines may read one decoded event at once (run with -race).
func TestEndpointConcurrentGet(t *testing.T) {
	data := readSynthetic(t, "app_session.stop_3.1.json")
	var ev AppSessionEvent
	if err := ev.UnmarshalJSON(data); err != nil {
		t.Fatal(err)
	}
	got := make([]*Endpoint, 8)
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = ev.Endpoint.Get()
			_ = ev.Validate()
			_, _ = ev.AppendJSON(nil)
		}()
	}
	wg.Wait()
	for _, ep := range got {
		if ep == nil || ep != got[0] {
			t.Fatalf("goroutines got different endpoints: %v", got)
		}
	}
}
