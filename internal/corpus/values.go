package corpus

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
)

// The events' timestamps fall in 2019 through 2026 (Unix milliseconds).
const (
	minMillis = 1546300800000 // 2019-01-01T00:00:00Z
	maxMillis = 1798761600000 // 2027-01-01T00:00:00Z
)

// gen draws the values of one corpus. Its pools (accounts, projects,
// campaigns, journeys) are drawn first, so that ids repeat across events as
// they do in a real stream.
type gen struct {
	r         *rand.Rand
	accounts  []string
	apps      []project
	campaigns []campaign
	journeys  []journey
}

// project is a Pinpoint project, with the app that reports to it.
type project struct {
	id, pool, pkg, title, versionName, versionCode string
	brand                                          brand
	kind                                           platformKind
}

// campaign is a campaign with its runs.
type campaign struct {
	id         string
	activities []string
	treatments int
}

// journey is a journey with its runs and activities.
type journey struct {
	id         string
	runs       []string
	activities []string
}

// brand is a sender of email and the owner of links.
type brand struct{ name, domain string }

var brands = []brand{
	{"Northwind Traders", "northwind.example"},
	{"Contoso", "contoso.example"},
	{"Fabrikam", "fabrikam.example"},
	{"Tailspin Toys", "tailspintoys.example"},
	{"Adventure Works", "adventure-works.example"},
	{"Wingtip Toys", "wingtiptoys.example"},
	{"Litware", "litware.example"},
	{"Proseware", "proseware.example"},
	{"Wide World Importers", "wideworldimporters.example"},
	{"Alpine Ski House", "alpineskihouse.example"},
}

// newGen draws the pools of a corpus from r.
func newGen(r *rand.Rand) *gen {
	g := &gen{r: r}
	for range 4 {
		g.accounts = append(g.accounts, g.digits(12))
	}
	for i := range 12 {
		b := brands[i%len(brands)]
		slug := strings.ToLower(strings.Fields(b.name)[0])
		g.apps = append(g.apps, project{
			id:          g.hex(32),
			pool:        pick(g, regions) + ":" + g.uuid(),
			pkg:         "com." + slug + "." + pick(g, []string{"app", "shop", "mobile", "android", "client"}),
			title:       b.name,
			versionName: pick(g, []string{"", "1.0", "2.4.1", "3.12.0", "5.0.2", "10.3"}),
			versionCode: strconv.Itoa(1 + g.r.IntN(400)),
			brand:       b,
			kind:        platformKind(g.r.IntN(3)),
		})
	}
	for range 60 {
		c := campaign{id: g.hex(32), treatments: 1}
		if g.chance(0.3) {
			c.treatments = 2 + g.r.IntN(3)
		}
		for range 1 + g.r.IntN(4) {
			c.activities = append(c.activities, g.hex(32))
		}
		g.campaigns = append(g.campaigns, c)
	}
	for range 25 {
		j := journey{id: g.hex(32)}
		for range 1 + g.r.IntN(3) {
			j.runs = append(j.runs, g.hex(32))
		}
		for range 2 + g.r.IntN(5) {
			j.activities = append(j.activities, g.alnum(10))
		}
		g.journeys = append(g.journeys, j)
	}
	return g
}

// pick returns one of xs.
func pick[T any](g *gen, xs []T) T { return xs[g.r.IntN(len(xs))] }

// choice is a value with its weight.
type choice struct {
	v string
	w int
}

// choose returns one of cs, by weight.
func (g *gen) choose(cs []choice) string {
	total := 0
	for _, c := range cs {
		total += c.w
	}
	n := g.r.IntN(total)
	for _, c := range cs {
		if n < c.w {
			return c.v
		}
		n -= c.w
	}
	panic("unreachable")
}

