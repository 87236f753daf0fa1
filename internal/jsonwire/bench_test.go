package jsonwire_test

import (
	"bytes"
	"encoding/json"
	"strconv"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
)

// benchEvent is a realistic event of about 1 KB: mostly strings, int64
// millisecond timestamps, floats, nested objects, arrays, and a JSON
// document escaped inside a string.
var benchEvent = []byte(`{"event_id":"4f1c2a9e-8b7d-4e3f-9a61-2c5d7e8f9012","type":"checkout.completed",` +
	`"timestamp_ms":1732675200123,"received_at_ms":1732675200456,"version":3,` +
	`"user":{"id":"u_83920174","anonymous_id":"a7f3e2d1-6c5b-4a39-8e27-1f0d9c8b7a65","email":"jane.doe@example.com",` +
	`"traits":{"plan":"pro","age":34,"score":0.8725,"name":"Jane Doé"}},` +
	`"context":{"ip":"203.0.113.42","locale":"en-US",` +
	`"user_agent":"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36",` +
	`"page":{"url":"https://shop.example.com/products/widget?ref=newsletter&utm_source=email","referrer":"https://mail.example.com/",` +
	`"title":"Widget \u2013 Example Shop"},"screen":{"width":1920,"height":1080,"density":2.0}},` +
	`"properties":{"payload":"{\"cart\":{\"items\":[{\"sku\":\"W-1\",\"qty\":2,\"price\":19.99}],\"currency\":\"EUR\"},\"note\":\"say \\\"hi\\\"\"}",` +
	`"tags":["summer","sale","newsletter"],"amount":39.98,"discount":-5.5e-1,"items":2,"first_visit":false,"coupon":null,` +
	`"line_items":[{"sku":"W-1","name":"Widget","qty":2,"price":19.99},{"sku":"G-7","name":"Gadget","qty":1,"price":0}]},` +
	`"session":{"id":"s_5d2f9a","seq":17,"duration_ms":83421,"started_at_ms":1732675117035}}`)

// benchEventIndented is benchEvent with whitespace, as json.Indent writes it.
var benchEventIndented = func() []byte {
	var b bytes.Buffer
	if err := json.Indent(&b, benchEvent, "", "  "); err != nil {
		panic(err)
	}
	return b.Bytes()
}()

func BenchmarkSkip(b *testing.B) {
	for _, in := range []struct {
		name string
		data []byte
	}{{"compact", benchEvent}, {"indented", benchEventIndented}} {
		b.Run(in.name, func(b *testing.B) {
			d := jsonwire.NewDecoder(nil)
			b.SetBytes(int64(len(in.data)))
			b.ReportAllocs()
			for b.Loop() {
				d.Reset(in.data)
				if err := d.Skip(); err != nil {
					b.Fatal(err)
				}
				if err := d.End(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkStdlibValid is the reference point for BenchmarkSkip.
func BenchmarkStdlibValid(b *testing.B) {
	b.SetBytes(int64(len(benchEvent)))
	b.ReportAllocs()
	for b.Loop() {
		if !json.Valid(benchEvent) {
			b.Fatal("invalid")
		}
	}
}

// BenchmarkDecodeEvent walks the event reading every value, strings with
// String and numbers with Float64, as generated decoders do.
func BenchmarkDecodeEvent(b *testing.B) {
	d := jsonwire.NewDecoder(nil)
	b.SetBytes(int64(len(benchEvent)))
	b.ReportAllocs()
	for b.Loop() {
		d.Reset(benchEvent)
		walk(b, d, true)
	}
}

// BenchmarkStrings decodes an array of strings of typical lengths, a few
// of them escaped or non-ASCII.
func BenchmarkStrings(b *testing.B) {
	var data []byte
	for i := range 64 {
		data = append(data, ',')
		switch i % 8 {
		case 0:
			data = jsonwire.AppendString(data, "line one\nline \"two\"")
		case 1:
			data = jsonwire.AppendString(data, "Jane Doé – Zürich")
		case 2:
			data = jsonwire.AppendString(data, "https://shop.example.com/products/widget?ref=newsletter&utm_source=email")
		default:
			data = jsonwire.AppendString(data, "4f1c2a9e-8b7d-4e3f-9a61-2c5d7e8f9012"[:8+i%28])
		}
	}
	data = jsonwire.CloseArray(data, 0)
	d := jsonwire.NewDecoder(nil)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		d.Reset(data)
		must(b, d.BeginArray())
		for {
			more, err := d.NextElement()
			must(b, err)
			if !more {
				break
			}
			_, err = d.String()
			must(b, err)
		}
	}
}

func BenchmarkInt64(b *testing.B) {
	d := jsonwire.NewDecoder(nil)
	data := []byte(`1732675200123`)
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		d.Reset(data)
		if _, _, err := d.Int64(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkFloat64(b *testing.B) {
	for _, lit := range []string{"39.98", "3.141592653589793", "1.7976931348623157e308"} {
		b.Run(lit, func(b *testing.B) {
			d := jsonwire.NewDecoder(nil)
			data := []byte(lit)
			b.SetBytes(int64(len(data)))
			for b.Loop() {
				d.Reset(data)
				if _, _, err := d.Float64(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkAppendCompact(b *testing.B) {
	d := jsonwire.NewDecoder(nil)
	var dst []byte
	b.SetBytes(int64(len(benchEventIndented)))
	b.ReportAllocs()
	for b.Loop() {
		d.Reset(benchEventIndented)
		var err error
		if dst, err = d.AppendCompact(dst[:0]); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkEncodeEvent writes an event like benchEvent, as generated
// encoders do.
func BenchmarkEncodeEvent(b *testing.B) {
	buf := appendEvent(nil)
	if !json.Valid(buf) {
		b.Fatalf("invalid JSON: %s", buf)
	}
	b.SetBytes(int64(len(buf)))
	b.ReportAllocs()
	for b.Loop() {
		buf = appendEvent(buf[:0])
	}
}

func appendEvent(b []byte) []byte {
	start := len(b)
	b = append(b, `,"event_id":`...)
	b = jsonwire.AppendString(b, "4f1c2a9e-8b7d-4e3f-9a61-2c5d7e8f9012")
	b = append(b, `,"type":`...)
	b = jsonwire.AppendString(b, "checkout.completed")
	b = append(b, `,"timestamp_ms":`...)
	b = strconv.AppendInt(b, 1732675200123, 10)
	b = append(b, `,"user":`...)
	user := len(b)
	b = append(b, `,"email":`...)
	b = jsonwire.AppendString(b, "jane.doe@example.com")
	b = append(b, `,"name":`...)
	b = jsonwire.AppendString(b, "Jane Doé")
	b = append(b, `,"score":`...)
	b, _ = jsonwire.AppendFloat(b, 0.8725)
	b = jsonwire.CloseObject(b, user)
	b = append(b, `,"user_agent":`...)
	b = jsonwire.AppendString(b, "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36")
	b = append(b, `,"payload":`...)
	b = jsonwire.AppendString(b, `{"cart":{"items":[{"sku":"W-1","qty":2,"price":19.99}],"currency":"EUR"},"note":"say \"hi\""}`)
	b = append(b, `,"tags":`...)
	tags := len(b)
	b = append(b, ',')
	b = jsonwire.AppendString(b, "summer")
	b = append(b, ',')
	b = jsonwire.AppendString(b, "sale")
	b = jsonwire.CloseArray(b, tags)
	b = append(b, `,"amount":`...)
	b, _ = jsonwire.AppendFloat(b, 39.98)
	b = append(b, `,"first_visit":false,"coupon":null`...)
	return jsonwire.CloseObject(b, start)
}
