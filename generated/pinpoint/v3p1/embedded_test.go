package v3p1

import (
	"os"
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
	if lazy.ClientContext.Custom.Endpoint.decoded != nil {
		t.Error("decoded before first use")
	}
	var eager CampaignSendEvent
	if err := eager.UnmarshalJSONWith(data, DecodeOptions{Eager: true}); err != nil {
		t.Fatal(err)
	}
	if eager.ClientContext.Custom.Endpoint.decoded == nil {
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
