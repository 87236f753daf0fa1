package validation

import (
	"encoding/base64"
	"fmt"

	"github.com/pinpoint-events/pinpoint-events/internal/jsonvalue"
)

// Content applies contentEncoding (base64 only) and contentMediaType
// (application/json only) to a string, under AssertContent. ok is false when
// the string does not hold what they say; the violation is then recorded.
// For a JSON media type, doc is the document.
func (c *Collector) Content(p *Path, s string, isBase64, isJSON bool) (doc jsonvalue.Value, ok bool) {
	data := []byte(s)
	if isBase64 {
		decoded, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			c.Add(p, "contentEncoding", "is not valid base64: "+err.Error())
			return jsonvalue.Value{}, false
		}
		data = decoded
	}
	if !isJSON {
		return jsonvalue.Value{}, true
	}
	doc, err := jsonvalue.Parse(data)
	if err != nil {
		c.Add(p, "contentMediaType", "does not hold a JSON document: "+err.Error())
		return jsonvalue.Value{}, false
	}
	return doc, true
}

// Nested returns a collector for the document inside a string.
func (c *Collector) Nested() *Collector { return &Collector{Options: c.Options} }

// Embedded records the violations of a document carried in the string at p
// (found with a Nested collector) as contentSchema violations at p.
func (c *Collector) Embedded(p *Path, inner *Collector) {
	for _, v := range inner.Violations() {
		ptr := v.Pointer
		if ptr == "" {
			ptr = "(root)"
		}
		c.Add(p, "contentSchema", fmt.Sprintf("embedded JSON at %s: %s", ptr, v.Message))
	}
}
