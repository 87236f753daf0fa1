package corpus

import (
	"strconv"
	"strings"
)

// platformKind is the kind of app that reports events.
type platformKind int

const (
	androidApp platformKind = iota
	iosApp
	webApp
)

// locale is a device's locale, with where it likely is.
type locale struct{ code, country, language, timezone, city string }

var locales = []locale{
	{"en_US", "US", "en", "America/Los_Angeles", "Seattle"},
	{"en_US", "US", "en", "America/New_York", "New York"},
	{"en_US", "US", "en", "America/Chicago", "Chicago"},
	{"es_US", "US", "es", "America/Denver", "Denver"},
	{"en_GB", "GB", "en", "Europe/London", "London"},
	{"de_DE", "DE", "de", "Europe/Berlin", "Berlin"},
	{"fr_FR", "FR", "fr", "Europe/Paris", "Lyon"},
	{"es_ES", "ES", "es", "Europe/Madrid", "Madrid"},
	{"pt_BR", "BR", "pt", "America/Sao_Paulo", "São Paulo"},
	{"es_MX", "MX", "es", "America/Mexico_City", "Guadalajara"},
	{"hi_IN", "IN", "hi", "Asia/Kolkata", "Bengaluru"},
	{"ja_JP", "JP", "ja", "Asia/Tokyo", "Osaka"},
	{"en_AU", "AU", "en", "Australia/Sydney", "Sydney"},
	{"en_CA", "CA", "en", "America/Toronto", "Toronto"},
}

// device is the device an app runs on.
type device struct {
	locale                                 locale
	make, model, platform, platformVersion string
	channel                                string // the endpoint's channel type
}

var handsets = map[platformKind][][2]string{
	androidApp: {{"samsung", "SM-S911B"}, {"samsung", "SM-G991B"}, {"samsung", "SM-A536B"}, {"Google", "Pixel 8"}, {"Google", "Pixel 7a"}, {"OnePlus", "CPH2449"}, {"Xiaomi", "2201116SG"}, {"motorola", "moto g(60)"}},
	iosApp:     {{"apple", "iPhone15,3"}, {"apple", "iPhone14,2"}, {"apple", "iPhone16,1"}, {"apple", "iPhone12,1"}, {"apple", "iPad13,4"}},
	webApp:     {{"generic web browser", "Chrome"}, {"generic web browser", "Safari"}, {"generic web browser", "Firefox"}, {"generic web browser", "Unknown"}},
}

// device returns a device of kind k.
func (g *gen) device(k platformKind) device {
	hs := pick(g, handsets[k])
	d := device{locale: pick(g, locales), make: hs[0], model: hs[1]}
	switch k {
	case androidApp:
		d.platform, d.platformVersion, d.channel = "android", strconv.Itoa(g.between(10, 14)), "GCM"
	case iosApp:
		d.platform, d.platformVersion, d.channel = "ios", pick(g, []string{"16.6", "16.7.2", "17.4.1", "17.5", "18.0"}), "APNS"
	default:
		d.platform, d.platformVersion, d.channel = pick(g, []string{"macos", "windows", "linux", "android", "ios"}), pick(g, []string{"10.15.7", "10", "14", "17.4", ""}), "IN_APP"
	}
	return d
}

var sdks = map[platformKind][]choice{
	androidApp: {{"aws-sdk-android:2.", 6}, {"amplify-android:2.", 4}},
	iosApp:     {{"aws-sdk-iOS:2.", 6}, {"amplify-swift:2.", 4}},
	webApp:     {{"aws-amplify:6.", 5}, {"aws-amplify:5.", 3}, {"aws-sdk-mobile-analytics-js:0.9.", 2}},
}

// sdk returns the SDK an app of kind k reports with.
func (g *gen) sdk(k platformKind) obj {
	name, major, _ := strings.Cut(g.choose(sdks[k]), ":")
	version := major + strconv.Itoa(g.r.IntN(80)) + "." + strconv.Itoa(g.r.IntN(12))
	if name == "aws-sdk-mobile-analytics-js" {
		version = major + strconv.Itoa(g.r.IntN(3)) + ":2.4." + strconv.Itoa(g.r.IntN(15))
	}
	return obj{{"name", name}, {"version", version}}
}

