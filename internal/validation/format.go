package validation

import (
	"errors"
	"fmt"
	"net/netip"
	"strconv"
	"strings"
	"time"
)

// formatCheckers are the formats asserted under Options.AssertFormat. Each
// follows its RFC the way santhosh-tekuri/jsonschema v6 does, so that both
// give the same verdicts. Other format names are annotations only, as they
// are for santhosh-tekuri.
var formatCheckers = map[string]func(string) error{
	"date-time": checkDateTime,
	"date":      checkDate,
	"time":      checkTime,
	"email":     checkEmail,
	"hostname":  checkHostname,
	"ipv4":      checkIPv4,
	"ipv6":      checkIPv6,
	"uuid":      checkUUID,
}

// Format checks s against format when AssertFormat is on.
func (c *Collector) Format(format, s string) {
	if !c.AssertFormat {
		return
	}
	check := formatCheckers[format]
	if check == nil {
		return
	}
	if err := check(s); err != nil {
		c.Add("format", fmt.Sprintf("%s is not a valid %s: %v", Quote(s), format, err))
	}
}

// checkDateTime checks an RFC 3339 date-time: full-date "T" full-time.
func checkDateTime(s string) error {
	if len(s) < len("2006-01-02T15:04:05Z") {
		return errors.New("too short for a date and time")
	}
	if s[10] != 'T' && s[10] != 't' {
		return errors.New("date and time must be separated by T")
	}
	if err := checkDate(s[:10]); err != nil {
		return fmt.Errorf("date: %v", err)
	}
	if err := checkTime(s[11:]); err != nil {
		return fmt.Errorf("time: %v", err)
	}
	return nil
}

// checkDate checks an RFC 3339 full-date, with real month lengths.
func checkDate(s string) error {
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return errors.New("want YYYY-MM-DD with a day that exists")
	}
	return nil
}

// checkTime checks an RFC 3339 full-time: hh:mm:ss, an optional fraction,
// and Z or an offset. A leap second (60) is allowed at 23:59 UTC only. Like
// the reference validator, it reads each two-character field as a decimal
// that may carry a sign ("+0" is hour 0).
func checkTime(s string) error {
	if len(s) < len("15:04:05Z") || s[2] != ':' || s[5] != ':' {
		return errors.New("want hh:mm:ss followed by Z or an offset")
	}
	h, okH := field(s[0:2])
	m, okM := field(s[3:5])
	sec, okS := field(s[6:8])
	if !okH || !okM || !okS {
		return errors.New("hour, minute and second must be numbers")
	}
	if h > 23 || m > 59 || sec > 60 {
		return errors.New("hour, minute or second out of range")
	}
	rest := s[8:]
	if frac, ok := strings.CutPrefix(rest, "."); ok {
		n := 0
		for n < len(frac) && frac[n] >= '0' && frac[n] <= '9' {
			n++
		}
		if n == 0 {
			return errors.New("a fraction of a second needs digits")
		}
		rest = frac[n:]
	}
	if rest != "Z" && rest != "z" {
		if len(rest) != len("+00:00") || (rest[0] != '+' && rest[0] != '-') || rest[3] != ':' {
			return errors.New("want Z or an offset like +01:00")
		}
		oh, okOH := field(rest[1:3])
		om, okOM := field(rest[4:6])
		if !okOH || !okOM || oh > 23 || om > 59 {
			return errors.New("offset out of range")
		}
		// Bring the time to UTC to place a leap second.
		minutes := h*60 + m
		if rest[0] == '+' {
			minutes -= oh*60 + om
		} else {
			minutes += oh*60 + om
		}
		minutes = ((minutes % 1440) + 1440) % 1440
		h, m = minutes/60, minutes%60
	}
	if sec == 60 && (h != 23 || m != 59) {
		return errors.New("a leap second must fall at 23:59:60 UTC")
	}
	return nil
}

// field reads a non-negative decimal field of a time.
func field(s string) (int, bool) {
	n, err := strconv.Atoi(s)
	return n, err == nil && n >= 0
}

// checkIPv4 checks dotted-quad notation without leading zeros.
func checkIPv4(s string) error {
	parts := strings.Split(s, ".")
	if len(parts) != 4 {
		return errors.New("want four numbers separated by dots")
	}
	for _, part := range parts {
		if len(part) > 1 && part[0] == '0' {
			return errors.New("numbers must not have leading zeros")
		}
		n, err := strconv.Atoi(part)
		if err != nil || n < 0 || n > 255 {
			return errors.New("numbers must be from 0 to 255")
		}
	}
	return nil
}

// checkIPv6 checks an RFC 4291 address, without a zone.
func checkIPv6(s string) error {
	if !strings.Contains(s, ":") {
		return errors.New("an IPv6 address has colons")
	}
	addr, err := netip.ParseAddr(s)
	if err != nil {
		return err
	}
	if addr.Zone() != "" {
		return errors.New("a zone is not part of an address")
	}
	return nil
}

// checkHostname checks an RFC 1123 host name.
func checkHostname(s string) error {
	s = strings.TrimSuffix(s, ".")
	if len(s) > 253 {
		return errors.New("longer than 253 characters")
	}
	for _, label := range strings.Split(s, ".") {
		if len(label) < 1 || len(label) > 63 {
			return errors.New("each label must have 1 to 63 characters")
		}
		if label[0] == '-' || label[len(label)-1] == '-' {
			return errors.New("a label must not start or end with a hyphen")
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-') {
				return fmt.Errorf("%q is not allowed in a host name", r)
			}
		}
	}
	return nil
}

// checkEmail checks an RFC 5321 mailbox: local part, @, and a host name or
// a bracketed address.
func checkEmail(s string) error {
	if len(s) > 254 {
		return errors.New("longer than 254 characters")
	}
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return errors.New("no @")
	}
	local, domain := s[:at], s[at+1:]
	if len(local) > 64 {
		return errors.New("local part longer than 64 characters")
	}
	if len(local) > 1 && local[0] == '"' && local[len(local)-1] == '"' {
		if strings.ContainsAny(local[1:len(local)-1], `\"`) {
			return errors.New(`a quoted local part must not hold \ or "`)
		}
	} else {
		if strings.HasPrefix(local, ".") || strings.HasSuffix(local, ".") || strings.Contains(local, "..") {
			return errors.New("misplaced dot in the local part")
		}
		for _, r := range local {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || strings.ContainsRune(".!#$%&'*+-/=?^_`{|}~", r)) {
				return fmt.Errorf("%q is not allowed in the local part", r)
			}
		}
	}
	if len(domain) > 1 && domain[0] == '[' && domain[len(domain)-1] == ']' {
		addr := domain[1 : len(domain)-1]
		if v6, ok := strings.CutPrefix(addr, "IPv6:"); ok {
			return checkIPv6(v6)
		}
		return checkIPv4(addr)
	}
	if err := checkHostname(domain); err != nil {
		return fmt.Errorf("domain: %v", err)
	}
	return nil
}

// checkUUID checks the 8-4-4-4-12 hex form.
func checkUUID(s string) error {
	groups := strings.Split(s, "-")
	want := []int{8, 4, 4, 4, 12}
	if len(groups) != len(want) {
		return errors.New("want five groups of hex digits: 8-4-4-4-12")
	}
	for i, g := range groups {
		if len(g) != want[i] {
			return errors.New("want five groups of hex digits: 8-4-4-4-12")
		}
		for _, r := range g {
			if !(r >= '0' && r <= '9' || r >= 'a' && r <= 'f' || r >= 'A' && r <= 'F') {
				return fmt.Errorf("%q is not a hex digit", r)
			}
		}
	}
	return nil
}
