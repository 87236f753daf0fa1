package corpus

import (
	"strconv"
	"strings"
	"time"
)

// emailFeedback is attributes.feedback of each email event type; clicks and
// unsubscribes carry the link instead.
var emailFeedback = map[string]string{
	"_email.send":              "received",
	"_email.delivered":         "delivered",
	"_email.open":              "opened",
	"_email.hardbounce":        "hardbounce",
	"_email.softbounce":        "softbounce",
	"_email.complaint":         "complaint",
	"_email.rejected":          "rejected",
	"_email.rendering_failure": "rendering_failure",
}

// emailDelay returns how long after the send Pinpoint records an event of
// the type.
func (g *gen) emailDelay(eventType string) int64 {
	switch eventType {
	case "_email.delivered":
		return int64(g.between(300, 9000))
	case "_email.hardbounce":
		return int64(g.between(800, 120000))
	case "_email.softbounce":
		return int64(g.between(60000, 12*3600000))
	case "_email.open", "_email.click", "_email.unsubscribe", "_email.complaint":
		return int64(g.between(20000, 3*86400000))
	}
	return int64(g.between(150, 1500))
}

// emailEvent returns an email event of the type, for a campaign, a journey
// or a transactional message: the mail with its headers and the detail
// object of the type.
func (g *gen) emailEvent(eventType string) obj {
	ts := g.millis()
	p := pick(g, g.apps)
	b := p.brand
	delay := g.emailDelay(eventType)
	to := g.emailAddress()
	from := pick(g, []string{"no-reply", "news", "hello", "orders", "updates", "team"}) + "@"
	if g.chance(0.3) {
		from += "mail."
	}
	from += b.domain
	subject := g.subject(b, ts)
	slug := strings.ToLower(strings.Fields(b.name)[0]) + "-" + pick(g, []string{"spring", "summer", "fall", "holiday", "weekly", "launch"})

	var detail member
	feedback := emailFeedback[eventType]
	switch eventType {
	case "_email.send":
		detail = member{"send", obj{}}
	case "_email.delivered":
		detail = member{"delivery", obj{
			{"smtp_response", g.smtpResponse(ts)},
			{"reporting_mta", g.mta()},
			{"recipients", []string{to}},
			{"processing_time_millis", delay},
		}}
	case "_email.open":
		detail = member{"open", obj{{"ip_address", g.ip()}, {"user_agent", pick(g, userAgents)}}}
	case "_email.click":
		feedback = g.link(b, slug)
		click := obj{{"ip_address", g.ip()}, {"user_agent", pick(g, userAgents)}, {"link", feedback}}
		if g.chance(0.3) {
			click = append(click, member{"link_tags", obj{{"campaign", []string{slug}}}})
		}
		detail = member{"click", click}
	case "_email.unsubscribe":
		feedback = "https://www." + b.domain + "/unsubscribe?u=" + g.hex(16)
		detail = member{"click", obj{
			{"ip_address", g.ip()},
			{"user_agent", pick(g, userAgents)},
			{"link", feedback},
			{"link_tags", obj{{"unsubscribeLinkTag", []string{"true"}}}},
		}}
	case "_email.hardbounce":
		detail = member{"bounce", obj{
			{"bounce_type", "Permanent"},
			{"bounce_sub_type", g.choose([]choice{{"General", 60}, {"NoEmail", 25}, {"Suppressed", 10}, {"OnAccountSuppressionList", 5}})},
			{"bounced_recipients", []any{obj{
				{"email_address", to},
				{"action", "failed"},
				{"status", "5.1.1"},
				{"diagnostic_code", "smtp; 550 5.1.1 user unknown"},
			}}},
			{"feedback_id", g.sesID()},
			{"reporting_mta", "dsn; " + g.mta()},
		}}
	case "_email.softbounce":
		bounce := obj{
			{"bounce_type", "Transient"},
			{"bounce_sub_type", g.choose([]choice{{"MailboxFull", 45}, {"General", 35}, {"MessageTooLarge", 10}, {"ContentRejected", 7}, {"AttachmentRejected", 3}})},
		}
		if g.chance(0.5) {
			bounce = append(bounce,
				member{"bounced_recipients", []any{obj{
					{"email_address", to},
					{"action", "delayed"},
					{"status", "4.2.2"},
					{"diagnostic_code", "smtp; 452 4.2.2 The email account that you tried to reach is over quota"},
				}}},
				member{"feedback_id", g.sesID()},
				member{"reporting_mta", "dsn; " + g.mta()})
		}
		detail = member{"bounce", bounce}
	case "_email.complaint":
		detail = member{"complaint", obj{
			{"complained_recipients", []any{obj{{"email_address", to}}}},
			{"feedback_id", g.sesID()},
			{"user_agent", pick(g, []string{"Yahoo!-Mail-Feedback/2.0", "Mail.ru Fbl/1.0", "AOL SComp"})},
			{"complaint_feedback_type", g.choose([]choice{{"abuse", 90}, {"not-spam", 5}, {"other", 5}})},
		}}
	case "_email.rejected":
		detail = member{"reject", obj{{"reason", "Bad content"}}}
	case "_email.rendering_failure":
		detail = member{"failure", obj{
			{"error_message", "Attribute '" + pick(g, []string{"name", "firstName", "order.total", "User.UserAttributes.plan"}) + "' is not present in the rendering data."},
			{"template_name", pick(g, []string{"Welcome", "OrderShipped", "PasswordReset", "WeeklyDigest"})},
		}}
	}

	attrs := obj{{"feedback", feedback}}
	switch source := g.r.IntN(100); {
	case source < 25:
		camp := pick(g, g.campaigns)
		attrs = append(attrs,
			member{"campaign_id", camp.id},
			member{"campaign_activity_id", pick(g, camp.activities)},
			member{"treatment_id", strconv.Itoa(g.r.IntN(camp.treatments))})
		if g.chance(0.3) {
			attrs = append(attrs, member{"tags", nil})
		}
	case source < 45:
		j := pick(g, g.journeys)
		attrs = append(attrs,
			member{"journey_id", j.id},
			member{"journey_activity_id", pick(g, j.activities)},
			member{"journey_run_id", pick(g, j.runs)})
	case source < 55:
		// A transactional message sent with a Context.
		attrs = append(attrs, member{"order_id", "ORD-" + g.digits(8)}, member{"template", "OrderShipped"})
	}

	e := serverEnvelope(eventType, p.id, g.uuid(), ts, ts+delay)
	e = append(e, member{"attributes", attrs})
	if g.chance(0.25) {
		e = append(e, member{"client_context", obj{{"custom", obj{{"legacy_identifier", p.id}}}}})
	}
	return append(e,
		member{"awsAccountId", pick(g, g.accounts)},
		member{"facets", obj{{"email_channel", obj{{"mail_event", obj{
			{"mail", g.mail(b, from, to, subject, ts)},
			detail,
		}}}}}})
}

