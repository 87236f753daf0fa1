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
func (c *Collector) Content(s string, isBase64, isJSON bool) (doc jsonvalue.Value, ok bool) {
	data := []byte(s)
	if isBase64 {
		decoded, err := base64.StdEncoding.DecodeString(s)
		if err != nil {
			c.Add("contentEncoding", "is not valid base64: "+err.Error())
			return jsonvalue.Value{}, false
		}
		data = decoded
	}
	if !isJSON {
		return jsonvalue.Value{}, true
	}
	doc, err := jsonvalue.ParseLazy(data)
	if err != nil {
		c.Add("contentMediaType", "does not hold a JSON document: "+err.Error())
		return jsonvalue.Value{}, false
	}
	return doc, true
}

// Nested returns a collector for the document inside a string.
func (c *Collector) Nested() *Collector { return &Collector{Options: c.Options} }

// Embedded records the violations of a document carried in the string at
// the current path (found with a Nested collector) as contentSchema
// violations there.
func (c *Collector) Embedded(inner *Collector) {
	for _, v := range inner.Violations() {
		ptr := v.Pointer
		if ptr == "" {
			ptr = "(root)"
		}
		c.Add("contentSchema", fmt.Sprintf("embedded JSON at %s: %s", ptr, v.Message))
	}
}
