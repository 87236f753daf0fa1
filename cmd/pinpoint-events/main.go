// Command pinpoint-events reads Amazon Pinpoint event streams and archives.
//
// Usage:
//
//	pinpoint-events validate [--json] [--content=false] [--format=false] [-v] [FILE|DIR|-]...
//	pinpoint-events decode [--family F] [--type T] [--version V] [--dead-letter FILE] [FILE|DIR|-]...
//	pinpoint-events stats [--json] [FILE|DIR|-]...
//	pinpoint-events schemas [show TYPE]
//
// Run pinpoint-events help, or any subcommand with --help, for details.
package main

import (
	"fmt"
	"io"
	"os"
)

// Exit codes shared by every subcommand.
const (
	exitOK      = 0 // everything read was valid
	exitInvalid = 1 // some record was invalid
	exitUsage   = 2 // bad usage, or a file could not be read
)

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
}

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		if len(args) == 0 {
			return exitUsage
		}
		return exitOK
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(args[1:], stdin, stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "pinpoint-events: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "pinpoint-events reads Amazon Pinpoint event streams and archives (NDJSON, concatenated JSON, JSON arrays, gzip).")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Usage: pinpoint-events COMMAND [flags] [FILE|-]...")
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Commands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-10s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, "Run pinpoint-events COMMAND --help for a command's flags and examples.")
}
