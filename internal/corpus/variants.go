package corpus

import (
	"strconv"
	"strings"
)

// A break is written "-path" (remove the member), "~path" (give it the
// wrong JSON type) or "!path" (an account id that is not 12 digits); a
// path names members from the top, "*" any member of an object, and
// "mail_event" stands for facets/email_channel/mail_event. Each list holds
// only members the event's schema requires, or whose type it fixes; a
// break applies when its member is there. event_type and event_version are
// never broken: the event must still route to its schema.
const (
	envelopeBreaks = "-event_timestamp -arrival_timestamp -application -client -device -session -attributes " +
		"-application/app_id -application/sdk -client/client_id " +
		"~event_timestamp ~event_timestamp ~arrival_timestamp ~client/client_id ~device ~session"
	accountBreaks = "-awsAccountId !awsAccountId !awsAccountId ~awsAccountId"
	sendBreaks    = "-client_context -client_context/custom -client_context/custom/endpoint ~client_context/custom/endpoint"
	deviceBreaks  = "~session/start_timestamp ~endpoint ~endpoint/CohortId ~endpoint/Location/Latitude ~metrics/*"
	emailBreaks   = envelopeBreaks + " " + accountBreaks + " " +
		"-facets -facets/email_channel -mail_event -attributes/feedback ~attributes/feedback " +
		"-mail_event/mail/message_id -mail_event/mail/message_send_timestamp -mail_event/mail/from_address " +
		"-mail_event/mail/destination -mail_event/mail/headers_truncated -mail_event/mail/headers -mail_event/mail/common_headers " +
		"~mail_event/mail/message_send_timestamp ~mail_event/mail/message_send_timestamp ~mail_event/mail/headers_truncated " +
		"~mail_event/mail/destination ~mail_event/mail/common_headers/to"
	// mailBreaks remove the mail, which every email event but
	// _email.rendering_failure requires.
	mailBreaks = "-mail_event/mail"
)

var (
	campaignSendBreaks = breaks(envelopeBreaks, accountBreaks, sendBreaks,
		"-attributes/campaign_id -attributes/campaign_activity_id -attributes/treatment_id -attributes/campaign_send_status",
		"~attributes/treatment_id ~attributes/campaign_send_status")
	campaignEngagementBreaks = breaks(envelopeBreaks, accountBreaks, deviceBreaks,
		"-attributes/campaign_id -attributes/campaign_activity_id ~attributes/treatment_id")

	emailSendBreaks      = breaks(emailBreaks, mailBreaks, "-mail_event/send ~mail_event/send")
	emailDeliveredBreaks = breaks(emailBreaks, mailBreaks,
		"-mail_event/delivery ~mail_event/delivery/processing_time_millis ~mail_event/delivery/recipients")
	emailOpenBreaks             = breaks(emailBreaks, mailBreaks, "-mail_event/open ~mail_event/open/ip_address")
	emailClickBreaks            = breaks(emailBreaks, mailBreaks, "-mail_event/click ~mail_event/click/link")
	emailOtherBreaks            = breaks(emailBreaks, mailBreaks)
	emailRenderingFailureBreaks = breaks(emailBreaks)

	smsBreaks = breaks(envelopeBreaks, accountBreaks,
		"-attributes/sender_request_id -attributes/message_id ~attributes/message_type -attributes/record_status",
		"-attributes/iso_country_code -attributes/number_of_message_parts ~attributes/iso_country_code",
		"~attributes/number_of_message_parts ~attributes/number_of_message_parts ~attributes/destination_phone_number",
		"~metrics/price_in_millicents_usd ~metrics/price_in_millicents_usd")

	journeySendBreaks = breaks(envelopeBreaks, accountBreaks, sendBreaks,
		"-attributes/journey_id -attributes/journey_run_id -attributes/journey_activity_id -attributes/journey_send_status",
		"~attributes/journey_send_status ~attributes/journey_send_status_code")
	journeyEngagementBreaks = breaks(envelopeBreaks, accountBreaks, deviceBreaks,
		"-attributes/journey_id -attributes/journey_activity_id ~attributes/journey_run_id")

	appBreaks       = breaks(envelopeBreaks, accountBreaks, deviceBreaks, "~attributes/* ~session/stop_timestamp")
	legacyAppBreaks = breaks(envelopeBreaks, "~metrics/* ~attributes/* ~attributes")
)

// mailEvent is the path of an email event's mail and detail objects.
const mailEvent = "facets/email_channel/mail_event"

// breaks joins lists of breaks, with mail_event written out.
func breaks(lists ...string) []string {
	fields := strings.Fields(strings.Join(lists, " "))
	for i, f := range fields {
		if strings.HasPrefix(f[1:], "mail_event") {
			fields[i] = f[:1] + mailEvent + strings.TrimPrefix(f[1:], "mail_event")
		}
	}
	return fields
}

