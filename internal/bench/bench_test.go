package bench

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/bytedance/sonic"
	"github.com/go-faster/jx"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint/v3p0"
	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint/v3p1"
	"github.com/pinpoint-events/pinpoint-events/generator/refcheck"
	"github.com/pinpoint-events/pinpoint-events/internal/corpus"
	"github.com/pinpoint-events/pinpoint-events/stream"
)

// corpusFile is written by make bench.
const corpusFile = "../../bench/corpus.ndjson"

// event is one corpus event with what the benchmarks need ready.
type event struct {
	data    []byte
	version string
	typ     string
	reused  anyevent.Event // the value of its Go type that every event of that type is decoded into
	mirror  reflect.Type   // the same shape without methods, for other libraries
	schema  string         // the URI of its schema, for the reference validator
}

var (
	loadOnce sync.Once
	events   []event
	avgSize  int64
)

func load(b *testing.B) []event {
	loadOnce.Do(func() {
		var raw [][]byte
		if data, err := os.ReadFile(corpusFile); err == nil {
			raw = bytes.Split(bytes.TrimSpace(data), []byte("\n"))
		} else {
			raw = corpus.Events(corpus.Options{N: 20000, Seed: 1})
		}
		ref, err := refcheck.New("../../schema", refcheck.Options{})
		if err != nil {
			panic(err)
		}
		var total int
		reused := map[string]anyevent.Event{}
		for _, data := range raw {
			ev, err := anyevent.Decode(data)
			if err != nil {
				continue // the benchmarks decode valid, routable events
			}
			route, err := ref.Route(ev.Version(), ev.Type())
			if err != nil || route == nil {
				panic("no reference route for " + ev.Type())
			}
			e := event{data: data, version: ev.Version(), typ: ev.Type(), schema: route.SchemaURI}
			key := fmt.Sprintf("%T", ev)
			if reused[key] == nil {
				reused[key] = newEvent(e.version, e.typ)
			}
			e.reused = reused[key]
			e.mirror = mirrorOf(reflect.TypeOf(e.reused).Elem())
			events = append(events, e)
			total += len(data)
		}
		avgSize = int64(total / len(events))
	})
	return events
}

func newEvent(version, typ string) anyevent.Event {
	if version == v3p0.Version {
		return v3p0.New(typ)
	}
	return v3p1.New(typ)
}

var (
	mirrorMu    sync.Mutex
	mirrorCache = map[reflect.Type]reflect.Type{}
)

// mirrorOf returns a type with the fields, Go types and json tags of t but
// none of its methods, so that encoding/json and sonic decode it with their
// own code rather than calling the generated UnmarshalJSON. Strings that
// hold JSON documents are plain strings, Nullable[T] is *T, and Rest is left
// out (those libraries drop unknown members).
func mirrorOf(t reflect.Type) reflect.Type {
	mirrorMu.Lock()
	defer mirrorMu.Unlock()
	return mirror(t)
}

func mirror(t reflect.Type) reflect.Type {
	if m, ok := mirrorCache[t]; ok {
		return m
	}
	var m reflect.Type
	switch t.Kind() {
	case reflect.Pointer:
		m = reflect.PointerTo(mirror(t.Elem()))
	case reflect.Slice:
		m = reflect.SliceOf(mirror(t.Elem()))
	case reflect.Map:
		m = reflect.MapOf(t.Key(), mirror(t.Elem()))
	case reflect.String:
		m = reflect.TypeOf("")
	case reflect.Int64:
		m = reflect.TypeOf(int64(0))
	case reflect.Struct:
		switch {
		case strings.HasSuffix(t.Name(), "JSON"):
			m = reflect.TypeOf("")
		case strings.HasPrefix(t.Name(), "Lazy"):
			// A member decoded on first access: the other libraries decode
			// it with the event, into a pointer to its struct.
			get, _ := t.MethodByName("Get")
			m = mirror(get.Type.Out(0))
		case strings.HasPrefix(t.Name(), "Nullable["):
			m = reflect.PointerTo(mirror(t.Field(0).Type))
		default:
			var fields []reflect.StructField
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				if !f.IsExported() || f.Tag.Get("json") == "-" {
					continue
				}
				fields = append(fields, reflect.StructField{Name: f.Name, Type: mirror(f.Type), Tag: f.Tag, Anonymous: f.Anonymous})
			}
			m = reflect.StructOf(fields)
		}
	default:
		m = t
	}
	mirrorCache[t] = m
	return m
}

func run(b *testing.B, f func(e *event) error) {
	evs := load(b)
	b.SetBytes(avgSize)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if err := f(&evs[i%len(evs)]); err != nil {
			b.Fatal(err)
		}
	}
}

// Decoding into a value that is reused, as a consumer of a stream does.
func BenchmarkDecode(b *testing.B) {
	run(b, func(e *event) error { return e.reused.UnmarshalJSON(e.data) })
}

// The same with DecodeOptions.Eager: the endpoint object of app and
// engagement events, and the JSON documents inside strings, decoded with the
// event rather than on first access.
func BenchmarkDecodeEager(b *testing.B) {
	eager := anyevent.DecodeOptions{Eager: true}
	run(b, func(e *event) error { return e.reused.UnmarshalJSONWith(e.data, eager) })
}

func BenchmarkDecodeValidate(b *testing.B) {
	run(b, func(e *event) error {
		if err := e.reused.UnmarshalJSON(e.data); err != nil {
			return err
		}
		return e.reused.Validate()
	})
}

// The dispatcher (version and event type read first, a new value) against
// a direct call of the version package with a new value.
func BenchmarkDispatch(b *testing.B) {
	run(b, func(e *event) error {
		_, err := anyevent.Decode(e.data)
		return err
	})
}

