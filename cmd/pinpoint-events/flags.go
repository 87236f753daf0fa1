package main

import (
	"errors"
	"fmt"
	"io"
	"runtime"
	"strconv"
	"strings"

	"github.com/pinpoint-events/pinpoint-events/stream"

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
		if hint := twoDashesHint(fs, args); hint != "" {
			return usageError(stderr, fs.Name(), "%v; %s", err, hint), false
		}
		return usageError(stderr, fs.Name(), "%v", err), false
	}
	fs.VisitAll(func(f *flag.Flag) {
		if n, ok := f.Value.(noter); ok && n.note() != "" {
			fmt.Fprintf(stderr, "pinpoint-events %s: %s\n", fs.Name(), n.note())
		}
	})
	return 0, true
}

// twoDashesHint explains the error of a long flag written with one dash, as
// the standard flag package (which this command used before) accepted:
// pflag reads -json as the shorthands -j -s -o -n.
func twoDashesHint(fs *flag.FlagSet, args []string) string {
	for _, arg := range args {
		if arg == "--" {
			break
		}
		if len(arg) > 2 && arg[0] == '-' && arg[1] != '-' {
			name, _, _ := strings.Cut(arg[1:], "=")
			if len(name) > 1 && fs.Lookup(name) != nil {
				return fmt.Sprintf("use --%s: a flag of more than one letter takes two dashes", name)
			}
		}
	}
	return ""
}

// usageError reports a mistake on the command line of a command and returns
// the exit status for it.
func usageError(stderr io.Writer, command, format string, args ...any) int {
	fmt.Fprintf(stderr, "pinpoint-events %s: %s\n", command, fmt.Sprintf(format, args...))
	fmt.Fprintf(stderr, "Run 'pinpoint-events %s --help' for usage.\n", command)
	return exitUsage
}

// noter is a flag value with something to tell the user about the value it
// was given, such as a bound it was held to.
type noter interface{ note() string }

// maxWorkers bounds --workers: decoding is CPU-bound, so goroutines beyond a
// few per core (GOMAXPROCS, which follows a container's CPU limit) only add
// memory (each holds records in flight) and scheduling, and a mistyped
// --workers 100000 would start that many.
func maxWorkers() int { return 4 * runtime.GOMAXPROCS(0) }

// workersFlag is --workers: 0 or less stands for the default (every core),
// more than maxWorkers is held to maxWorkers with a note on stderr rather
// than an error, so that a script written on a big machine still runs on a
// small one.
type workersFlag struct {
	n         *int
	requested int // the value given, when it was held to the bound
}

func (w *workersFlag) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil {
		return errors.New("must be an integer")
	}
	w.requested = 0
	switch {
	case n <= 0:
		n = 0
	case n > maxWorkers():
		w.requested, n = n, maxWorkers()
	}
	*w.n = n
	return nil
}

func (w *workersFlag) String() string { return strconv.Itoa(*w.n) }
func (w *workersFlag) Type() string   { return "int" }

func (w *workersFlag) note() string {
	if w.requested == 0 {
		return ""
	}
	return fmt.Sprintf("--workers %d is more than 4 per core (%d cores); using %d", w.requested, runtime.GOMAXPROCS(0), maxWorkers())
}

// layoutFlag is --layout: one of stream.FormatNames.
type layoutFlag struct{ f *stream.Format }

func (l layoutFlag) Set(s string) error {
	f, err := stream.ParseFormat(s)
	if err != nil {
		return err
	}
	*l.f = f
	return nil
}

func (l layoutFlag) String() string { return l.f.String() }
func (l layoutFlag) Type() string   { return "layout" }
