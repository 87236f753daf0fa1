package main

import (
	"encoding/json"
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
)

// knownFamilies lists the families of the schemas of versions, sorted.
func knownFamilies(versions []string) []string {
	var families []string
	for _, v := range versions {
		for _, s := range anyevent.Schemas(v) {
			if !slices.Contains(families, s.Family) {
				families = append(families, s.Family)
			}
		}
	}
	slices.Sort(families)
	return families
}

// knownTypes lists the event types the schemas of versions name, sorted;
// the catch-all schemas of app events accept more.
func knownTypes(versions []string) []string {
	var types []string
	for _, v := range versions {
		for _, s := range anyevent.Schemas(v) {
			for _, t := range s.EventTypes {
				if !slices.Contains(types, t) {
					types = append(types, t)
				}
			}
		}
	}
	slices.Sort(types)
	return types
}

// schemaOf returns the schema that an event of version and eventType is
// decoded and validated with, asking the dispatcher itself, so that it is
// the schema validate uses, catch-alls included. ok is false when no schema
// of version takes eventType.
func schemaOf(version, eventType string) (s anyevent.SchemaInfo, ok bool) {
	head, err := json.Marshal(map[string]string{"event_version": version, "event_type": eventType})
	if err != nil {
		return s, false
	}
	ev, _ := anyevent.Decode(head)
	if ev == nil {
		return s, false
	}
	goType := reflect.TypeOf(ev).Elem().Name()
	for _, s := range anyevent.Schemas(version) {
		if s.GoType == goType {
			return s, true
		}
	}
	return s, false
}

// looksMistyped reports whether an event type an app event catch-all took
// is more likely a typo than an event: it starts with _, which Pinpoint
// reserves for its standard events, but no schema of any version names it.
func looksMistyped(eventType string) bool {
	return strings.HasPrefix(eventType, "_") && !slices.Contains(knownTypes(anyevent.Versions()), eventType)
}

// checkFilters checks decode's filters against what the schemas know, so
// that a typo is an error rather than a run that writes nothing. Each value
// is checked against the versions --version leaves (all without it), and a
// family and type given together must agree. note is for stderr: a type
// that looks reserved (it starts with _) but is only taken as a custom app
// event (see looksMistyped).
func checkFilters(family, eventType, version string) (note string, err error) {
	versions := anyevent.Versions()
	if version != "" {
		if !slices.Contains(versions, version) {
			return "", fmt.Errorf("unknown event_version %q for --version; known: %s", version, strings.Join(versions, ", "))
		}
		versions = []string{version}
	}
	if family != "" {
		if known := knownFamilies(versions); !slices.Contains(known, family) {
			return "", fmt.Errorf("unknown family %q for --family%s; known: %s", family, inVersions(version), strings.Join(known, ", "))
		}
	}
	if eventType == "" {
		return "", nil
	}
	var schemas []anyevent.SchemaInfo
	var firstVersion string
	for _, v := range versions {
		if s, ok := schemaOf(v, eventType); ok {
			if schemas == nil {
				firstVersion = v
			}
			schemas = append(schemas, s)
		}
	}
	if len(schemas) == 0 {
		return "", fmt.Errorf("unknown event type %q for --type%s; known: %s, and the names apps give their own events (pinpoint-events schemas lists them)",
			eventType, inVersions(version), strings.Join(knownTypes(versions), ", "))
	}
	if family != "" && !slices.ContainsFunc(schemas, func(s anyevent.SchemaInfo) bool { return s.Family == family }) {
		return "", fmt.Errorf("event type %q is of family %s, not %s: --family %s --type %s would write nothing", eventType, schemas[0].Family, family, family, eventType)
	}
	if looksMistyped(eventType) {
		note = fmt.Sprintf("note: --type %s has no schema of its own: it selects the app events an app named so (%s.%s); pinpoint-events schemas lists the standard types",
			eventType, goPackage(firstVersion), schemas[0].GoType)
	}
	return note, nil
}

func inVersions(version string) string {
	if version == "" {
		return ""
	}
	return " in event_version " + version
}
