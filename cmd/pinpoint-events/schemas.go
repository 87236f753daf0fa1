package main

import (
	"bufio"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/pinpoint-events/pinpoint-events/generated/pinpoint"
	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
	"github.com/pinpoint-events/pinpoint-events/schema"
)

const schemasHelp = `Usage: pinpoint-events schemas [--version V]
       pinpoint-events schemas show [--version V] TYPE

Lists the producers, event_versions, families and event types this program
knows, with the Go type of each; show prints the JSON Schema of an event
type (TYPE is an event type such as _email.open, or a Go type such as
EmailOpenEvent), as it stands in its schema file, and names the files its
$refs lead to.

Exit status: 0, or 2 for usage errors such as an unknown event type or
event_version.

Examples:
  pinpoint-events schemas
  pinpoint-events schemas show _campaign.send
  pinpoint-events schemas show --version 3.0 _session.stop

Flags:
`

const producer = "pinpoint"

func runSchemas(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("schemas")
	version := fs.String("version", "", "the event_version (default: every version for the list, the newest that has the type for show)")
	if code, ok := parseFlags(fs, args, schemasHelp, stdout, stderr); !ok {
		return code
	}
	versions := pinpoint.Versions()
	if *version != "" {
		if pinpoint.Schemas(*version) == nil {
			return usageError(stderr, "schemas", "unknown event_version %q for --version; known: %s", *version, strings.Join(versions, ", "))
		}
		versions = []string{*version}
	}
	args = fs.Args()
	show := len(args) > 0 && args[0] == "show"
	if !show {
		if len(args) != 0 {
			return usageError(stderr, "schemas", "unknown subcommand %q; the one there is: show TYPE", args[0])
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
	return showSchema(stdout, stderr, versions, args[1])
}

// goPackage is the name of a version's Go package: v3p1 for 3.1.
func goPackage(version string) string {
	return "v" + strings.Replace(version, ".", "p", 1)
}

func listSchemas(w io.Writer, versions []string) {
	fmt.Fprintf(w, "%-9s %-8s %-9s %-32s %s\n", "PRODUCER", "VERSION", "FAMILY", "GO TYPE", "EVENT TYPES")
	for i := len(versions) - 1; i >= 0; i-- {
		v := versions[i]
		for _, s := range pinpoint.Schemas(v) {
			types := strings.Join(s.EventTypes, ", ")
			if s.EventTypes == nil {
				types = "(any other event type)"
			}
			fmt.Fprintf(w, "%-9s %-8s %-9s %-32s %s\n", producer, v, s.Family, goPackage(v)+"."+s.GoType, types)
		}
	}
}

// showSchema prints the schema of an event type: from the newest version
// that has it, unless versions holds one.
func showSchema(w, stderr io.Writer, versions []string, name string) int {
	for i := len(versions) - 1; i >= 0; i-- {
		v := versions[i]
		var catchall *pinpoint.SchemaInfo
		for _, s := range pinpoint.Schemas(v) {
			if s.GoType == name || contains(s.EventTypes, name) {
				return printSchema(w, stderr, v, s)
			}
			if s.EventTypes == nil {
				s := s
				catchall = &s
			}
		}
		if catchall != nil && !strings.HasPrefix(name, "_") && !strings.HasSuffix(name, "Event") {
			return printSchema(w, stderr, v, *catchall)
		}
	}
	return usageError(stderr, "schemas", "no schema for %q in event_version %s (pinpoint-events schemas lists them)", name, strings.Join(versions, ", "))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func printSchema(w, stderr io.Writer, version string, s pinpoint.SchemaInfo) int {
	file := producer + "/" + version + "/" + s.File
	data, err := schema.FS.ReadFile(file)
	if err != nil {
		fmt.Fprintf(stderr, "pinpoint-events: %v\n", err)
		return exitUsage
	}
	raw, err := rawAt(data, s.Pointer)
	if err != nil {
		fmt.Fprintf(stderr, "pinpoint-events: %s#%s: %v\n", file, s.Pointer, err)
		return exitUsage
	}
	fmt.Fprintf(w, "// schema/%s#%s (event_version %s, family %s, Go type %s.%s)\n", file, s.Pointer, version, s.Family, goPackage(version), s.GoType)
	if refs := refFiles(raw); len(refs) > 0 {
		fmt.Fprintf(w, "// $refs lead into %s, in schema/%s/%s/\n", strings.Join(refs, ", "), producer, version)
	}
	fmt.Fprintf(w, "%s\n", dedent(raw))
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

// refFiles lists the other files a schema's $refs name.
func refFiles(raw []byte) []string {
	set := map[string]bool{}
	for _, part := range strings.Split(string(raw), `"$ref": "`)[1:] {
		target, _, _ := strings.Cut(part, `"`)
		if file, _, _ := strings.Cut(target, "#"); file != "" {
			set[file] = true
		}
	}
	var out []string
	for f := range set {
		out = append(out, f)
	}
	sort.Strings(out)
	return out
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
