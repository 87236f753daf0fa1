package pinpoint_test

import (
	"bytes"
	"encoding/json"
	"testing"

	"github.com/go-faster/jx"
	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint/v3p1"
)

func compactSample(b *testing.B, name string) []byte {
	var buf bytes.Buffer
	json.Compact(&buf, readSample(b, name))
	return buf.Bytes()
}

func BenchmarkQuickCampaignDecode(b *testing.B) {
	data := compactSample(b, "campaign_send_3.1.json")
	var ev v3p1.CampaignSendEvent
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := ev.UnmarshalJSON(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkQuickCampaignValidate(b *testing.B) {
	data := compactSample(b, "campaign_send_3.1.json")
	var ev v3p1.CampaignSendEvent
	ev.UnmarshalJSON(data)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := ev.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkQuickEmailDecode(b *testing.B) {
	data := compactSample(b, "email_delivered_3.1.json")
	var ev v3p1.EmailDeliveredEvent
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := ev.UnmarshalJSON(data); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkQuickEmailJx(b *testing.B) {
	data := compactSample(b, "email_delivered_3.1.json")
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if !jx.Valid(data) {
			b.Fatal()
		}
	}
}

func BenchmarkQuickCampaignJx(b *testing.B) {
	data := compactSample(b, "campaign_send_3.1.json")
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		if !jx.Valid(data) {
			b.Fatal()
		}
	}
}