// breakEvent applies one of the breaks that fit e, and reports whether one
// did.
func (g *gen) breakEvent(e obj, candidates []string) (obj, bool) {
	type fit struct {
		op   byte
		path []string
	}
	var fits []fit
	for _, c := range candidates {
		path := strings.Split(c[1:], "/")
		if path[len(path)-1] == "*" {
			parent, _ := lookup(e, path[:len(path)-1])
			o, _ := parent.(obj)
			if len(o) == 0 {
				continue
			}
			path[len(path)-1] = pick(g, o).key
		}
		if _, ok := lookup(e, path); ok {
			fits = append(fits, fit{c[0], path})
		}
	}
	if len(fits) == 0 {
		return e, false
	}
	f := pick(g, fits)
	e, _ = update(e, f.path, func(v any) (any, bool) {
		switch f.op {
		case '-':
			return nil, false
		case '~':
			return retype(v), true
		}
		return g.badAccount(v.(string)), true
	})
	return e, true
}

// retype returns v as a value of another JSON type, the way producers get
// it wrong: a number or a JSON document written as a string, a numeric
// string written as a number, a list where one value belongs, or the
// reverse.
func retype(v any) any {
	switch v := v.(type) {
	case string:
		if d := strings.TrimPrefix(v, "+"); d != "" && strings.Trim(d, "0123456789") == "" {
			return num(d)
		}
		return []string{v}
	case doc:
		return obj(v)
	case []string:
		if len(v) == 1 {
			return v[0]
		}
	}
	return string(appendValue(nil, v))
}

// badAccount returns an account id that is not 12 digits.
func (g *gen) badAccount(id string) string {
	switch g.r.IntN(4) {
	case 0:
		return id[:4] + "-" + id[4:8] + "-" + id[8:] // as the console shows it
	case 1:
		return id[1:]
	case 2:
		return id + strconv.Itoa(g.r.IntN(10))
	}
	return id[:11] + "O" // a letter for a zero
}

// unknownTargets are where unknown members go: the top level most often.
var unknownTargets = []string{
	"", "", "", "", "", "application", "application/sdk", "client", "device", "device/platform", "session",
	"attributes", "attributes", "metrics", "endpoint", "endpoint/Demographic", "client_context/custom",
	mailEvent + "/mail", mailEvent + "/mail/common_headers", mailEvent,
}

var unknownNames = []string{
	"x_trace_id", "ingest_region", "pipeline_version", "partner_ref", "experiment_bucket",
	"schema_rev", "retry_count", "batch_id", "source_system", "debug_flags",
}

// addUnknown adds a member no schema names to one of the objects of e that
// take any member, with a value of the type the object requires of its
// members (attributes take strings, metrics numbers), and reports whether
// it did.
func (g *gen) addUnknown(e obj) (obj, bool) {
	var fits []string
	for _, t := range unknownTargets {
		var path []string
		if t != "" {
			path = strings.Split(t, "/")
		}
		if v, ok := lookup(e, path); ok {
			if _, ok := v.(obj); ok {
				fits = append(fits, t)
			}
		}
	}
	if len(fits) == 0 {
		return e, false
	}
	t := pick(g, fits)
	var val any
	switch {
	case strings.HasSuffix(t, "attributes"):
		val = g.unknownString()
	case strings.HasSuffix(t, "metrics"):
		val = g.unknownNumber()
	default:
		switch g.r.IntN(10) {
		case 0, 1, 2, 3, 4:
			val = g.unknownString()
		case 5, 6, 7:
			val = g.unknownNumber()
		default:
			val = obj{{"source", pick(g, []string{"sdk", "relay", "backfill"})}, {"rev", g.between(1, 9)}}
		}
	}
	insert := func(o obj, first int) obj {
		name := pick(g, unknownNames)
		for o.index(name) >= 0 {
			name += "_"
		}
		at := g.between(first, len(o))
		return append(o[:at:at], append(obj{{name, val}}, o[at:]...)...)
	}
	if t == "" {
		return insert(e, 1), true // event_type stays first
	}
	e, _ = update(e, strings.Split(t, "/"), func(v any) (any, bool) { return insert(v.(obj), 0), true })
	return e, true
}

func (g *gen) unknownString() string {
	switch g.r.IntN(4) {
	case 0:
		return g.hex(16)
	case 1:
		return pick(g, regions)
	case 2:
		return "v" + strconv.Itoa(g.between(1, 4)) + "." + strconv.Itoa(g.r.IntN(20))
	}
	return pick(g, []string{"enabled", "control", "treatment-b", "beta"})
}

func (g *gen) unknownNumber() any {
	if g.chance(0.5) {
		return g.r.IntN(100000)
	}
	return float64(g.r.IntN(100000)) / 100
}
