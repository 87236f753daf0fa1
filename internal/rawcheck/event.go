package rawcheck

import (
	"github.com/pinpoint-events/pinpoint-events/internal/codec"
	"github.com/pinpoint-events/pinpoint-events/internal/jsonvalue"
	"github.com/pinpoint-events/pinpoint-events/internal/validation"
)

// ParseEvent parses an event for validation, reading data once: the
// document, left unparsed below its top level, and its head, the members
// named versionMember and typeMember, as codec.ReadFullHead reads them from
// the bytes (the last of duplicate members wins). Malformed JSON is a
// *pinpointevents.SyntaxError and JSON that is not an object a
// *pinpointevents.NotAnObjectError, as from ReadFullHead.
func ParseEvent(data []byte, versionMember, typeMember string) (jsonvalue.Value, codec.Head, error) {
	v, err := jsonvalue.ParseLazy(data)
	if err != nil {
		return v, codec.Head{}, err
	}
	head, exact := headOf(&v, versionMember, typeMember)
	if !exact {
		// The errors about such a record quote the member as written, which
		// only the bytes keep; records like that are rare, and never valid.
		head, err = codec.ReadFullHead(data, versionMember, typeMember)
	}
	return v, head, err
}

// headOf reads the head from a parsed object. It reports false when v is
// not an object or a head member is not a string: the head then needs the
// member's text as written.
func headOf(v *jsonvalue.Value, versionMember, typeMember string) (codec.Head, bool) {
	var h codec.Head
	if v.Kind != jsonvalue.Object {
		return h, false
	}
	for _, m := range v.Fields() {
		switch m.Name {
		case versionMember:
			h.HasVersion, h.VersionIsString, h.Version = true, m.Value.Kind == jsonvalue.String, m.Value.Str
			if !h.VersionIsString {
				return h, false
			}
		case typeMember:
			h.HasType, h.TypeIsString, h.Type = true, m.Value.Kind == jsonvalue.String, m.Value.Str
			if !h.TypeIsString {
				return h, false
			}
		}
	}
	return h, true
}

// Validate checks a parsed value against a raw-value validator, with the
// annotation keywords opts asserts.
func Validate(v *jsonvalue.Value, check Check, opts validation.Options) error {
	c := validation.Collector{Options: opts}
	check(v, &c)
	return c.Err()
}