// legacySDK returns the SDK of a version 3.0 event.
func (g *gen) legacySDK(k platformKind) obj {
	switch k {
	case androidApp:
		return obj{{"name", "aws-sdk-android"}, {"version", "2.6." + strconv.Itoa(g.r.IntN(30))}}
	case iosApp:
		return obj{{"name", "aws-sdk-iOS"}, {"version", "2.6." + strconv.Itoa(g.r.IntN(30))}}
	}
	return obj{{"name", "aws-sdk-mobile-analytics-js"}, {"version", "0.9." + strconv.Itoa(g.r.IntN(3)) + ":2.4." + strconv.Itoa(g.r.IntN(15))}}
}

// clientSide is what an event an app reports from a device shares with
// the other events of that device.
type clientSide struct {
	p        project
	d        device
	clientID string
	ts       int64
}

// newClientSide draws the app, device and time of an app-reported event.
func (g *gen) newClientSide(ts int64) clientSide {
	p := pick(g, g.apps)
	return clientSide{p: p, d: g.device(p.kind), clientID: g.uuid(), ts: ts}
}

// appEnvelope returns the members an app-reported event starts with, from
// event_type to session. A stop event's session stops at ts.
func (g *gen) appEnvelope(c clientSide, eventType, version string, sdk obj, stop bool) obj {
	arrival := c.ts + int64(g.between(150, 4000))
	if g.chance(0.05) {
		arrival += g.r.Int64N(6 * 3600000) // sent later, when back online
	}
	start := c.ts
	if eventType != "_session.start" {
		start -= g.r.Int64N(20 * 60000)
	}
	session := obj{{"session_id", g.uuid()}, {"start_timestamp", start}}
	if stop {
		session = append(session, member{"stop_timestamp", c.ts})
	}
	return obj{
		{"event_type", eventType},
		{"event_timestamp", c.ts},
		{"arrival_timestamp", arrival},
		{"event_version", version},
		{"application", obj{
			{"app_id", c.p.id},
			{"cognito_identity_pool_id", c.p.pool},
			{"package_name", c.p.pkg},
			{"sdk", sdk},
			{"title", c.p.title},
			{"version_name", c.p.versionName},
			{"version_code", c.p.versionCode},
		}},
		{"client", obj{
			{"client_id", c.clientID},
			{"cognito_id", c.p.pool[:strings.IndexByte(c.p.pool, ':')+1] + g.uuid()},
		}},
		{"device", obj{
			{"locale", obj{{"code", c.d.locale.code}, {"country", c.d.locale.country}, {"language", c.d.locale.language}}},
			{"make", c.d.make},
			{"model", c.d.model},
			{"platform", obj{{"name", c.d.platform}, {"version", c.d.platformVersion}}},
		}},
		{"session", session},
	}
}

// appTail appends the members an app-reported event of version 3.1 ends
// with: often the endpoint record, always the account.
func (g *gen) appTail(e obj, c clientSide) obj {
	if g.chance(0.35) {
		e = append(e, member{"endpoint", g.endpointObject(c.p, c.d, c.clientID, c.ts)})
	}
	return append(e, member{"awsAccountId", pick(g, g.accounts)})
}

var screens = []string{"home", "search", "product", "cart", "checkout", "settings", "profile", "feed", "player", "onboarding"}

