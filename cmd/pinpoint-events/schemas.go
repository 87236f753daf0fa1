package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"strings"

	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
	"github.com/pinpoint-events/pinpoint-events/schema"
)

const schemasHelp = `Usage: pinpoint-events schemas [--version V]
       pinpoint-events schemas show [--version V] [--bundle] TYPE

Lists the producers, event_versions, families and event types this program
knows, with the Go type of each.

show prints the JSON Schema of an event type, and nothing else, on standard
output (its file and pointer go to stderr). TYPE is an event type such as
_email.open, or a Go type such as EmailOpenEvent or v3p1.EmailOpenEvent; any
event type validate accepts resolves, so a type an app chose (pageView,
_test.event) shows the schema of app events. Without --bundle the schema is
printed as it stands in its file, and its $refs are relative to that file;
with --bundle it is one self-contained draft 2020-12 schema, every schema it
refers to copied into its $defs and every $ref pointing there, for tools
that are given one schema.

Exit status: 0, or 2 for usage errors such as an unknown event type or
event_version.

Examples:
  pinpoint-events schemas
  pinpoint-events schemas show _campaign.send | jq .properties
  pinpoint-events schemas show --version 3.0 _session.stop
  pinpoint-events schemas show --bundle _email.open > email-open.schema.json

Flags:
`

const producer = "pinpoint"

func runSchemas(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("schemas")
	version := fs.String("version", "", "the event_version (default: every version for the list, the newest that has the type for show)")
	bundled := fs.Bool("bundle", false, "show: print one self-contained schema, its $refs resolved into $defs")
	if code, ok := parseFlags(fs, args, schemasHelp, stdout, stderr); !ok {
		return code
	}
	versions := anyevent.Versions()
	if *version != "" {
		if anyevent.Schemas(*version) == nil {
			return usageError(stderr, "schemas", "unknown event_version %q for --version; known: %s", *version, strings.Join(versions, ", "))
		}
		versions = []string{*version}
	}
	args = fs.Args()
	show := len(args) > 0 && args[0] == "show"
	if !show {
		switch {
		case len(args) != 0:
			return usageError(stderr, "schemas", "unknown subcommand %q; the one there is: show TYPE", args[0])
		case *bundled:
			return usageError(stderr, "schemas", "--bundle goes with show TYPE")
		}
		out := bufio.NewWriter(stdout)
		listSchemas(out, versions)
		if err := out.Flush(); err != nil {
			fmt.Fprintf(stderr, "pinpoint-events schemas: writing the list: %v\n", err)
			return exitUsage
		}
		return exitOK
	}
	if len(args) != 2 {
		return usageError(stderr, "schemas", "show takes one event type, got %d arguments", len(args)-1)
	}
	return showSchema(stdout, stderr, versions, args[1], *bundled)
}

// goPackage is the name of a version's Go package: v3p1 for 3.1.
func goPackage(version string) string {
	return "v" + strings.Replace(version, ".", "p", 1)
}

func listSchemas(w io.Writer, versions []string) {
	fmt.Fprintf(w, "%-9s %-8s %-9s %-32s %s\n", "PRODUCER", "VERSION", "FAMILY", "GO TYPE", "EVENT TYPES")
	for i := len(versions) - 1; i >= 0; i-- {
		v := versions[i]
		for _, s := range anyevent.Schemas(v) {
			types := strings.Join(s.EventTypes, ", ")
			if s.EventTypes == nil {
				types = "(any other event type)"
			}
			fmt.Fprintf(w, "%-9s %-8s %-9s %-32s %s\n", producer, v, s.Family, goPackage(v)+"."+s.GoType, types)
		}
	}
}

