package codec

import (
	"sync"
	"testing"

	pinpointevents "github.com/pinpoint-events/pinpoint-events"
)

// countingRead is record.read that counts its calls.
type counter struct{ calls int }

func (c *counter) read(r *record, d *Decoder) (bool, error) {
	c.calls++
	return r.read(d)
}

func captureFrom(t *testing.T, data string, eager bool, l *Lazy[record], c *counter) *Lazy[record] {
	t.Helper()
	err := Decode([]byte(data), pinpointevents.DecodeOptions{Eager: eager}, func(d *Decoder) error {
		var err error
		l, err = Capture(l, d, c.read)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestLazyDecodesOnFirstGetOnly(t *testing.T) {
	var c counter
	input := []byte(`{ "name" : "a\u0062", "count": 3 }`)
	l := captureFrom(t, string(input), false, nil, &c)
	if c.calls != 0 || !l.Present() {
		t.Fatalf("after Capture: %d decodes, present %v; want 0, true", c.calls, l.Present())
	}
	if string(l.raw) != `{"name":"a\u0062","count":3}` {
		t.Errorf("kept %s, want the compact member", l.raw)
	}
	copy(input, "XXXXXXXXXXXXXXXX") // the caller reuses its buffer
	v := l.Get(c.read)
	if v == nil || v.name != "ab" || v.count == nil || *v.count != 3 {
		t.Fatalf("Get = %+v", v)
	}
	if again := l.Get(c.read); again != v || c.calls != 1 {
		t.Errorf("second Get: same pointer %v, %d decodes; want true, 1", again == v, c.calls)
	}
}

func TestLazyEagerDecodesAtCapture(t *testing.T) {
	var c counter
	l := captureFrom(t, `{"name":"x"}`, true, nil, &c)
	if c.calls != 1 {
		t.Fatalf("Eager capture decoded %d times, want 1", c.calls)
	}
	if v := l.Get(c.read); v == nil || v.name != "x" || c.calls != 1 {
		t.Fatalf("Get after an eager capture: %+v, %d decodes", v, c.calls)
	}
}

func TestLazyAbsentHoldDropAndReuse(t *testing.T) {
	var c counter
	var nilLazy *Lazy[record]
	if nilLazy.Present() || nilLazy.Get(c.read) != nil {
		t.Error("a nil Lazy is not absent")
	}
	if out := nilLazy.AppendJSON(nil, nil, c.read, nil); string(out) != "null" {
		t.Errorf("absent member encodes as %s, want null", out)
	}

	l := captureFrom(t, `{"name":"first"}`, false, nil, &c)
	first := l.Get(c.read)

	// Decoding again into the same Lazy reuses the memory of the value.
	l2 := captureFrom(t, `{"name":"second"}`, false, l, &c)
	if l2 != l {
		t.Fatal("Capture did not reuse the Lazy")
	}
	if second := l.Get(c.read); second != first || second.name != "second" {
		t.Errorf("re-capture: got %q at a new address %v", second.name, second != first)
	}

	l = Drop(l)
	if l.Present() || l.Get(c.read) != nil {
		t.Error("Drop left the member present")
	}
	l = captureFrom(t, `{"name":"third"}`, false, l, &c)
	if v := l.Get(c.read); v != first || v.name != "third" {
		t.Errorf("capture after Drop did not reuse the memory: %q", v.name)
	}

	given := &record{name: "given"}
	h := Hold(nil, given)
	if !h.Present() || h.Get(c.read) != given {
		t.Error("Hold does not give back its value")
	}
	if Hold(nil, (*record)(nil)).Present() {
		t.Error("Hold(nil) is present")
	}
}

// Get may run on many goroutines at once: one decode, one result (run
// with -race).
func TestLazyConcurrentGet(t *testing.T) {
	var mu sync.Mutex
	calls := 0
	read := func(r *record, d *Decoder) (bool, error) {
		mu.Lock()
		calls++
		mu.Unlock()
		return r.read(d)
	}
	var l *Lazy[record]
	err := Decode([]byte(`{"name":"shared"}`), pinpointevents.DecodeOptions{}, func(d *Decoder) error {
		var err error
		l, err = Capture(l, d, read)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	results := make([]*record, 8)
	var wg sync.WaitGroup
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if l.Present() {
				results[i] = l.Get(read)
			}
		}()
	}
	wg.Wait()
	for _, r := range results {
		if r != results[0] || r == nil || r.name != "shared" {
			t.Fatalf("goroutines got different results: %v", results)
		}
	}
	if calls != 1 {
		t.Errorf("%d decodes, want 1", calls)
	}
}
