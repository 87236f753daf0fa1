package v3p1

import (
	"os"
	"sync"
	"testing"
)

// The endpoint record is decoded on first use, or with the event when
// DecodeOptions.Eager asks for it; a broken one never fails the
// event.
func TestEmbeddedDecodedLazilyOrEagerly(t *testing.T) {
	data, err := os.ReadFile("../../../testdata/samples/campaign_send_3.1.json")
	if err != nil {
		t.Fatal(err)
	}
	var lazy CampaignSendEvent
	if err := lazy.UnmarshalJSON(data); err != nil {
		t.Fatal(err)
	}
	if e := &lazy.ClientContext.Custom.Endpoint; e.decoded.Decoded(e.Text) {
		t.Error("decoded before first use")
	}
	var eager CampaignSendEvent
	if err := eager.UnmarshalJSONWith(data, DecodeOptions{Eager: true}); err != nil {
		t.Fatal(err)
	}
	if e := &eager.ClientContext.Custom.Endpoint; !e.decoded.Decoded(e.Text) {
		t.Fatal("not decoded with the event")
	}
	first, _ := eager.ClientContext.Custom.Endpoint.Decode()
	if again, _ := eager.ClientContext.Custom.Endpoint.Decode(); first != again || *first.ChannelType != ChannelTypeGCM {
		t.Error("Decode does not return the kept record")
	}

	eager.ClientContext.Custom.Endpoint.Text = `{"ChannelType": "SMS"`
	if _, err := eager.ClientContext.Custom.Endpoint.Decode(); err == nil {
		t.Error("a changed, broken text decoded")
	}
	var broken CampaignSendEvent
	brokenData := []byte(`{"event_type":"_campaign.send","client_context":{"custom":{"endpoint":"{not json"}}}`)
	if err := broken.UnmarshalJSONWith(brokenData, DecodeOptions{Eager: true}); err != nil {
		t.Errorf("a broken endpoint failed the event: %v", err)
	}
	if _, err := broken.ClientContext.Custom.Endpoint.Decode(); err == nil {
		t.Error("the broken endpoint's error is lost")
	}
}

// Decode may run on several goroutines at once (run with -race).
func TestEmbeddedConcurrentDecode(t *testing.T) {
	data, err := os.ReadFile("../../../testdata/samples/campaign_send_3.1.json")
	if err != nil {
		t.Fatal(err)
	}
	var ev CampaignSendEvent
	if err := ev.UnmarshalJSON(data); err != nil {
		t.Fatal(err)
	}
	channels := make([]ChannelType, 8)
	var wg sync.WaitGroup
	for i := range channels {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if ep, err := ev.ClientContext.Custom.Endpoint.Decode(); err == nil && ep.ChannelType != nil {
				channels[i] = *ep.ChannelType
			}
		}()
	}
	wg.Wait()
	for _, c := range channels {
		if c != ChannelTypeGCM {
			t.Fatalf("goroutines decoded %v", channels)
		}
	}
}