// mail returns the mail object: five to eight headers, the common ones
// parsed.
func (g *gen) mail(b brand, from, to, subject string, ts int64) obj {
	fromHeader := from
	if g.chance(0.3) {
		fromHeader = b.name + " <" + from + ">"
	}
	headers := []any{
		header("From", fromHeader),
		header("To", to),
		header("Subject", subject),
		header("MIME-Version", "1.0"),
		header("Content-Type", "multipart/alternative;  boundary=\"----=_Part_"+strconv.Itoa(g.r.IntN(1000000))+"_"+strconv.Itoa(g.r.IntN(1000000000))+"\""),
	}
	extras := 0 // which of the optional headers are there, by bit
	for _, i := range g.r.Perm(6)[:g.index(55, 25, 12, 8)] {
		extras |= 1 << i
	}
	date := ""
	if extras&1 != 0 {
		date = time.UnixMilli(ts).UTC().Format(time.RFC1123Z)
		headers = append(headers, header("Date", date))
	}
	if extras&2 != 0 {
		id := "null"
		if g.chance(0.5) {
			id = "<" + g.sesID() + "@email.amazonses.com>"
		}
		headers = append(headers, header("Message-ID", id))
	}
	if extras&4 != 0 {
		headers = append(headers, header("Reply-To", "support@"+b.domain))
	}
	if extras&8 != 0 {
		headers = append(headers, header("List-Unsubscribe", "<https://www."+b.domain+"/u/"+g.hex(12)+">"))
	}
	if extras&16 != 0 {
		headers = append(headers, header("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"))
	}
	if extras&32 != 0 {
		headers = append(headers, header("X-SES-CONFIGURATION-SET", "pinpoint-"+strings.ReplaceAll(strings.ToLower(b.name), " ", "-")))
	}
	common := obj{{"from", fromHeader}, {"to", []string{to}}, {"subject", subject}}
	if date != "" {
		common = append(common, member{"date", date})
	}
	return obj{
		{"message_id", g.sesID()},
		{"message_send_timestamp", ts},
		{"from_address", from},
		{"destination", []string{to}},
		{"headers_truncated", g.chance(0.01)},
		{"headers", headers},
		{"common_headers", common},
	}
}