// appAttributes returns the attributes and metrics of an app event: custom
// events by their name, the SDK's own events a few generic ones.
func (g *gen) appAttributes(eventType string, c clientSide) (obj, obj) {
	switch eventType {
	case "pageView":
		return obj{
				{"page", "/" + pick(g, linkPaths)},
				{"referrer", "https://www." + pick(g, brands).domain + "/"},
				{"title", c.p.title + " - " + pick(g, screens)},
			}, obj{
				{"load_ms", g.between(40, 3000)},
				{"scroll_depth", float64(g.r.IntN(101)) / 100},
			}
	case "addToCart":
		return obj{
				{"productId", "SKU-" + g.digits(6)},
				{"category", pick(g, []string{"shoes", "outdoor", "toys", "books", "electronics", "garden"})},
				{"currency", pick(g, []string{"USD", "EUR", "GBP", "INR", "BRL"})},
			}, obj{
				{"price", float64(g.between(199, 19999)) / 100},
				{"quantity", g.between(1, 3)},
			}
	case "search":
		return obj{
				{"query", pick(g, []string{"running shoes", "tent 4 person", "lego", "wireless earbuds", "gift card", "rain jacket women"})},
				{"screen", "search"},
			}, obj{
				{"results", g.r.IntN(500)},
				{"latency_ms", g.between(20, 900)},
			}
	case "buttonClick":
		return obj{
			{"button", pick(g, []string{"subscribe", "share", "buy_now", "learn_more", "dismiss"})},
			{"screen", pick(g, screens)},
		}, obj{{"position", g.r.IntN(12)}}
	case "videoPlay":
		return obj{
				{"videoId", "vid_" + g.alnum(11)},
				{"quality", pick(g, []string{"480p", "720p", "1080p", "auto"})},
			}, obj{
				{"position_s", float64(g.r.IntN(6000)) / 10},
				{"duration_s", g.between(30, 3600)},
			}
	case "levelComplete":
		return obj{
				{"level", strconv.Itoa(g.between(1, 120))},
				{"mode", pick(g, []string{"easy", "normal", "hard"})},
			}, obj{
				{"score", g.r.IntN(100000)},
				{"time_s", float64(g.between(100, 9000)) / 10},
			}
	case "checkoutStarted":
		return obj{
				{"cartId", g.hex(16)},
				{"currency", "USD"},
				{"coupon", pick(g, []string{"", "SPRING10", "WELCOME", "FREESHIP"})},
			}, obj{
				{"items", g.between(1, 6)},
				{"total", float64(g.between(999, 49999)) / 100},
			}
	}
	attrs := obj{{"screen", pick(g, screens)}}
	if g.chance(0.5) {
		attrs = append(attrs, member{"source", pick(g, []string{"organic", "push", "email", "deeplink"})})
	}
	if g.chance(0.3) {
		attrs = append(attrs, member{"theme", pick(g, []string{"dark", "light"})})
	}
	metrics := obj{{"elapsed", g.r.IntN(1800)}}
	if g.chance(0.6) {
		metrics = append(metrics, member{"sessions", float64(g.between(1, 300))})
	}
	return attrs, metrics
}

var customEvents = []choice{
	{"pageView", 35}, {"addToCart", 15}, {"search", 12}, {"buttonClick", 12},
	{"videoPlay", 8}, {"checkoutStarted", 6}, {"levelComplete", 6}, {"share", 6},
}

// appEvent returns an app event of version 3.1: a session event, a custom
// event ("custom" picks its name), a sign-in or an in-app message event.
func (g *gen) appEvent(eventType string) obj {
	c := g.newClientSide(g.millis())
	if eventType == "custom" {
		eventType = g.choose(customEvents)
	}
	e := g.appEnvelope(c, eventType, "3.1", g.sdk(c.p.kind), eventType == "_session.stop")
	switch {
	case strings.HasPrefix(eventType, "_userauth."):
		attrs := obj{}
		if g.chance(0.5) {
			attrs = append(attrs, member{"provider", pick(g, []string{"Cognito", "Google", "SignInWithApple", "Facebook"})})
		}
		e = append(e, member{"attributes", attrs})
	case strings.HasPrefix(eventType, "_inapp."):
		camp := pick(g, g.campaigns)
		attrs := obj{
			{"campaign_id", camp.id},
			{"campaign_activity_id", pick(g, camp.activities)},
			{"treatment_id", strconv.Itoa(g.r.IntN(camp.treatments))},
		}
		if eventType == "_inapp.message_clicked" {
			attrs = append(attrs, member{"button_id", pick(g, []string{"primary", "secondary", "close"})})
		}
		e = append(e, member{"attributes", attrs})
	default:
		attrs, metrics := g.appAttributes(eventType, c)
		e = append(e, member{"attributes", attrs}, member{"metrics", metrics})
	}
	return g.appTail(e, c)
}

