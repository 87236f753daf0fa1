// Package corpus generates a deterministic, realistic corpus of Amazon
// Pinpoint events, as Pinpoint streamed them to Kinesis and Firehose, for
// benchmarks.
//
// A corpus holds every family and version the schemas in schema/pinpoint
// describe, in the proportions a busy project sees: campaign sends, email,
// SMS, journeys and app events. Values vary with a seeded random number
// generator: ids, timestamps in 2019 through 2026, statuses (mostly the
// successful ones), addresses, phone numbers, user agents, links. Every
// event is valid against its schema, except a chosen share made invalid by
// one realistic break; another share carries a member no schema names,
// which the open schemas accept.
//
// Three random streams are drawn from the seed: one for the events, one for
// the unknown members and one for the breaks. A corpus with InvalidShare
// 0.02 is therefore the corpus with InvalidShare 0 with 2% of its events
// broken, and one with UnknownShare 0.05 the corpus with UnknownShare 0
// with 5% of its events given an unknown member.
package corpus

import "math/rand/v2"

// Options say which corpus to generate.
type Options struct {
	// N is the number of events.
	N int
	// Seed picks the corpus: the same options give the same bytes.
	Seed uint64
	// InvalidShare is the share of events (0 to 1) made invalid against
	// their schema: a required member removed, a member of the wrong JSON
	// type, an awsAccountId that is not 12 digits or a timestamp written as
	// a string. The JSON stays well-formed.
	InvalidShare float64
	// UnknownShare is the share of events (0 to 1) that carry one member
	// no schema names, at the top level or inside attributes, application,
	// the mail, .... Such events are valid: the schemas are open. A
	// negative value means DefaultUnknownShare.
	UnknownShare float64
}

// DefaultUnknownShare is the UnknownShare used when Options.UnknownShare
// is negative.
const DefaultUnknownShare = 0.05

// Generate returns the events as NDJSON: one compact JSON object per line,
// each followed by '\n'.
func Generate(opts Options) []byte { return generate(opts).data }

// Events returns the same events as Generate, one slice per event without
// the newline, for benchmarks that decode one event at a time. The slices
// share one backing array; each one's capacity ends with it.
func Events(opts Options) [][]byte { return generate(opts).events }

// The random streams of a corpus, each seeded with Options.Seed.
const (
	contentStream = 0x70696e706f696e74 // "pinpoint"
	unknownStream = 0x756e6b6e6f776e00 // "unknown"
	breakStream   = 0x627265616b000000 // "break"
)

// corpus is a generated corpus, with what tests need to know of each event.
type corpus struct {
	data    []byte   // the NDJSON
	events  [][]byte // each event in data, without its newline
	broken  []bool   // whether the event was made invalid
	unknown []bool   // whether the event carries an unknown member
}

// generate draws the corpus of opts.
func generate(opts Options) corpus {
	n := max(opts.N, 0)
	unknownShare := opts.UnknownShare
	if unknownShare < 0 {
		unknownShare = DefaultUnknownShare
	}
	g := newGen(rand.New(rand.NewPCG(opts.Seed, contentStream)))
	gu := &gen{r: rand.New(rand.NewPCG(opts.Seed, unknownStream))}
	gb := &gen{r: rand.New(rand.NewPCG(opts.Seed, breakStream))}
	c := corpus{
		data:    make([]byte, 0, n*1100),
		broken:  make([]bool, n),
		unknown: make([]bool, n),
	}
	ends := make([]int, n)
	for i := range n {
		k := g.kind()
		e := k.build(g, k.eventType)
		// Both draws happen for every event, whatever the shares.
		if gu.r.Float64() < unknownShare {
			e, c.unknown[i] = gu.addUnknown(e)
		}
		if gb.r.Float64() < opts.InvalidShare {
			e, c.broken[i] = gb.breakEvent(e, k.breaks)
		}
		c.data = appendValue(c.data, e)
		ends[i] = len(c.data)
		c.data = append(c.data, '\n')
	}
	c.events = make([][]byte, n)
	start := 0
	for i, end := range ends {
		c.events[i] = c.data[start:end:end]
		start = end + 1
	}
	return c
}

