package anyevent_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint/v3p1"
	"github.com/pinpoint-events/pinpoint-events/generator/refcheck"
	"github.com/pinpoint-events/pinpoint-events/internal/mutate"
)

const (
	samplesDir   = "../../testdata/samples"   // from the AWS documentation
	syntheticDir = "../../testdata/synthetic" // written for the types the documentation has no sample of
)

// Every bundled sample, with what Decode must make of it. Where CATALOG.md
// says the document is not a Pinpoint event of a known layout, the exact
// error is asserted.
var sampleExpectations = []struct {
	file   string // in samplesDir, or in syntheticDir when it starts with "synthetic/"
	goType string // the dynamic type of the decoded event
	err    string // or the decode error
}{
	{"app_session.stop_3.0.json", "*v3p0.AppEvent", ""},
	{"campaign_send_3.1.json", "*v3p1.CampaignSendEvent", ""},
	{"campaign_send_3.1_2019-no-delivery_type.json", "*v3p1.CampaignSendEvent", ""},
	{"email_click_3.1.json", "*v3p1.EmailClickEvent", ""},
	{"email_delivered_3.1.json", "*v3p1.EmailDeliveredEvent", ""},
	{"email_open_3.1.json", "*v3p1.EmailOpenEvent", ""},
	{"email_send_3.1.json", "*v3p1.EmailSendEvent", ""},
	{"journey_send_3.1.json", "*v3p1.JourneySendEvent", ""},
	{"journey_send_3.1_2019-no-activity_type.json", "*v3p1.JourneySendEvent", ""},
	{"journey_send_3.1_current-docs.json", "*v3p1.JourneySendEvent", ""},
	{"legacy2018_app_session.stop_3.0.json", "*v3p0.AppEvent", ""},
	// The 2018 page labelled an app event _email.delivered: no 3.0 schema
	// covers email events.
	{"legacy2018_email_delivered_3.0.json", "", `event_version "3.0" has no event type "_email.delivered"`},
	{"legacy2018_sms_SMS.SUCCESS_noversion.json", "", "not a Pinpoint 3.x event: the record has the 2018 Pinpoint SMS event layout (format pinpoint-2018-sms), which has no event_version"},
	{"mobileanalytics-migration_monetization.purchase_legacy-flat.json", "", "not a Pinpoint 3.x event: the record has the Amazon Mobile Analytics export layout (format mobile-analytics-export), which has no event_version"},
	{"mobileanalytics-migration_session.start_legacy-flat.json", "", "not a Pinpoint 3.x event: the record has the Amazon Mobile Analytics export layout (format mobile-analytics-export), which has no event_version"},
	{"sms_SMS.SUCCESS_3.1.json", "*v3p1.SMSEvent", ""},

	{"synthetic/app_custom_pageView_3.1.json", "*v3p1.AppEvent", ""},
	{"synthetic/app_inapp.message_displayed_3.1.json", "*v3p1.InAppMessageEvent", ""},
	{"synthetic/app_monetization.purchase_3.1.json", "*v3p1.AppMonetizationEvent", ""},
	{"synthetic/app_session.stop_3.1.json", "*v3p1.AppSessionEvent", ""},
	{"synthetic/app_userauth.sign_in_3.1.json", "*v3p1.AppUserAuthEvent", ""},
	{"synthetic/campaign_opened_notification_3.1.json", "*v3p1.CampaignEngagementEvent", ""},
	{"synthetic/campaign_send_unknown_status_null_attribute_3.1.json", "*v3p1.CampaignSendEvent", ""},
	{"synthetic/email_complaint_3.1.json", "*v3p1.EmailComplaintEvent", ""},
	{"synthetic/email_hardbounce_3.1.json", "*v3p1.EmailHardBounceEvent", ""},
	{"synthetic/email_rejected_3.1.json", "*v3p1.EmailRejectedEvent", ""},
	{"synthetic/email_rendering_failure_3.1.json", "*v3p1.EmailRenderingFailureEvent", ""},
	{"synthetic/email_softbounce_3.1.json", "*v3p1.EmailSoftBounceEvent", ""},
	{"synthetic/email_unsubscribe_3.1.json", "*v3p1.EmailUnsubscribeEvent", ""},
	{"synthetic/journey_received_foreground_3.1.json", "*v3p1.JourneyEngagementEvent", ""},
	{"synthetic/journey_send_quiet_time_wait_finished_3.1.json", "*v3p1.JourneySendEvent", ""},
	{"synthetic/sms_SMS.BUFFERED_customer_context_3.1.json", "*v3p1.SMSEvent", ""},
	{"synthetic/sms_SMS.FAILURE_no_phone_number_2020_3.1.json", "*v3p1.SMSEvent", ""},
}

