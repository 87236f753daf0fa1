package model

import (
	"fmt"
	"path"

	"github.com/pinpoint-events/pinpoint-events/generator/load"
)

// ProducerFile is the file, directly in a producer's folder, whose root
// describes the producer: nothing about a particular producer is written in
// the generator, so that it runs on anyone's schemas.
const ProducerFile = "producer.json"

// Producer is what the schemas of every version of a producer share: its
// name and title, the members every event has, where its dispatcher goes,
// and the formats the dispatcher recognizes in records that are not events.
type Producer struct {
	// Name is the producer's folder (pinpoint); Title names it in prose
	// (Amazon Pinpoint): the producer file's title.
	Name, Title string
	// Dispatcher is the dispatcher package's folder under the output
	// folder, and its last element the package name: x-dispatcher.
	Dispatcher string
	Members    Members
	Formats    []*Format
	// Checks holds the formats' schemas lowered for the dispatcher.
	Checks *Checks
}

// Members names the members every event of a producer has, from the
// producer file's x-type-member, x-version-member, x-time-member and
// x-arrival-member. The dispatcher routes by Version and Type; Time and
// Arrival back Event.EventTime and Event.ArrivalTime.
type Members struct {
	Type, Version, Time, Arrival string
}

// required lists the members with the Go kind the Event interface needs of
// each.
func (m Members) required() []struct {
	name string
	kind GoKind
} {
	return []struct {
		name string
		kind GoKind
	}{{m.Type, String}, {m.Time, UnixMillis}, {m.Arrival, UnixMillis}, {m.Version, String}}
}

// NewProducer reads a producer from the documents of its folder: the
// producer file, and format files (formats.json), whose $defs are formats.
func NewProducer(name string, set *load.Set) (*Producer, error) {
	p := &Producer{Name: name}
	var root *load.Schema
	for _, doc := range set.Docs {
		if doc.Root.ProducerInfo != nil || path.Base(doc.Path) == ProducerFile {
			root = doc.Root
		}
	}
	if root == nil {
		return nil, fmt.Errorf("%s: no %s: a producer's folder needs one, whose root names the producer (title), its dispatcher package (x-dispatcher) and the members every event has (x-type-member, x-version-member, x-time-member, x-arrival-member)", name, ProducerFile)
	}
	info := root.ProducerInfo
	p.Title = root.Title
	p.Dispatcher = info["x-dispatcher"]
	p.Members = Members{Type: info["x-type-member"], Version: info["x-version-member"], Time: info["x-time-member"], Arrival: info["x-arrival-member"]}
	for _, need := range []struct{ what, value string }{
		{"title", p.Title}, {"x-dispatcher", p.Dispatcher},
		{"x-type-member", p.Members.Type}, {"x-version-member", p.Members.Version},
		{"x-time-member", p.Members.Time}, {"x-arrival-member", p.Members.Arrival},
	} {
		if need.value == "" {
			return nil, fail(root, "a producer file needs %s", need.what)
		}
	}
	var err error
	if p.Formats, err = formats(set, p.Members.Type); err != nil {
		return nil, err
	}
	p.lowerFormats()
	return p, nil
}
