package v3p1

import (
	"encoding/json"
	"math"
	"strings"
	"testing"
)

// A float JSON cannot hold is written as null, and AppendJSON reports it
// after writing the rest of the event; a field and a map value alike.
func TestAppendJSONUnsupportedFloat(t *testing.T) {
	for _, f := range []float64{math.NaN(), math.Inf(1), math.Inf(-1)} {
		var purchase AppMonetizationEvent
		if err := purchase.UnmarshalJSON(readSynthetic(t, "app_monetization.purchase_3.1.json")); err != nil {
			t.Fatal(err)
		}
		purchase.Metrics.ItemPrice = &f
		var custom AppEvent
		if err := custom.UnmarshalJSON(readSynthetic(t, "app_custom_pageView_3.1.json")); err != nil {
			t.Fatal(err)
		}
		custom.Metrics = map[string]float64{"a": 1, "b": f}
		for _, c := range []struct {
			v    interface{ AppendJSON([]byte) ([]byte, error) }
			want string
		}{
			{&purchase, `"_item_price":null`},
			{&custom, `"metrics":{"a":1,"b":null}`},
		} {
			out, err := c.v.AppendJSON([]byte("prefix:"))
			s := string(out)
			if err == nil || !strings.HasPrefix(s, "prefix:{") || !strings.Contains(s, c.want) || !json.Valid(out[len("prefix:"):]) {
				t.Errorf("%v: %v, %s; want an error and %s", f, err, s, c.want)
			}
		}
	}
}
