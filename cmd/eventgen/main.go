// Command eventgen generates the Go packages under generated/ from the JSON
// Schemas under schema/. go generate runs it (see doc.go at the module
// root):
//
//	eventgen [-schema DIR] [-out DIR] [-import PATH]
//	eventgen -check [-schema DIR] [-out DIR] [-import PATH]
//	eventgen -samples DIR [-schema DIR]
//
// Loading the schemas checks each against the JSON Schema 2020-12
// metaschema and resolves every $ref. With -check it writes nothing: it
// exits 1 and names the stale files when the Go under -out differs from what
// the schemas produce. With -samples it validates every *.json file of DIR
// with the reference validator (santhosh-tekuri/jsonschema v6, asserting
// format and content) against the schema its event_version and event_type
// select, and exits 1 when one is invalid.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/pinpoint-events/pinpoint-events/generator"
	"github.com/pinpoint-events/pinpoint-events/generator/refcheck"
)

func main() {
	os.Exit(run(os.Args[1:]))
}

func run(args []string) int {
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
			fmt.Printf("%s: no schema covers it (not a known event_version and event_type)\n", p)
		case res.Valid:
			fmt.Printf("%s: valid (%s %s)\n", p, route.Version, route.GoType)
		default:
			fmt.Printf("%s: INVALID against %s: %s\n", p, route.SchemaURI, strings.Join(res.Messages, "; "))
			exit = 1
		}
	}
	return exit
}