func BenchmarkDirectNew(b *testing.B) {
	run(b, func(e *event) error { return newEvent(e.version, e.typ).UnmarshalJSON(e.data) })
}

// encoding/json and sonic decode into the same struct shapes, reused.
func BenchmarkStdlibDecode(b *testing.B) {
	values := map[reflect.Type]reflect.Value{}
	run(b, func(e *event) error {
		v, ok := values[e.mirror]
		if !ok {
			v = reflect.New(e.mirror)
			values[e.mirror] = v
		}
		v.Elem().SetZero()
		return json.Unmarshal(e.data, v.Interface())
	})
}

func BenchmarkSonicDecode(b *testing.B) {
	values := map[reflect.Type]reflect.Value{}
	run(b, func(e *event) error {
		v, ok := values[e.mirror]
		if !ok {
			v = reflect.New(e.mirror)
			values[e.mirror] = v
		}
		v.Elem().SetZero()
		return sonic.Unmarshal(e.data, v.Interface())
	})
}

// What users do today: encoding/json into any, then santhosh-tekuri v6.
func BenchmarkStdlibSanthoshValidate(b *testing.B) {
	compiler := referenceCompiler(b)
	schemas := map[string]*jsonschema.Schema{}
	run(b, func(e *event) error {
		sch, ok := schemas[e.schema]
		if !ok {
			var err error
			if sch, err = compiler.Compile(e.schema); err != nil {
				return err
			}
			schemas[e.schema] = sch
		}
		v, err := jsonschema.UnmarshalJSON(bytes.NewReader(e.data))
		if err != nil {
			return err
		}
		return sch.Validate(v)
	})
}

// A syntax pass with go-faster/jx: the near-limit of any decoder.
func BenchmarkJxValid(b *testing.B) {
	run(b, func(e *event) error {
		if !jx.Valid(e.data) {
			return errors.New("jx: invalid")
		}
		return nil
	})
}

// encodeSet decodes the first events of the corpus into values of their own
// (ours and the mirrors), for the encoders. Each library's values are built
// in a pass of their own, so that their memory lies as a program that uses
// only that library would leave it, not interleaved with the other's.
var (
	encodeOnce   sync.Once
	ourValues    []anyevent.Event
	mirrorValues []any
	encodeSize   int64
)

func encodeSet(b *testing.B) ([]anyevent.Event, []any) {
	evs := load(b)
	encodeOnce.Do(func() {
		n := min(len(evs), 10000)
		var total int
		for _, e := range evs[:n] {
			ev := newEvent(e.version, e.typ)
			if err := ev.UnmarshalJSON(e.data); err != nil {
				panic(err)
			}
			ourValues = append(ourValues, ev)
			total += len(e.data)
		}
		for _, e := range evs[:n] {
			m := reflect.New(e.mirror)
			if err := json.Unmarshal(e.data, m.Interface()); err != nil {
				panic(err)
			}
			mirrorValues = append(mirrorValues, m.Interface())
		}
		encodeSize = int64(total / n)
	})
	return ourValues, mirrorValues
}

func BenchmarkEncode(b *testing.B) {
	values, _ := encodeSet(b)
	buf := make([]byte, 0, 64<<10)
	b.SetBytes(encodeSize)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var err error
		if buf, err = values[i%len(values)].AppendJSON(buf[:0]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStdlibEncode(b *testing.B) {
	_, values := encodeSet(b)
	b.SetBytes(encodeSize)
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := json.Marshal(values[i%len(values)]); err != nil {
			b.Fatal(err)
		}
	}
}

// The same two encoders on 64 values that stay in the CPU caches, as when a
// record is decoded, changed and encoded at once (a Firehose transform): the
// runs above walk 10,000 values, whose memory traffic costs both alike.
const hotValues = 64

// hotSize is the mean encoded size of the first hotValues values.
func hotSize(b *testing.B) int64 {
	values, _ := encodeSet(b)
	var total int
	for _, v := range values[:hotValues] {
		out, err := v.AppendJSON(nil)
		if err != nil {
			b.Fatal(err)
		}
		total += len(out)
	}
	return int64(total / hotValues)
}

func BenchmarkEncodeHot(b *testing.B) {
	values, _ := encodeSet(b)
	values = values[:hotValues]
	buf := make([]byte, 0, 64<<10)
	b.SetBytes(hotSize(b))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		var err error
		if buf, err = values[i%len(values)].AppendJSON(buf[:0]); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkStdlibEncodeHot(b *testing.B) {
	_, values := encodeSet(b)
	values = values[:hotValues]
	b.SetBytes(hotSize(b))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := json.Marshal(values[i%len(values)]); err != nil {
			b.Fatal(err)
		}
	}
}

// referenceCompiler compiles the schemas with santhosh-tekuri v6, as a user
// would, once.
func referenceCompiler(b *testing.B) *refcheck.Checker {
	ref, err := refcheck.New("../../schema", refcheck.Options{})
	if err != nil {
		b.Fatal(err)
	}
	return ref
}

// Decoding a whole file as a stream: records are decoded on every core
// (Workers: GOMAXPROCS) and handed back in input order. Run with -cpu 1,2:
// one core against two.
func BenchmarkStream(b *testing.B) {
	data, err := os.ReadFile(corpusFile)
	if err != nil {
		data = corpus.Generate(corpus.Options{N: 20000, Seed: 1})
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		r, err := stream.NewReader(bytes.NewReader(data), stream.Options{})
		if err != nil {
			b.Fatal(err)
		}
		for r.Next() {
			if rec := r.Record(); rec.Err != nil {
				b.Fatal(rec.Err)
			}
		}
		if err := r.Err(); err != nil {
			b.Fatal(err)
		}
		r.Close()
	}
}