func readSample(t testing.TB, name string) []byte {
	t.Helper()
	path := filepath.Join(samplesDir, name)
	if rest, ok := strings.CutPrefix(name, "synthetic/"); ok {
		path = filepath.Join(syntheticDir, rest)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

func TestSamplesAreAllListed(t *testing.T) {
	listed := map[string]bool{}
	for _, s := range sampleExpectations {
		listed[s.file] = true
	}
	for dir, prefix := range map[string]string{samplesDir: "", syntheticDir: "synthetic/"} {
		paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			if !listed[prefix+filepath.Base(p)] {
				t.Errorf("%s has no expectation in sampleExpectations", p)
			}
		}
	}
}

func TestSamplesDecode(t *testing.T) {
	for _, s := range sampleExpectations {
		t.Run(s.file, func(t *testing.T) {
			ev, err := anyevent.Decode(readSample(t, s.file))
			if s.err != "" {
				if err == nil || err.Error() != s.err {
					t.Fatalf("Decode error = %v, want %q", err, s.err)
				}
				return
			}
			if err != nil {
				t.Fatalf("Decode: %v", err)
			}
			if got := fmt.Sprintf("%T", ev); got != s.goType {
				t.Fatalf("type %s, want %s", got, s.goType)
			}
			if err := ev.ValidateWith(anyevent.ValidateOptions{AssertFormat: true, AssertContent: true}); err != nil {
				t.Fatalf("Validate: %v", err)
			}
		})
	}
}

func TestCampaignSampleIsTyped(t *testing.T) {
	ev, err := anyevent.Decode(readSample(t, "campaign_send_3.1.json"))
	if err != nil {
		t.Fatal(err)
	}
	send := ev.(*v3p1.CampaignSendEvent)
	if send.Attributes.CampaignSendStatus != v3p1.CampaignSendStatusSuccess || *send.Attributes.DeliveryType != v3p1.DeliveryTypeGCM {
		t.Errorf("attributes = %+v", send.Attributes)
	}
	if id, err := send.Attributes.TreatmentID.Int64(); err != nil || id != 0 {
		t.Errorf("TreatmentID.Int64() = %d, %v", id, err)
	}
	if got := send.EventTime().UnixMilli(); got != 1562109497426 {
		t.Errorf("EventTime = %d", got)
	}
	endpoint, err := send.ClientContext.Custom.Endpoint.Decode()
	if err != nil {
		t.Fatal(err)
	}
	if *endpoint.ChannelType != v3p1.ChannelTypeGCM || *endpoint.EndpointStatus != v3p1.EndpointStatusActive ||
		*endpoint.OptOut != v3p1.OptOutNone || *endpoint.RequestID != "ec229696-9d1e-11e9-8bf1-85d0aexample" ||
		endpoint.User == nil || *endpoint.EffectiveDate != "2019-07-02T23:12:54.836Z" {
		t.Errorf("endpoint = %+v", endpoint)
	}
	if !reflect.ValueOf(send.ClientContext.Custom.Endpoint.Text).IsValid() || send.ClientContext.Custom.Endpoint.Text[0] != '{' {
		t.Errorf("the raw endpoint string is not kept: %q", send.ClientContext.Custom.Endpoint.Text)
	}
}

// Decoding, encoding and decoding again gives an equal value, and the
// encoded JSON equals the input as JSON.
func TestSamplesRoundTrip(t *testing.T) {
	for _, s := range sampleExpectations {
		if s.err != "" {
			continue
		}
		t.Run(s.file, func(t *testing.T) {
			data := readSample(t, s.file)
			ev, err := anyevent.Decode(data)
			if err != nil {
				t.Fatal(err)
			}
			out, err := ev.AppendJSON(nil)
			if err != nil {
				t.Fatal(err)
			}
			again, err := anyevent.Decode(out)
			if err != nil {
				t.Fatalf("decoding the encoded event: %v\n%s", err, out)
			}
			if !sameValue(ev, again) {
				t.Errorf("decode(encode(event)) differs:\n%+v\n%+v", ev, again)
			}
			if !jsonEqual(t, data, out) {
				t.Errorf("encoded JSON differs from the input:\n%s\n%s", data, out)
			}
		})
	}
}

func jsonEqual(t testing.TB, a, b []byte) bool {
	t.Helper()
	var va, vb any
	for _, x := range []struct {
		data []byte
		v    *any
	}{{a, &va}, {b, &vb}} {
		d := json.NewDecoder(bytes.NewReader(x.data))
		d.UseNumber()
		if err := d.Decode(x.v); err != nil {
			t.Fatalf("%v: %s", err, x.data)
		}
	}
	return reflect.DeepEqual(normalizeNumbers(va), normalizeNumbers(vb))
}

// normalizeNumbers makes 645.0 and 645 equal, as they are in JSON.
func normalizeNumbers(v any) any {
	switch v := v.(type) {
	case json.Number:
		f, _ := v.Float64()
		return f
	case map[string]any:
		for k, x := range v {
			v[k] = normalizeNumbers(x)
		}
	case []any:
		for i, x := range v {
			v[i] = normalizeNumbers(x)
		}
	}
	return v
}

// outcome is what one side of the differential test made of an event.
type outcome struct {
	routed   bool // a schema covers the event's version and type
	valid    bool
	pointers []string
}

func (o outcome) String() string {
	if !o.routed {
		return "no schema"
	}
	return fmt.Sprintf("valid=%v pointers=%q", o.valid, o.pointers)
}

func generatedOutcome(data []byte) (outcome, error) {
	ev, err := anyevent.Decode(data)
	switch err.(type) {
	case nil, *anyevent.ConstError:
	case *anyevent.UnknownVersionError, *anyevent.MissingVersionError, *anyevent.UnknownEventTypeError, *anyevent.NotAnObjectError,
		*anyevent.LegacyFormatError, *anyevent.ForeignEventError, *anyevent.NonEventRecordError:
		return outcome{}, nil
	default:
		return outcome{}, err
	}
	o := outcome{routed: true, valid: true}
	verr := ev.ValidateWith(anyevent.ValidateOptions{AssertFormat: true, AssertContent: true})
	if verr == nil {
		return o, nil
	}
	o.valid = false
	set := map[string]bool{}
	for _, v := range verr.(*anyevent.ValidationError).Violations {
		set[v.Pointer] = true
	}
	for p := range set {
		o.pointers = append(o.pointers, p)
	}
	sort.Strings(o.pointers)
	return o, nil
}

func referenceOutcome(ref *refcheck.Checker, data []byte) (outcome, error) {
	route, res, err := ref.Check(data)
	if err != nil || route == nil {
		return outcome{}, err
	}
	return outcome{routed: true, valid: res.Valid, pointers: res.Pointers}, nil
}

// For every sample and mutations of it, the generated decoder and validator
// and the reference validator agree on the verdict and on the set of failing
// instance pointers.
func TestDifferentialSamples(t *testing.T) {
	ref, err := refcheck.New("../../schema", refcheck.Options{AssertFormat: true, AssertContent: true})
	if err != nil {
		t.Fatal(err)
	}
	cases := 0
	for _, s := range sampleExpectations {
		data := readSample(t, s.file)
		muts, err := mutate.All(data)
		if err != nil {
			t.Fatal(err)
		}
		muts = append(muts, mutate.Mutation{Name: "as written", Data: data})
		for _, m := range muts {
			cases++
			want, err := referenceOutcome(ref, m.Data)
			if err != nil {
				t.Errorf("%s, %s: reference: %v", s.file, m.Name, err)
				continue
			}
			got, err := generatedOutcome(m.Data)
			if err != nil {
				t.Errorf("%s, %s: generated: %v", s.file, m.Name, err)
				continue
			}
			if got.String() != want.String() {
				t.Errorf("%s, %s:\n generated %s\n reference %s\n%s", s.file, m.Name, got, want, m.Data)
			}
		}
	}
	t.Logf("%d events compared", cases)
}

// The generated validators give the same verdicts on raw JSON (ValidateJSON)
// as on the typed events (Decode, then ValidateWith): the same violations,
// word for word, or the same error.
func TestTypedAndRawValidatorsAgree(t *testing.T) {
	opts := anyevent.ValidateOptions{AssertFormat: true, AssertContent: true}
	compared := 0
	for _, s := range sampleExpectations {
		data := readSample(t, s.file)
		muts, err := mutate.All(data)
		if err != nil {
			t.Fatal(err)
		}
		muts = append(muts, mutate.Mutation{Name: "as written", Data: data})
		for _, m := range muts {
			compared++
			var typed error
			ev, err := anyevent.Decode(m.Data)
			var brokenConst *anyevent.ConstError
			switch {
			case err == nil || errors.As(err, &brokenConst):
				typed = ev.ValidateWith(opts)
			default:
				typed = err
			}
			raw := anyevent.ValidateJSON(m.Data, opts)
			if fmt.Sprint(typed) != fmt.Sprint(raw) {
				t.Errorf("%s, %s:\n typed: %v\n   raw: %v", s.file, m.Name, typed, raw)
			}
		}
	}
	t.Logf("%d events compared", compared)
}

// Decoding into a used value gives what decoding into a new one gives, in
// any order: nothing of the previous event stays behind.
func TestReusedValuesDecodeLikeNewOnes(t *testing.T) {
	reused := map[string]anyevent.Event{}
	compared := 0
	for _, s := range sampleExpectations {
		muts, err := mutate.All(readSample(t, s.file))
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range muts {
			fresh, err := anyevent.Decode(m.Data)
			if fresh == nil {
				continue
			}
			key := fmt.Sprintf("%T", fresh)
			old, ok := reused[key]
			if !ok {
				reused[key] = fresh
				continue
			}
			errReused := old.UnmarshalJSON(m.Data)
			if fmt.Sprint(err) != fmt.Sprint(errReused) {
				t.Errorf("%s, %s: error %v, reused %v", s.file, m.Name, err, errReused)
			}
			want, _ := fresh.AppendJSON(nil)
			got, _ := old.AppendJSON(nil)
			if !bytes.Equal(want, got) {
				t.Errorf("%s, %s: reused value encodes as\n%s\nnew value as\n%s", s.file, m.Name, got, want)
			}
			if fmt.Sprint(fresh.Validate()) != fmt.Sprint(old.Validate()) {
				t.Errorf("%s, %s: Validate differs: reused %v, new %v", s.file, m.Name, old.Validate(), fresh.Validate())
			}
			if !reflect.DeepEqual(normalize(fresh), normalize(old)) {
				t.Errorf("%s, %s: reused value differs from a new one", s.file, m.Name)
			}
			compared++
		}
	}
	t.Logf("%d decodes into used values compared", compared)
}

// normalize drops what may legitimately differ between a reused and a new
// value: empty slices and maps kept for their memory are nil in a new one.
func normalize(ev anyevent.Event) any {
	data, _ := ev.AppendJSON(nil)
	var v any
	json.Unmarshal(data, &v)
	return v
}