// index returns i with probability weights[i] / the sum of weights.
func (g *gen) index(weights ...int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := g.r.IntN(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	panic("unreachable")
}

// chance is true with probability p.
func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

// between returns an int in [lo, hi].
func (g *gen) between(lo, hi int) int { return lo + g.r.IntN(hi-lo+1) }

// hex returns n lower-case hex digits.
func (g *gen) hex(n int) string { return g.fromAlphabet("0123456789abcdef", n) }

// digits returns n decimal digits, the first not 0.
func (g *gen) digits(n int) string {
	return g.fromAlphabet("123456789", 1) + g.fromAlphabet("0123456789", n-1)
}

// alnum returns n characters of [0-9A-Za-z], like a journey activity id.
func (g *gen) alnum(n int) string {
	return g.fromAlphabet("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz", n)
}

func (g *gen) fromAlphabet(alphabet string, n int) string {
	b := make([]byte, n)
	for i := range b {
		b[i] = alphabet[g.r.IntN(len(alphabet))]
	}
	return string(b)
}

// uuid returns a random (version 4) UUID.
func (g *gen) uuid() string {
	const hex = "0123456789abcdef"
	var b [36]byte
	hi, lo := g.r.Uint64(), g.r.Uint64()
	for i, j := 0, 0; i < 36; i++ {
		switch i {
		case 8, 13, 18, 23:
			b[i] = '-'
			continue
		case 14:
			b[i] = '4'
		case 19:
			b[i] = hex[8+lo&3]
			lo >>= 2
		default:
			if j < 16 {
				b[i] = hex[hi&0xf]
				hi >>= 4
			} else {
				b[i] = hex[lo&0xf]
				lo >>= 4
			}
			j++
		}
	}
	return string(b[:])
}

// millis returns a time in 2019 through 2026.
func (g *gen) millis() int64 { return minMillis + g.r.Int64N(maxMillis-minMillis) }

// iso writes ms as RFC 3339 with milliseconds, as the endpoint's dates are.
func iso(ms int64) string {
	return time.UnixMilli(ms).UTC().Format("2006-01-02T15:04:05.000Z")
}

var regions = []string{"us-east-1", "us-east-1", "us-west-2", "eu-west-1", "eu-central-1", "ap-south-1", "ap-southeast-2", "ap-northeast-1"}

var timezones = []string{"America/Los_Angeles", "America/New_York", "America/Chicago", "America/Denver", "America/Sao_Paulo", "America/Mexico_City", "America/Toronto", "Europe/London", "Europe/Berlin", "Europe/Paris", "Europe/Madrid", "Asia/Kolkata", "Asia/Tokyo", "Australia/Sydney"}

var firstNames = []string{"james", "mary", "robert", "patricia", "john", "jennifer", "michael", "linda", "david", "elizabeth", "maria", "wei", "fatima", "carlos", "aisha", "jose", "anna", "mohammed", "sofia", "lucas", "emma", "noah", "olivia", "liam", "yuki", "priya", "arjun", "chloe", "mateo", "zoe"}

var lastNames = []string{"smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "rodriguez", "martinez", "hernandez", "lopez", "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "martin", "lee", "nguyen", "kim", "patel", "singh", "mueller", "rossi", "dubois", "tanaka", "silva", "kowalski"}

var mailDomains = []choice{{"example.com", 30}, {"example.net", 20}, {"example.org", 15}, {"mail.example", 15}, {"inbox.example", 10}, {"post.example", 10}}

// emailAddress returns a recipient's address.
func (g *gen) emailAddress() string {
	f, l := pick(g, firstNames), pick(g, lastNames)
	var local string
	switch g.r.IntN(5) {
	case 0:
		local = f + "." + l
	case 1:
		local = f + l + strconv.Itoa(g.r.IntN(100))
	case 2:
		local = f[:1] + "." + l
	case 3:
		local = f + "_" + l + strconv.Itoa(1960+g.r.IntN(50))
	default:
		local = l + "." + f
	}
	return local + "@" + g.choose(mailDomains)
}

var userAgents = []string{
	"Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)",
	"Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148",
	"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)",
	"Mozilla/5.0 (Macintosh; Intel Mac OS X 10_14_6) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1.2 Safari/605.1.15",
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36",
	"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0",
	"Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; Pro)",
	"Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/123.0.6312.99 Mobile Safari/537.36",
	"Mozilla/5.0 (Linux; Android 13; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/23.0 Chrome/115.0.0.0 Mobile Safari/537.36",
	"Mozilla/5.0 (X11; Ubuntu; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
	"Mozilla/5.0 (iPad; CPU OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1",
	"YahooMailProxy; https://help.yahoo.com/kb/yahoo-mail-proxy-SLN28749.html",
}

// ip returns a client's IP address, now and then an IPv6 one.
func (g *gen) ip() string {
	if g.chance(0.12) {
		return "2001:db8:" + strconv.FormatUint(uint64(g.r.IntN(0x10000)), 16) + ":" +
			strconv.FormatUint(uint64(g.r.IntN(0x10000)), 16) + "::" + strconv.FormatUint(uint64(1+g.r.IntN(0xffff)), 16)
	}
	first := []int{3, 13, 18, 23, 34, 44, 52, 54, 66, 72, 73, 98, 104, 151, 172, 185, 203}
	return strconv.Itoa(pick(g, first)) + "." + strconv.Itoa(g.r.IntN(256)) + "." +
		strconv.Itoa(g.r.IntN(256)) + "." + strconv.Itoa(1+g.r.IntN(254))
}

var linkPaths = []string{"", "sale", "new-arrivals", "account/orders", "blog/spring-guide", "products/", "help/returns", "events/webinar", "app/download", "cart"}

// link returns a tracked link of a brand's site.
func (g *gen) link(b brand, campaignSlug string) string {
	p := pick(g, linkPaths)
	if p == "products/" {
		p += strconv.Itoa(1000 + g.r.IntN(90000))
	}
	u := "https://www." + b.domain + "/" + p
	if g.chance(0.7) {
		u += "?utm_source=pinpoint&utm_medium=email&utm_campaign=" + campaignSlug
	}
	return u
}

// country is where a phone number is, with what a text there costs.
type country struct {
	code   string
	prefix string
	digits int     // national digits after the prefix
	price  float64 // price of one message part, in millicents
}

var countries = []struct {
	country
	w int
}{
	{country{"US", "+1", 10, 645.0}, 55},
	{country{"CA", "+1", 10, 581.25}, 6},
	{country{"GB", "+447", 9, 3734.0}, 8},
	{country{"DE", "+491", 10, 7653.0}, 5},
	{country{"FR", "+336", 8, 6020.5}, 4},
	{country{"IN", "+919", 9, 181.0}, 8},
	{country{"BR", "+55119", 8, 2795.0}, 5},
	{country{"MX", "+5255", 8, 2520.75}, 4},
	{country{"AU", "+614", 8, 3550.0}, 3},
	{country{"JP", "+8190", 8, 7190.0}, 2},
}

// country returns a recipient's country.
func (g *gen) country() country {
	n := g.r.IntN(100)
	for _, c := range countries {
		if n < c.w {
			return c.country
		}
		n -= c.w
	}
	return countries[0].country
}

// phone returns a number of country c in E.164 form; North American ones
// use the fictional 555-01XX lines.
func (g *gen) phone(c country) string {
	if c.prefix == "+1" {
		area := pick(g, []string{"206", "425", "212", "312", "415", "512", "617", "303", "416", "604"})
		return "+1" + area + "55501" + strconv.Itoa(10+g.r.IntN(90))
	}
	return c.prefix + g.fromAlphabet("0123456789", c.digits)
}