// kind is one entry of the mix of event types.
type kind struct {
	eventType string
	weight    int // in hundredths of a percent of all events
	build     func(g *gen, eventType string) obj
	breaks    []string // the breaks that make such an event invalid
}

// kind draws the type of the next event.
func (g *gen) kind() *kind {
	n := g.r.IntN(mixTotal)
	for i := range mix {
		if n < mix[i].weight {
			return &mix[i]
		}
		n -= mix[i].weight
	}
	panic("unreachable")
}

// mix is the share of each event type: campaign 25%, email 35%, SMS 15%,
// journey 10%, app 15%. "custom" is an app event of a name of the app's
// own; "3.0" an app event of version 3.0.
var mix = []kind{
	{"_campaign.send", 2200, (*gen).campaignSend, campaignSendBreaks},
	{"_campaign.opened_notification", 100, (*gen).engagementEvent, campaignEngagementBreaks},
	{"_campaign.received_foreground", 100, (*gen).engagementEvent, campaignEngagementBreaks},
	{"_campaign.received_background", 100, (*gen).engagementEvent, campaignEngagementBreaks},

	{"_email.send", 1000, (*gen).emailEvent, emailSendBreaks},
	{"_email.delivered", 1000, (*gen).emailEvent, emailDeliveredBreaks},
	{"_email.open", 700, (*gen).emailEvent, emailOpenBreaks},
	{"_email.click", 400, (*gen).emailEvent, emailClickBreaks},
	{"_email.hardbounce", 100, (*gen).emailEvent, emailOtherBreaks},
	{"_email.softbounce", 50, (*gen).emailEvent, emailOtherBreaks},
	{"_email.complaint", 50, (*gen).emailEvent, emailOtherBreaks},
	{"_email.rejected", 50, (*gen).emailEvent, emailOtherBreaks},
	{"_email.unsubscribe", 100, (*gen).emailEvent, emailOtherBreaks},
	{"_email.rendering_failure", 50, (*gen).emailEvent, emailRenderingFailureBreaks},

	{"_SMS.BUFFERED", 600, (*gen).smsEvent, smsBreaks},
	{"_SMS.SUCCESS", 600, (*gen).smsEvent, smsBreaks},
	{"_SMS.FAILURE", 200, (*gen).smsEvent, smsBreaks},
	{"_SMS.OPTOUT", 100, (*gen).smsEvent, smsBreaks},

	{"_journey.send", 900, (*gen).journeySend, journeySendBreaks},
	{"_journey.opened_notification", 34, (*gen).engagementEvent, journeyEngagementBreaks},
	{"_journey.received_foreground", 33, (*gen).engagementEvent, journeyEngagementBreaks},
	{"_journey.received_background", 33, (*gen).engagementEvent, journeyEngagementBreaks},

	{"_session.start", 300, (*gen).appEvent, appBreaks},
	{"_session.stop", 300, (*gen).appEvent, appBreaks},
	{"custom", 500, (*gen).appEvent, appBreaks},
	{"_monetization.purchase", 100, (*gen).purchaseEvent, appBreaks},
	{"_userauth.sign_in", 70, (*gen).appEvent, appBreaks},
	{"_userauth.sign_up", 20, (*gen).appEvent, appBreaks},
	{"_userauth.auth_fail", 10, (*gen).appEvent, appBreaks},
	{"_inapp.message_displayed", 60, (*gen).appEvent, appBreaks},
	{"_inapp.message_dismissed", 30, (*gen).appEvent, appBreaks},
	{"_inapp.message_clicked", 10, (*gen).appEvent, appBreaks},
	{"3.0", 100, (*gen).legacyAppEvent, legacyAppBreaks},
}

// mixTotal is the sum of mix's weights: 10,000.
var mixTotal = func() int {
	t := 0
	for _, k := range mix {
		t += k.weight
	}
	return t
}()
