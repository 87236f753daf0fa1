package framing_test

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/internal/framing"
)

// pinpointEvent is a realistic Pinpoint event of about 1 KB (an email send
// as the event stream delivers it), with %d where the generators put a
// sequence number.
const pinpointEvent = `{"event_type":"_email.send","event_timestamp":1732675200123,"arrival_timestamp":1732675200456,` +
	`"event_version":"3.1","application":{"app_id":"7b9c3f1e2d4a4b6c8e0f1a2b3c4d5e6f","sdk":{}},` +
	`"client":{"client_id":"client-%08d"},"device":{"platform":{}},"session":{},` +
	`"attributes":{"feedback":"delivered","campaign_id":"a1b2c3d4e5f60718293a4b5c6d7e8f90",` +
	`"campaign_activity_id":"0f9e8d7c6b5a49382716051a2b3c4d5e","treatment_id":"0",` +
	`"subject":"Your order \"W-1\" has shipped","from_address":"Example Shop <orders@example.com>",` +
	`"destination":"[\"jane.doe@example.com\"]","tags":"{\"team\":\"growth\",\"channel\":\"email\"}"},` +
	`"client_context":{"custom":{"endpoint":"{\"ChannelType\":\"EMAIL\",\"EndpointStatus\":\"ACTIVE\",\"OptOut\":\"NONE\",\"EffectiveDate\":\"2024-11-27T02:40:00.123Z\"}"}},` +
	`"awsAccountId":"123456789012","facets":{"email_channel":{"mail_event":{"mail":{"message_id":"0100018f4e5b6c7d-3a2b1c0d-9e8f-4a5b-8c7d-6e5f4a3b2c1d-000000",` +
	`"message_send_timestamp":1732675200123,"from_address":"orders@example.com","destination":["jane.doe@example.com"],` +
	`"headers_truncated":false,"headers":[{"name":"Subject","value":"Your order has shipped"}]},` +
	`"send":{}}}}}`

// ndjson returns n events, one per line.
func ndjson(n int) []byte {
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, pinpointEvent, i)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

func gzipped(data []byte) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}

func benchRead(b *testing.B, data []byte, plain int) {
	b.SetBytes(int64(plain))
	b.ReportAllocs()
	for b.Loop() {
		r, err := framing.NewReader(bytes.NewReader(data), framing.Options{})
		if err != nil {
			b.Fatal(err)
		}
		n := 0
		for r.Next() {
			if r.Record().Err != nil {
				b.Fatal(r.Record().Err)
			}
			n++
		}
		if r.Err() != nil || n == 0 {
			b.Fatal(r.Err(), n)
		}
	}
}

// BenchmarkNDJSON frames about 10 MB of 1 KB events; SetBytes makes it
// report throughput in MB/s of (decompressed) input.
func BenchmarkNDJSON(b *testing.B) {
	data := ndjson(10 << 10)
	b.Run("plain", func(b *testing.B) { benchRead(b, data, len(data)) })
	b.Run("gzip", func(b *testing.B) { benchRead(b, gzipped(data), len(data)) })
}

// BenchmarkLayouts frames the same events laid out otherwise: concatenated
// without delimiters, pretty-printed, and as a pretty-printed array.
func BenchmarkLayouts(b *testing.B) {
	lines := bytes.Split(bytes.TrimSpace(ndjson(10<<10)), []byte("\n"))
	var concat, pretty, array bytes.Buffer
	array.WriteString("[\n")
	for i, l := range lines {
		concat.Write(l)
		json.Indent(&pretty, l, "", "  ")
		if i > 0 {
			array.WriteString(",\n")
		}
		json.Indent(&array, l, "  ", "  ")
	}
	array.WriteString("\n]\n")
	for _, in := range []struct {
		name string
		data []byte
	}{{"concatenated", concat.Bytes()}, {"pretty", pretty.Bytes()}, {"array", array.Bytes()}} {
		b.Run(in.name, func(b *testing.B) { benchRead(b, in.data, len(in.data)) })
	}
}
