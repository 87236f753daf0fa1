// Command eventgen generates the Go packages under generated/ from the JSON
// Schemas under schema/. go generate runs it (see doc.go at the module
// root):
//
//	eventgen [-schema DIR] [-out DIR] [-import PATH]
//	eventgen -check [-schema DIR] [-out DIR] [-import PATH]
//	eventgen -samples DIR [-schema DIR]
//	eventgen conformance [-optional] [-markdown FILE] DIR
//
// Loading the schemas checks each against the JSON Schema 2020-12
// metaschema and resolves every $ref. With -check it writes nothing: it
// exits 1 and names the stale files when the Go under -out differs from what
// the schemas produce. With -samples it validates every *.json file of DIR
// with the reference validator (santhosh-tekuri/jsonschema v6, asserting
// format and content) against the schema its version and type members (as
// the producer file names them: event_version and event_type for Pinpoint)
// select, and exits 1 when one is invalid.
//
// eventgen conformance runs the JSON-Schema-Test-Suite tests in DIR (laid out
// like the suite's tests/draft2020-12) through validators it generates from
// them, compiled in a temporary module: it prints a line per file and a last
// line "N passed, M failed", and exits 1 when M > 0. It must run inside the
// pinpoint-events repository, whose runtime the validators use.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pinpoint-events/pinpoint-events/generator"
	"github.com/pinpoint-events/pinpoint-events/generator/conformance"
	"github.com/pinpoint-events/pinpoint-events/generator/refcheck"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
	if len(args) > 0 && args[0] == "conformance" {
		return runConformance(args[1:])
	}
	fs := flag.NewFlagSet("eventgen", flag.ContinueOnError)
	cfg := generator.Config{}
	fs.StringVar(&cfg.SchemaDir, "schema", "schema", "the schema folder: <producer>/<version>/*.json")
	fs.StringVar(&cfg.OutDir, "out", "generated", "the folder that receives the Go packages")
	fs.StringVar(&cfg.ImportPath, "import", "github.com/pinpoint-events/pinpoint-events/generated", "the import path of the -out folder")
	check := fs.Bool("check", false, "write nothing; exit 1 naming the stale files when -out is not what the schemas produce")
	samples := fs.String("samples", "", "validate the events in `DIR`/*.json with the reference validator; write nothing")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: eventgen [-check] [-schema DIR] [-out DIR] [-import PATH]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if *samples != "" {
		return checkSamples(cfg.SchemaDir, *samples)
	}
	files, err := generator.Generate(cfg)
	if err != nil {
		fmt.Fprintln(os.Stderr, "eventgen:", err)
		return 1
	}
	if *check {
		stale, err := generator.Stale(cfg, files)
		if err != nil {
			fmt.Fprintln(os.Stderr, "eventgen:", err)
			return 1
		}
		if len(stale) > 0 {
			fmt.Fprintf(os.Stderr, "eventgen: %d generated files are stale; run go generate ./...\n", len(stale))
			for _, s := range stale {
				fmt.Fprintln(os.Stderr, "  "+cfg.OutDir+"/"+s)
			}
			return 1
		}
		return 0
	}
	if err := generator.Write(cfg, files); err != nil {
		fmt.Fprintln(os.Stderr, "eventgen:", err)
		return 1
	}
	return 0
}

// checkSamples validates sample events with the reference validator.
func checkSamples(schemaDir, dir string) int {
	checker, err := refcheck.New(schemaDir, refcheck.Options{AssertFormat: true, AssertContent: true})
	if err != nil {
		fmt.Fprintln(os.Stderr, "eventgen:", err)
		return 1
	}
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil || len(paths) == 0 {
		fmt.Fprintf(os.Stderr, "eventgen: no *.json samples in %s\n", dir)
		return 1
	}
	exit := 0
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			fmt.Fprintln(os.Stderr, "eventgen:", err)
			return 1
		}
		route, res, err := checker.Check(data)
		switch {
		case err != nil:
			fmt.Printf("%s: error: %v\n", p, err)
			exit = 1
		case route == nil:
			fmt.Printf("%s: no schema covers it (no known version and event type)\n", p)
		case res.Valid:
			fmt.Printf("%s: valid (%s %s)\n", p, route.Version, route.GoType)
		default:
			fmt.Printf("%s: INVALID against %s: %s\n", p, route.SchemaURI, strings.Join(res.Messages, "; "))
			exit = 1
		}
	}
	return exit
}

func runConformance(args []string) int {
	fs := flag.NewFlagSet("eventgen conformance", flag.ContinueOnError)
	optional := fs.Bool("optional", false, "also run the tests of DIR/optional")
	markdown := fs.String("markdown", "", "also write the results as a Markdown table to `FILE`")
	fs.Usage = func() {
		fmt.Fprintln(fs.Output(), "usage: eventgen conformance [-optional] [-markdown FILE] DIR")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fs.Usage()
		return 2
	}
	root, err := moduleRoot()
	if err != nil {
		fmt.Fprintln(os.Stderr, "eventgen:", err)
		return 2
	}
	report, err := conformance.Run(fs.Arg(0), conformance.Options{Optional: *optional, ModuleRoot: root})
	if err != nil {
		fmt.Fprintln(os.Stderr, "eventgen:", err)
		return 2
	}
	fmt.Print(report.Lines())
	if *markdown != "" {
		if err := os.WriteFile(*markdown, []byte(report.Markdown(fs.Arg(0))), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, "eventgen:", err)
			return 2
		}
	}
	if report.Failed > 0 {
		return 1
	}
	return 0
}

// moduleRoot finds the pinpoint-events checkout around the working directory.
func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		data, err := os.ReadFile(filepath.Join(dir, "go.mod"))
		if err == nil && strings.HasPrefix(string(data), "module github.com/pinpoint-events/pinpoint-events\n") {
			return dir, nil
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", fmt.Errorf("not inside the pinpoint-events repository, whose runtime the generated validators need")
		}
		dir = parent
	}
}
