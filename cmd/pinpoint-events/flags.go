package main

import (
	"errors"
	"fmt"
	"io"

	flag "github.com/spf13/pflag"
)

// newFlagSet returns the flag set of a subcommand. Flags follow GNU
// conventions (pflag): --name, --name=value, one-letter shorthands after a
// single dash, flags anywhere among the arguments, and -- ending them.
func newFlagSet(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SortFlags = false // the help lists flags in the order they are defined: most used first
	// pflag would print the usage itself before returning an error or
	// ErrHelp; parseFlags prints help and errors where each belongs.
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	return fs
}

// parseFlags parses a command's flags: --help or -h prints help on stdout; a
// mistake prints one line and a hint on stderr, not the whole help, which
// would push the error out of sight. ok is false when the command must stop,
// with code.
func parseFlags(fs *flag.FlagSet, args []string, help string, stdout, stderr io.Writer) (code int, ok bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, help)
			fmt.Fprint(stdout, fs.FlagUsages())
			return exitOK, false
		}
		return usageError(stderr, fs.Name(), "%v", err), false
	}
	return 0, true
}

// usageError reports a mistake on the command line of a command and returns
// the exit status for it.
func usageError(stderr io.Writer, command, format string, args ...any) int {
	fmt.Fprintf(stderr, "pinpoint-events %s: %s\n", command, fmt.Sprintf(format, args...))
	fmt.Fprintf(stderr, "Run 'pinpoint-events %s --help' for usage.\n", command)
	return exitUsage
}
