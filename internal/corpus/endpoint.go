package corpus

import "strconv"

var endpointAttributes = []struct {
	name   string
	values []string
}{
	{"lang", []string{"en", "es", "de", "fr", "pt", "ja", "hi"}},
	{"interests", []string{"sports", "news", "travel", "music", "cooking", "tech", "fashion", "gaming"}},
	{"plan", []string{"free", "pro", "business", "trial"}},
	{"segment", []string{"new", "active", "lapsed", "vip"}},
	{"favoriteStore", []string{"downtown", "airport", "online", "mall"}},
}

// attributeLists returns one to max named lists of one or two values, as
// endpoints' Attributes and UserAttributes are.
func (g *gen) attributeLists(max int) obj {
	n := g.between(1, max)
	o := make(obj, 0, n)
	for _, i := range g.r.Perm(len(endpointAttributes))[:n] {
		a := endpointAttributes[i]
		vals := []string{pick(g, a.values)}
		if v := pick(g, a.values); v != vals[0] && g.chance(0.3) {
			vals = append(vals, v)
		}
		o = append(o, member{a.name, vals})
	}
	return o
}

// userID returns the id an app gives its user.
func (g *gen) userID() string {
	switch g.r.IntN(3) {
	case 0:
		return "user-" + strconv.Itoa(1+g.r.IntN(999999))
	case 1:
		return g.uuid()
	default:
		return pick(g, firstNames) + "." + pick(g, lastNames) + strconv.Itoa(g.r.IntN(100))
	}
}

// endpointDoc returns the endpoint record a campaign or journey send
// carries as a string (client_context.custom.endpoint), for the endpoint of
// a channel as it was at time ts.
func (g *gen) endpointDoc(channel string, ts int64) doc {
	status, optOut := "ACTIVE", "NONE"
	if g.chance(0.03) {
		status = "INACTIVE"
	}
	if g.chance(0.02) {
		optOut = "ALL"
	}
	e := doc{
		{"ChannelType", channel},
		{"EndpointStatus", status},
		{"OptOut", optOut},
		{"RequestId", g.uuid()},
		{"EffectiveDate", iso(ts - g.r.Int64N(400*86400000))},
	}
	if g.chance(0.55) {
		d := obj{{"Timezone", pick(g, timezones)}}
		if channel != "EMAIL" && channel != "SMS" && g.chance(0.6) {
			d = append(obj{
				{"AppVersion", pick(g, []string{"1.0", "2.4.1", "3.12.0", "5.0.2"})},
				{"Locale", pick(g, locales).code},
				{"Platform", pick(g, []string{"android", "ios"})},
			}, d...)
		}
		e = append(e, member{"Demographic", d})
	}
	if g.chance(0.4) {
		e = append(e, member{"Attributes", g.attributeLists(2)})
	}
	if g.chance(0.7) {
		u := obj{}
		if g.chance(0.6) {
			u = append(u, member{"UserId", g.userID()})
			if g.chance(0.3) {
				u = append(u, member{"UserAttributes", g.attributeLists(1)})
			}
		}
		e = append(e, member{"User", u})
	}
	return e
}

// endpointObject returns the endpoint record an app event carries as the
// top-level endpoint object, for device d of an app.
func (g *gen) endpointObject(p project, d device, clientID string, ts int64) obj {
	created := ts - g.r.Int64N(2*365*86400000)
	e := obj{{"ApplicationId", p.id}}
	if g.chance(0.5) {
		e = append(e, member{"ChannelType", d.channel})
	}
	e = append(e,
		member{"CohortId", strconv.Itoa(g.r.IntN(100))},
		member{"CreationDate", iso(created)},
		member{"Demographic", obj{
			{"AppVersion", p.versionCode},
			{"Locale", d.locale.code},
			{"Make", d.make},
			{"Model", d.model},
			{"Platform", d.platform},
			{"PlatformVersion", d.platformVersion},
			{"Timezone", d.locale.timezone},
		}},
		member{"EffectiveDate", iso(created + g.r.Int64N(ts-created+1))},
		member{"EndpointStatus", "ACTIVE"},
		member{"Id", clientID},
	)
	if g.chance(0.4) {
		loc := obj{{"Country", d.locale.country}}
		if g.chance(0.5) {
			loc = append(loc, member{"City", d.locale.city})
		}
		loc = append(loc,
			member{"Latitude", float64(g.r.IntN(180000)-90000) / 1000},
			member{"Longitude", float64(g.r.IntN(360000)-180000) / 1000})
		e = append(e, member{"Location", loc})
	}
	e = append(e,
		member{"Metrics", obj{{"sessions", float64(1 + g.r.IntN(200))}}},
		member{"OptOut", pick(g, []string{"NONE", "NONE", "NONE", "ALL"})},
		member{"RequestId", g.uuid()},
	)
	if g.chance(0.5) {
		e = append(e, member{"Attributes", g.attributeLists(2)})
	}
	if g.chance(0.5) {
		e = append(e, member{"User", obj{
			{"UserId", g.userID()},
			{"UserAttributes", g.attributeLists(2)},
		}})
	}
	return e
}
