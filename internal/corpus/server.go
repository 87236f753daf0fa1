package corpus

import "strconv"

// serverEnvelope returns the members that events Pinpoint writes itself
// (sends, email and SMS) start with: an empty SDK, platform and session.
func serverEnvelope(eventType, appID, clientID string, ts, arrival int64) obj {
	return obj{
		{"event_type", eventType},
		{"event_timestamp", ts},
		{"arrival_timestamp", arrival},
		{"event_version", "3.1"},
		{"application", obj{{"app_id", appID}, {"sdk", obj{}}}},
		{"client", obj{{"client_id", clientID}}},
		{"device", obj{{"platform", obj{}}}},
		{"session", obj{}},
	}
}

var deliveryTypes = []choice{
	{"EMAIL", 350}, {"SMS", 200}, {"GCM", 170}, {"APNS", 140}, {"PUSH", 30}, {"CUSTOM", 40},
	{"ADM", 20}, {"VOICE", 20}, {"BAIDU", 10}, {"APNS_SANDBOX", 10}, {"APNS_VOIP", 5}, {"APNS_VOIP_SANDBOX", 5},
}

var campaignSendStatuses = []choice{
	{"SUCCESS", 850}, {"FAILURE", 30}, {"QUIET_TIME", 20}, {"FAILURE_PERMANENT", 15}, {"DAILY_CAP", 15},
	{"TRANSIENT_FAILURE", 10}, {"THROTTLED", 10}, {"HOLDOUT", 10}, {"DUPLICATE_ADDRESS", 10}, {"EXPIRED", 10},
	{"CAMPAIGN_CAP", 5}, {"UNKNOWN", 5}, {"HOOK_FAILURE", 3}, {"CUSTOM_DELIVERY_FAILURE", 3},
	{"RECOMMENDATION_FAILURE", 2}, {"UNSUPPORTED_CHANNEL", 2},
}

// endpointChannel returns the endpoint's channel type for a delivery type.
func (g *gen) endpointChannel(deliveryType string) string {
	if deliveryType == "PUSH" {
		return pick(g, []string{"GCM", "APNS"})
	}
	return deliveryType
}

// campaignSend returns a _campaign.send event (the only type it is given).
// Events written before 2021 have no delivery_type.
func (g *gen) campaignSend(string) obj {
	ts := g.millis()
	camp := pick(g, g.campaigns)
	delivery := g.choose(deliveryTypes)
	e := serverEnvelope("_campaign.send", pick(g, g.apps).id, g.uuid(), ts, ts+int64(g.between(20, 900)))
	attrs := obj{
		{"treatment_id", strconv.Itoa(g.r.IntN(camp.treatments))},
		{"campaign_activity_id", pick(g, camp.activities)},
	}
	if ts >= 1609459200000 { // 2021-01-01
		attrs = append(attrs, member{"delivery_type", delivery})
	}
	attrs = append(attrs,
		member{"campaign_id", camp.id},
		member{"campaign_send_status", g.choose(campaignSendStatuses)})
	if g.chance(0.05) {
		attrs = append(attrs, member{"campaign_type", nil})
	}
	return append(e,
		member{"attributes", attrs},
		member{"client_context", obj{{"custom", obj{{"endpoint", g.endpointDoc(g.endpointChannel(delivery), ts)}}}}},
		member{"awsAccountId", pick(g, g.accounts)})
}

var journeySendStatuses = []choice{
	{"SUCCESS", 860}, {"FAILURE", 30}, {"QUIET_TIME_WAIT_FINISHED", 25}, {"QUIET_TIME", 20},
	{"FAILURE_PERMANENT", 15}, {"THROTTLED", 15}, {"DAILY_CAP", 15}, {"CUSTOM_DELIVERY_FAILURE", 10},
	{"QUIET_TIME_MISSING_TIMEZONE", 5}, {"UNSUPPORTED_CHANNEL", 5},
}

var journeyActivityTypes = []choice{{"EMAIL", 45}, {"SMS", 25}, {"PUSH", 22}, {"CUSTOM", 5}, {"CONTACT_CENTER", 3}}

// journeyStatusDetails are the status messages and codes Pinpoint writes
// since 2024.
var journeyStatusDetails = map[string][2]string{
	"SUCCESS":                     {"Message sent successfully", "200"},
	"FAILURE":                     {"The endpoint address is not valid", "400"},
	"FAILURE_PERMANENT":           {"The message could not be delivered and will not be retried", "400"},
	"THROTTLED":                   {"The send rate of the journey was exceeded", "429"},
	"CUSTOM_DELIVERY_FAILURE":     {"The role or policy does not allow the send", "403"},
	"UNSUPPORTED_CHANNEL":         {"The channel of the endpoint is not enabled for the project", "400"},
	"DAILY_CAP":                   {"The endpoint reached its daily message limit", "429"},
	"QUIET_TIME":                  {"The send falls in the endpoint's quiet time", "202"},
	"QUIET_TIME_MISSING_TIMEZONE": {"The endpoint has no time zone for quiet time", "400"},
}

