// Command pinpoint-events reads Amazon Pinpoint event streams and archives.
//
// Usage:
//
//	pinpoint-events validate [--json] [--content=false] [--format=false] [-v] [FILE|DIR|-]...
//	pinpoint-events decode [--family F] [--type T] [--version V] [--dead-letter FILE] [FILE|DIR|-]...
//	pinpoint-events stats [--json] [FILE|DIR|-]...
//	pinpoint-events schemas [show [--bundle] TYPE]
//	pinpoint-events help [COMMAND]
//	pinpoint-events --version
//
// Flags follow GNU conventions and may come before or after the arguments;
// -- ends them. Every command exits with 0 when every record read was a
// valid event (or there was nothing to judge), 1 when some record was not,
// and 2 on a usage error or when an input or output failed.
//
// Run pinpoint-events help, or any subcommand with --help, for details.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

// Exit codes shared by every subcommand.
const (
	exitOK      = 0 // every record read was a valid event
	exitInvalid = 1 // some record was invalid, or not an event
	exitUsage   = 2 // bad usage, or an input or output failed
)

// exitStatusHelp is the exit-status paragraph of every reading command's help.
const exitStatusHelp = `Exit status: 0 when every record read is a valid event, 1 when some record
is invalid or not an event, 2 for usage errors and inputs or outputs that
fail (an input with something in it but no record counts as failing).
Records Pinpoint writes that are not events, such as the _test.event_stream
record of a newly set up stream, are skipped: counted, never a failure.`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// command is a subcommand.
type command struct {
	name, summary string
	run           func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

var commands = []command{
	{"validate", "check events against their schemas", runValidate},
	{"decode", "write events as normalized NDJSON; invalid records to a dead-letter file", runDecode},
	{"stats", "count events by version, family, type and status", runStats},
	{"schemas", "list the schemas, or print one", runSchemas},
	{"version", "print the version of this program", runVersion},
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "--help":
		usage(stdout)
		return exitOK
	case "--version":
		return runVersion(args[1:], stdin, stdout, stderr)
	case "help":
		if len(args) == 1 || args[1] == "help" {
			usage(stdout)
			return exitOK
		}
		// help COMMAND is COMMAND --help, whatever follows.
		args = []string{args[1], "--help"}
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(args[1:], stdin, stdout, stderr)
		}
	}
	if len(args[0]) > 1 && args[0][0] == '-' {
		fmt.Fprintf(stderr, "pinpoint-events: unknown flag %s: a command's flags go after the command\n", args[0])
	} else {
		fmt.Fprintf(stderr, "pinpoint-events: unknown command %q\n", args[0])
	}
	fmt.Fprintln(stderr, "Run 'pinpoint-events --help' for usage.")
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "pinpoint-events reads Amazon Pinpoint event streams and archives (NDJSON, concatenated JSON, JSON arrays, gzip).")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: pinpoint-events COMMAND [flags] [FILE|DIR|-]...")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Flags may come before or after the arguments; -- ends them.")
	fmt.Fprintln(w, exitStatusHelp)
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run 'pinpoint-events help COMMAND' (or COMMAND --help) for a command's flags and examples,")
	fmt.Fprintln(w, "'pinpoint-events --version' for the version.")
}

const versionHelp = `Usage: pinpoint-events version
       pinpoint-events --version

Prints the version of this program: the module version it was built as, or
(devel) with the VCS revision when built from a checkout, and the Go version.

Exit status: 0, or 2 for a usage error.

Examples:
  pinpoint-events --version

Flags:
`

func runVersion(args []string, _ io.Reader, stdout, stderr io.Writer) int {
	fs := newFlagSet("version")
	if code, ok := parseFlags(fs, args, versionHelp, stdout, stderr); !ok {
		return code
	}
	if fs.NArg() != 0 {
		return usageError(stderr, "version", "takes no arguments")
	}
	fmt.Fprintln(stdout, versionLine())
	return exitOK
}

// versionLine describes the build: "pinpoint-events v1.2.0 go1.26.8", or
// "pinpoint-events (devel) revision 0123abcd, modified go1.26.8" from a
// checkout. The build information is all that is needed: no version is
// kept by hand, nor set with -ldflags.
func versionLine() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "pinpoint-events (unknown version: built without module support)"
	}
	version := bi.Main.Version
	if version == "" {
		version = "(devel)"
	}
	line := "pinpoint-events " + version
	var revision, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if revision != "" {
		line += " revision " + revision
		if modified == "true" {
			line += ", modified"
		}
	}
	return line + " " + bi.GoVersion
}
