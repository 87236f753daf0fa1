package bench
import ("testing";"github.com/pinpoint-events/pinpoint-events/generated/pinpoint")
func TestTmpNested(t *testing.T) {
	data := withAttributes(hostBase(t), `{"a":` + zeros(recordSize) + `}`)
	ev, _ := pinpoint.Decode(data)
	for range 3 { ev.Validate() }
}