// journeySend returns a _journey.send event (the only type it is given).
// Events written before 2020,
// and those whose status is QUIET_TIME_WAIT_FINISHED, have no
// journey_activity_type; only those written since 2024 carry a status
// message and code.
func (g *gen) journeySend(string) obj {
	ts := g.millis()
	j := pick(g, g.journeys)
	status := g.choose(journeySendStatuses)
	activity := g.choose(journeyActivityTypes)
	e := serverEnvelope("_journey.send", pick(g, g.apps).id, g.uuid(), ts, ts+int64(g.between(0, 600)))
	attrs := obj{
		{"journey_run_id", pick(g, j.runs)},
		{"journey_send_status", status},
		{"journey_id", j.id},
		{"journey_activity_id", pick(g, j.activities)},
	}
	if ts >= 1577836800000 && status != "QUIET_TIME_WAIT_FINISHED" { // 2020-01-01
		attrs = append(attrs, member{"journey_activity_type", activity})
	}
	if d, ok := journeyStatusDetails[status]; ok && ts >= 1704067200000 { // 2024-01-01
		attrs = append(attrs, member{"journey_send_status_message", d[0]}, member{"journey_send_status_code", d[1]})
	}
	channel := activity
	if activity == "CONTACT_CENTER" {
		channel = "VOICE"
	}
	return append(e,
		member{"attributes", attrs},
		member{"client_context", obj{{"custom", obj{{"endpoint", g.endpointDoc(g.endpointChannel(channel), ts)}}}}},
		member{"awsAccountId", pick(g, g.accounts)})
}

var smsFailureStatuses = []choice{
	{"UNREACHABLE", 20}, {"CARRIER_UNREACHABLE", 15}, {"UNKNOWN", 15}, {"BLOCKED", 10}, {"CARRIER_BLOCKED", 10},
	{"INVALID", 8}, {"TTL_EXPIRED", 8}, {"SPAM", 5}, {"INVALID_MESSAGE", 4}, {"MAX_PRICE_EXCEEDED", 3}, {"NO_QUOTA_LEFT", 2},
}

// smsEvent returns an SMS event (_SMS.BUFFERED, _SMS.SUCCESS, _SMS.FAILURE
// or _SMS.OPTOUT) of a campaign, a journey or a transactional message.
func (g *gen) smsEvent(eventType string) obj {
	ts := g.millis()
	c := g.country()
	arrival := ts + int64(g.between(-400, 300)) // often before event_timestamp, as in the samples
	e := serverEnvelope(eventType, pick(g, g.apps).id, g.uuid(), ts, arrival)
	var status string
	switch eventType {
	case "_SMS.BUFFERED":
		status = g.choose([]choice{{"SUCCESSFUL", 92}, {"PENDING", 8}})
	case "_SMS.SUCCESS":
		status = "DELIVERED"
	case "_SMS.FAILURE":
		status = g.choose(smsFailureStatuses)
	default:
		status = "OPTED_OUT"
	}
	source := g.r.IntN(100) // < 40: campaign, < 65: journey, else transactional
	messageType := "Transactional"
	if source < 65 && g.chance(0.7) {
		messageType = "Promotional"
	}
	var camp campaign
	attrs := obj{{"sender_request_id", g.uuid()}}
	if source < 40 {
		camp = pick(g, g.campaigns)
		attrs = append(attrs, member{"campaign_activity_id", pick(g, camp.activities)})
	}
	if eventType != "_SMS.BUFFERED" || g.chance(0.8) {
		attrs = append(attrs, member{"origination_phone_number", g.phone(countries[0].country)})
	}
	attrs = append(attrs,
		member{"destination_phone_number", g.phone(c)},
		member{"record_status", status},
		member{"iso_country_code", c.code})
	if source < 40 {
		attrs = append(attrs, member{"treatment_id", strconv.Itoa(g.r.IntN(camp.treatments))})
	}
	parts := 1 + g.index(80, 15, 5)
	attrs = append(attrs,
		member{"number_of_message_parts", strconv.Itoa(parts)},
		member{"message_id", g.fromAlphabet("0123456789abcdefghijklmnopqrstuv", 40)},
		member{"message_type", messageType})
	switch {
	case source < 40:
		attrs = append(attrs, member{"campaign_id", camp.id})
	case source < 65:
		j := pick(g, g.journeys)
		attrs = append(attrs,
			member{"journey_id", j.id},
			member{"journey_activity_id", pick(g, j.activities)},
			member{"journey_run_id", pick(g, j.runs)})
	}
	if g.chance(0.15) {
		ctx := doc{{"userId", g.userID()}}
		if g.chance(0.5) {
			ctx = append(ctx, member{"orderId", "ORD-" + g.digits(8)})
		}
		attrs = append(attrs, member{"customer_context", ctx})
	}
	price := c.price * float64(parts)
	if eventType == "_SMS.OPTOUT" {
		price = 0
	}
	return append(e,
		member{"attributes", attrs},
		member{"metrics", obj{{"price_in_millicents_usd", price}}},
		member{"awsAccountId", pick(g, g.accounts)})
}