func header(name, value string) obj { return obj{{"name", name}, {"value", value}} }

// sesID returns an id in the form of SES's message and feedback ids.
func (g *gen) sesID() string {
	return pick(g, []string{"0100", "0102", "0200"}) + g.hex(12) + "-" + g.uuid() + "-000000"
}

// mta returns the host name of an SES mail server.
func (g *gen) mta() string {
	host := "a" + strconv.Itoa(g.between(1, 250)) + "-" + strconv.Itoa(g.between(1, 250)) + ".smtp-out."
	if g.chance(0.5) {
		host += pick(g, regions) + "."
	}
	return host + "amazonses.com"
}

// smtpResponse returns the receiving server's reply to a delivery.
func (g *gen) smtpResponse(ts int64) string {
	switch g.r.IntN(6) {
	case 0, 1, 2:
		return "250 ok:  Message " + g.digits(8) + " accepted"
	case 3:
		return "250 2.0.0 OK  " + strconv.FormatInt(ts/1000, 10) + " " + g.alnum(12) + "." + strconv.Itoa(g.r.IntN(1000)) + " - gsmtp"
	case 4:
		return "250 2.6.0 <" + g.sesID() + "@email.amazonses.com> [InternalId=" + g.digits(13) + ", Hostname=" + g.alnum(8) + ".prod.outlook.com] Queued mail for delivery"
	}
	return "250 OK id=" + g.alnum(6) + "-" + g.alnum(6) + "-" + g.alnum(2)
}

// subject returns the subject of an email of brand b sent at ts.
func (g *gen) subject(b brand, ts int64) string {
	switch g.r.IntN(13) {
	case 0:
		return "Your order #" + g.digits(7) + " has shipped"
	case 1:
		return "Welcome to " + b.name + "!"
	case 2:
		n := pick(g, firstNames)
		return strings.ToUpper(n[:1]) + n[1:] + ", " + strconv.Itoa(5*g.between(2, 10)) + "% off everything this weekend"
	case 3:
		return "Your weekly digest from " + b.name
	case 4:
		return "Reset your password"
	case 5:
		return "Receipt for your payment to " + b.name
	case 6:
		return "New arrivals you'll love"
	case 7:
		return "Don't miss out: the sale ends tonight"
	case 8:
		return "Your appointment on " + time.UnixMilli(ts+3*86400000).UTC().Format("Mon, Jan 2 at 3:04 PM")
	case 9:
		return "Tips & tricks for getting started with " + b.name
	case 10:
		return "¡Ofertas de verano! Hasta " + strconv.Itoa(10*g.between(2, 7)) + "% de descuento"
	case 11:
		return "Ihre Bestellung " + g.digits(6) + " ist unterwegs"
	}
	return "Amazon Pinpoint Test"
}
