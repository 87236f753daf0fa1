package model

import (
	"strings"
	"unicode"
)

// initialisms are written in capitals in Go names (AppID, AWSAccountID).
var initialisms = map[string]bool{
	"ACL": true, "ADM": true, "API": true, "APNS": true, "ARN": true, "AWS": true,
	"CPU": true, "CSS": true, "DNS": true, "EOF": true, "GCM": true, "GUID": true,
	"HTML": true, "HTTP": true, "HTTPS": true, "ID": true, "IP": true, "ISO": true,
	"JSON": true, "MCC": true, "MIME": true, "MMS": true, "MNC": true, "MTA": true,
	"OS": true, "QPS": true, "RAM": true, "RPC": true, "SDK": true, "SES": true,
	"SLA": true, "SMS": true, "SMTP": true, "SQL": true, "SSH": true, "TCP": true,
	"TLS": true, "TTL": true, "UDP": true, "UI": true, "UID": true, "URI": true,
	"URL": true, "USD": true, "UTF8": true, "UUID": true, "VM": true, "VOIP": true,
	"XML": true,
}

// words splits a JSON name into words: at every character that is not a
// letter or digit, and where the case changes (awsAccountId: aws Account Id;
// SMSMessage: SMS Message).
func words(s string) []string {
	var out []string
	rs := []rune(s)
	start := -1
	flush := func(end int) {
		if start >= 0 && end > start {
			out = append(out, string(rs[start:end]))
		}
		start = -1
	}
	for i, r := range rs {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
			flush(i)
			continue
		}
		if start < 0 {
			start = i
			continue
		}
		prev := rs[i-1]
		switch {
		case unicode.IsLower(prev) && unicode.IsUpper(r):
			flush(i)
			start = i
		case unicode.IsUpper(prev) && unicode.IsUpper(r) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
			flush(i)
			start = i
		case unicode.IsDigit(prev) != unicode.IsDigit(r) && unicode.IsLetter(r) && unicode.IsUpper(r):
			flush(i)
			start = i
		}
	}
	flush(len(rs))
	return out
}

// GoName turns a JSON name into an exported Go identifier with Go's
// initialisms: app_id is AppID, awsAccountId is AWSAccountID, _SMS.SUCCESS is
// SMSSuccess. A name that would start with a digit gets an X in front.
func GoName(s string) string {
	var b strings.Builder
	for _, w := range words(s) {
		up := strings.ToUpper(w)
		if initialisms[up] {
			b.WriteString(up)
			continue
		}
		rs := []rune(strings.ToLower(w))
		rs[0] = unicode.ToUpper(rs[0])
		b.WriteString(string(rs))
	}
	name := b.String()
	if name == "" {
		return "X"
	}
	if r := []rune(name)[0]; unicode.IsDigit(r) {
		name = "X" + name
	}
	return name
}

// LowerFirst makes an exported identifier unexported: AppID is appID,
// URLPath is urlPath.
func LowerFirst(s string) string {
	ws := words(s)
	if len(ws) == 0 {
		return s
	}
	first := ws[0]
	if initialisms[strings.ToUpper(first)] || strings.ToUpper(first) == first {
		return strings.ToLower(first) + s[len(first):]
	}
	rs := []rune(s)
	rs[0] = unicode.ToLower(rs[0])
	return string(rs)
}