// showSchema prints the schema of an event type or Go type: from the newest
// of versions that has it. A name that is a Go type of any version is only
// taken as a Go type, not as the name of an app's own event.
func showSchema(stdout, stderr io.Writer, versions []string, name string, bundled bool) int {
	if v, goType, ok := goTypeName(name); ok {
		for i := len(versions) - 1; i >= 0; i-- {
			for _, s := range anyevent.Schemas(versions[i]) {
				if s.GoType == goType && (v == "" || v == versions[i]) {
					return printSchema(stdout, stderr, versions[i], s, bundled)
				}
			}
		}
		return usageError(stderr, "schemas", "Go type %s is not in event_version %s (pinpoint-events schemas lists the Go types)", name, strings.Join(versions, ", "))
	}
	for i := len(versions) - 1; i >= 0; i-- {
		v := versions[i]
		if s, ok := schemaOf(v, name); ok {
			if looksMistyped(name) {
				fmt.Fprintf(stderr, "pinpoint-events schemas: note: %s has no schema of its own: an event so named is an app event (%s.%s)\n", name, goPackage(v), s.GoType)
			}
			return printSchema(stdout, stderr, v, s, bundled)
		}
	}
	return usageError(stderr, "schemas", "no schema for %q in event_version %s: it is neither a Go type nor an event type validate accepts; known event types: %s, and the names apps give their own events (pinpoint-events schemas lists the Go types)",
		name, strings.Join(versions, ", "), strings.Join(knownTypes(versions), ", "))
}

// goTypeName reports whether name is a Go type of some version, bare
// (EmailOpenEvent) or qualified as the list prints it (v3p1.EmailOpenEvent,
// which also names its version).
func goTypeName(name string) (version, goType string, ok bool) {
	for _, v := range anyevent.Versions() {
		for _, s := range anyevent.Schemas(v) {
			switch name {
			case s.GoType:
				return "", s.GoType, true
			case goPackage(v) + "." + s.GoType:
				return v, s.GoType, true
			}
		}
	}
	return "", "", false
}

// printSchema prints the schema s of version: only JSON on stdout, so that
// it can be piped into jq or saved as a schema file; where it comes from on
// stderr.
func printSchema(stdout, stderr io.Writer, version string, s anyevent.SchemaInfo, bundled bool) int {
	file := producer + "/" + version + "/" + s.File
	where := fmt.Sprintf("schema/%s#%s (event_version %s, family %s, Go type %s.%s)", file, s.Pointer, version, s.Family, goPackage(version), s.GoType)
	var text []byte
	if bundled {
		b, err := bundle(schema.FS, producer+"/"+version, s.File, s.Pointer)
		if err != nil {
			fmt.Fprintf(stderr, "pinpoint-events schemas: bundling %s: %v\n", where, err)
			return exitUsage
		}
		text = b
	} else {
		data, err := schema.FS.ReadFile(file)
		if err != nil {
			fmt.Fprintf(stderr, "pinpoint-events schemas: %v\n", err)
			return exitUsage
		}
		raw, err := rawAt(data, s.Pointer)
		if err != nil {
			fmt.Fprintf(stderr, "pinpoint-events schemas: %s#%s: %v\n", file, s.Pointer, err)
			return exitUsage
		}
		text = []byte(dedent(raw))
		if bytes.Contains(raw, []byte(`"$ref"`)) {
			where += "; its $refs are relative to that file (--bundle resolves them)"
		}
	}
	fmt.Fprintln(stderr, where)
	if _, err := fmt.Fprintf(stdout, "%s\n", text); err != nil {
		fmt.Fprintf(stderr, "pinpoint-events schemas: writing the schema: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// rawAt returns the bytes of the value at a JSON pointer of data, as they
// stand in the file (member order and layout kept).
func rawAt(data []byte, pointer string) ([]byte, error) {
	d := jsonwire.NewDecoder(data)
	for _, tok := range strings.Split(strings.TrimPrefix(pointer, "/"), "/") {
		if tok == "" {
			continue
		}
		tok = strings.NewReplacer("~1", "/", "~0", "~").Replace(tok)
		if err := d.BeginObject(); err != nil {
			return nil, err
		}
		for {
			name, more, err := d.NextMember()
			if err != nil {
				return nil, err
			}
			if !more {
				return nil, fmt.Errorf("no member %q", tok)
			}
			if string(name) == tok {
				break
			}
			if err := d.Skip(); err != nil {
				return nil, err
			}
		}
	}
	d.Peek()
	return d.Raw()
}

// dedent removes the indentation a nested value has in its file.
func dedent(raw []byte) string {
	lines := strings.Split(string(raw), "\n")
	if len(lines) < 2 {
		return string(raw)
	}
	last := lines[len(lines)-1]
	indent := len(last) - len(strings.TrimLeft(last, " \t"))
	for i := 1; i < len(lines); i++ {
		if len(lines[i]) >= indent && strings.TrimSpace(lines[i][:indent]) == "" {
			lines[i] = lines[i][indent:]
		}
	}
	return strings.Join(lines, "\n")
}
