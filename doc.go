// Package pinpointevents is the root of pinpoint-events, a toolkit that turns
// the JSON event streams of Amazon Pinpoint into typed, validated Go values.
//
// Import the dispatcher, github.com/pinpoint-events/pinpoint-events/generated/anyevent,
// to decode an event of any version, or a version package such as
// .../generated/pinpoint/v3p1 for its types. Everything under generated/ is
// produced from the JSON Schemas under schema/ by cmd/eventgen:
//
//	go generate ./...
//
// This package declares the types every generated package shares: the [Event]
// interface, the options, the values events are built from ([UnixMillis],
// [Nullable], [NumericString], [Members]), and the errors decoding and
// validation return, with [ReasonOf] to classify them in one word. The
// generated packages re-export these types under the same names
// (anyevent.Event is Event), so code that imports only a generated package
// need not import this one; go doc shows the fields and methods here. The
// package imports nothing but the standard library.
package pinpointevents

//go:generate go run ./cmd/eventgen -schema schema -out generated
