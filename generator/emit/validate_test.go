package emit

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// simplePattern's reading of a pattern, run as the generated matcher runs
// it, agrees with Go's regexp on random strings.
func TestSimplePatternMatchesLikeRegexp(t *testing.T) {
	for _, tc := range []struct {
		pattern string
		simple  bool
	}{
		{`^[0-9]{12}$`, true},
		{`^[a-f0-9]{8,32}$`, true},
		{`^[A-Z]+$`, true},
		{`^[^a]*$`, false}, // negated: holds non-ASCII
		{`^x$`, false},     // a literal: left to regexp
		{`^(?i)[a-c]{2}$`, true},
		{`^[0-9]{3}-[0-9]{4}$`, false},
		{`[0-9]{3}`, false},
		{`^é{2}$`, false},
	} {
		class, min, max, ok := simplePattern(tc.pattern)
		if ok != tc.simple {
			t.Errorf("%s: simple = %v, want %v", tc.pattern, ok, tc.simple)
			continue
		}
		if !ok {
			continue
		}
		match := func(s string) bool {
			if len(s) < min || (max >= 0 && len(s) > max) {
				return false
			}
			for i := 0; i < len(s); i++ {
				in := false
				for _, rg := range class {
					in = in || (rune(s[i]) >= rg[0] && rune(s[i]) <= rg[1])
				}
				if !in {
					return false
				}
			}
			return true
		}
		re := regexp.MustCompile(tc.pattern)
		rng := rand.New(rand.NewPCG(1, 2))
		alphabet := []byte("0123456789abcdefABCDEFxyzXYZ-_ \n\xff\xc3\xa9")
		for i := 0; i < 20000; i++ {
			b := make([]byte, rng.IntN(40))
			for j := range b {
				b[j] = alphabet[rng.IntN(len(alphabet))]
			}
			if i%3 == 0 && min > 0 { // strings that are likelier to match
				b = b[:0]
				for j := 0; j < min; j++ {
					b = append(b, byte(class[0][0]))
				}
			}
			if got, want := match(string(b)), re.MatchString(string(b)); got != want {
				t.Fatalf("%s on %q: generated %v, regexp %v", tc.pattern, b, got, want)
			}
		}
	}
}