// purchases are what apps sell: product, store price in each currency.
var purchases = []struct {
	product  string
	currency string
	price    float64
	shown    string
}{
	{"coins_500", "USD", 4.99, "$4.99"},
	{"coins_1200", "USD", 9.99, "$9.99"},
	{"premium_monthly", "USD", 7.99, "$7.99"},
	{"premium_yearly", "EUR", 59.99, "59,99 €"},
	{"remove_ads", "GBP", 2.49, "£2.49"},
	{"starter_pack", "JPY", 600, "¥600"},
	{"gems_100", "INR", 399, "₹399.00"},
	{"season_pass", "BRL", 24.9, "R$ 24,90"},
	{"vip_bundle", "CNY", 128, "¥128.00"},
}

var stores = map[platformKind]string{androidApp: "Google Play", iosApp: "App Store", webApp: "Web"}

// purchaseEvent returns a _monetization.purchase event of version 3.1 (the
// only type it is given).
func (g *gen) purchaseEvent(string) obj {
	c := g.newClientSide(g.millis())
	e := g.appEnvelope(c, "_monetization.purchase", "3.1", g.sdk(c.p.kind), false)
	item := pick(g, purchases)
	attrs := obj{
		{"_currency", item.currency},
		{"_product_id", c.p.pkg + "." + item.product},
		{"_transaction_id", g.digits(15)},
		{"_item_price_formatted", item.shown},
	}
	if g.chance(0.6) {
		attrs = append(attrs, member{"_store", stores[c.p.kind]})
	}
	quantity := 1.0
	if g.chance(0.1) {
		quantity = 2
	}
	e = append(e,
		member{"attributes", attrs},
		member{"metrics", obj{{"_item_price", item.price}, {"_quantity", quantity}}})
	return g.appTail(e, c)
}

var legacyTypes = []choice{
	{"_session.start", 35}, {"_session.stop", 35}, {"custom", 20},
	{"_monetization.purchase", 5}, {"_userauth.sign_in", 5},
}

// legacyAppEvent returns an app event of version 3.0, written in 2019: no
// awsAccountId, no endpoint, often empty attributes and metrics. It picks
// the type itself.
func (g *gen) legacyAppEvent(string) obj {
	c := g.newClientSide(minMillis + g.r.Int64N(365*86400000))
	eventType := g.choose(legacyTypes)
	if eventType == "custom" {
		eventType = g.choose(customEvents)
	}
	e := g.appEnvelope(c, eventType, "3.0", g.legacySDK(c.p.kind), eventType == "_session.stop")
	if g.chance(0.5) {
		return append(e, member{"attributes", obj{}}, member{"metrics", obj{}})
	}
	attrs, metrics := g.appAttributes(eventType, c)
	return append(e, member{"attributes", attrs}, member{"metrics", metrics})
}

// engagementEvent returns a push engagement event of a campaign or a
// journey (_campaign.opened_notification, _journey.received_foreground,
// ...), which the mobile SDKs report like app events.
func (g *gen) engagementEvent(eventType string) obj {
	c := g.newClientSide(g.millis())
	if c.p.kind == webApp {
		c.p.kind = androidApp
		c.d = g.device(androidApp)
	}
	e := g.appEnvelope(c, eventType, "3.1", g.sdk(c.p.kind), false)
	var attrs obj
	if strings.HasPrefix(eventType, "_campaign.") {
		camp := pick(g, g.campaigns)
		attrs = obj{
			{"campaign_id", camp.id},
			{"campaign_activity_id", pick(g, camp.activities)},
			{"treatment_id", strconv.Itoa(g.r.IntN(camp.treatments))},
		}
		if g.chance(0.2) {
			attrs = append(attrs, member{"isAppInForeground", strconv.FormatBool(eventType == "_campaign.received_foreground")})
		}
	} else {
		j := pick(g, g.journeys)
		attrs = obj{
			{"journey_id", j.id},
			{"journey_activity_id", pick(g, j.activities)},
			{"journey_run_id", pick(g, j.runs)},
		}
	}
	e = append(e, member{"attributes", attrs})
	if g.chance(0.5) {
		e = append(e, member{"metrics", obj{}})
	}
	return g.appTail(e, c)
}
