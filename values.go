package pinpointevents

import (
	"strconv"
	"time"
)

// UnixMillis is a point in time as milliseconds since the Unix epoch, the way
// Pinpoint writes every timestamp.
type UnixMillis int64

// Time returns the timestamp as a time.Time in UTC.
func (t UnixMillis) Time() time.Time { return time.UnixMilli(int64(t)).UTC() }

// Nullable holds a value of a member whose schema also allows JSON null.
// Valid is false for null. Where the member is optional as well, a pointer to
// a Nullable tells absent (nil) from null.
type Nullable[T any] struct {
	Value T
	Valid bool
}

// NumericString is a string member that carries a decimal integer, such as
// treatment_id ("0"). It stays a string, as written, so that an unusual value
// is never lost; Int64 parses it.
type NumericString string

// Int64 parses the string as a base-10 integer.
func (s NumericString) Int64() (int64, error) {
	return strconv.ParseInt(string(s), 10, 64)
}

// Member is a JSON object member kept as raw JSON.
type Member struct {
	Name string
	// Value is the member's value as compact JSON. It may share memory with
	// the strings of the decoded event: do not modify its bytes; replace it.
	Value []byte
}

// Members is a list of members kept as raw JSON, in input order. Generated
// structs hold in it every member that has no field of its own, and every
// member whose value does not fit its field's Go type (a string where the
// schema wants a number, say): nothing read is dropped, and encoding writes
// them back. A name occurs at most once: a later duplicate replaces an earlier
// one, as with encoding/json.
type Members []Member

// Get returns the raw value of the named member.
func (ms Members) Get(name string) ([]byte, bool) {
	for i := range ms {
		if ms[i].Name == name {
			return ms[i].Value, true
		}
	}
	return nil, false
}

// Has reports whether the named member is present.
func (ms Members) Has(name string) bool {
	_, ok := ms.Get(name)
	return ok
}

// Set stores a member, replacing one of the same name.
func (ms Members) Set(name string, value []byte) Members {
	for i := range ms {
		if ms[i].Name == name {
			ms[i].Value = value
			return ms
		}
	}
	return append(ms, Member{Name: name, Value: value})
}

// Delete removes the named member, if present.
func (ms Members) Delete(name string) Members {
	for i := range ms {
		if ms[i].Name == name {
			return append(ms[:i], ms[i+1:]...)
		}
	}
	return ms
}
