// Package pinpointevents is the root of pinpoint-events, a toolkit that turns
// the JSON event streams of Amazon Pinpoint into typed, validated Go values.
//
// Import the dispatcher, github.com/pinpoint-events/pinpoint-events/generated/pinpoint,
// to decode an event of any version, or a version package such as
// .../generated/pinpoint/v3p1 for its types. Everything under generated/ is
// produced from the JSON Schemas under schema/ by cmd/eventgen:
//
//	go generate ./...
package pinpointevents

//go:generate go run ./cmd/eventgen -schema schema -out generated
