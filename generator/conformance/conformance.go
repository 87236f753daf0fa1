// Package conformance holds the generator to the JSON-Schema-Test-Suite: it
// generates a validator for the schema of every test group of a directory
// laid out like the suite's tests/draft2020-12, compiles them all at once,
// runs every test instance through them, and compares the verdicts with the
// suite's.
//
// A group whose schema uses a keyword the generator does not support (by
// design: unevaluatedProperties, $dynamicRef, ...) or a $ref to a schema
// outside the group (the suite's remotes) is skipped, with the reason.
package conformance

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/pinpoint-events/pinpoint-events/generator/emit"
	"github.com/pinpoint-events/pinpoint-events/generator/load"
	"github.com/pinpoint-events/pinpoint-events/generator/model"
)

// Options choose what to run.
type Options struct {
	// Optional adds the files of the optional/ subdirectory.
	Optional bool
	// ModuleRoot is the root of the pinpoint-events module, whose runtime
	// the generated validators import.
	ModuleRoot string
}

// File is the result of one test file.
type File struct {
	Name                    string // relative to the directory, e.g. ref.json
	Passed, Failed, Skipped int
	// Skips lists why groups were skipped: reason -> number of groups.
	Skips map[string]int
	// Failures describe each failed test.
	Failures []string
}

// Report is the result of a run.
type Report struct {
	Files          []*File
	Passed, Failed int
	Skipped        int // tests in skipped groups
}

type group struct {
	Description string          `json:"description"`
	Schema      json.RawMessage `json:"schema"`
	Tests       []struct {
		Description string          `json:"description"`
		Data        json.RawMessage `json:"data"`
		Valid       bool            `json:"valid"`
	} `json:"tests"`
}

// instance is one test, as handed to the compiled runner.
type instance struct {
	file      *File
	ID        string          `json:"id"`
	Validator string          `json:"validator"`
	Data      json.RawMessage `json:"data"`
}

// Run runs the suite in dir.
func Run(dir string, opts Options) (*Report, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	if opts.Optional {
		more, err := filepath.Glob(filepath.Join(dir, "optional", "*.json"))
		if err != nil {
			return nil, err
		}
		paths = append(paths, more...)
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no test files (*.json)", dir)
	}
	sort.Strings(paths)
	report := &Report{}
	var roots []model.NamedSchema
	var instances []instance
	expect := map[string]bool{}
	describe := map[string]string{}
	for fi, p := range paths {
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		f := &File{Name: rel, Skips: map[string]int{}}
		report.Files = append(report.Files, f)
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		var groups []group
		if err := json.Unmarshal(data, &groups); err != nil {
			return nil, fmt.Errorf("%s: %w", rel, err)
		}
		for gi, g := range groups {
			name := fmt.Sprintf("f%dg%d", fi, gi)
			schema, err := loadGroup(rel, fi, gi, g.Schema)
			var crash *crashError
			if errors.As(err, &crash) {
				f.Failed += len(g.Tests)
				f.Failures = append(f.Failures, fmt.Sprintf("%s: %s: %v", rel, g.Description, err))
				continue
			}
			if err != nil {
				f.Skipped += len(g.Tests)
				f.Skips[skipReason(err)]++
				continue
			}
			root := model.NamedSchema{Name: name, Schema: schema}
			if err := tryEmit(root); err != nil {
				f.Failed += len(g.Tests)
				f.Failures = append(f.Failures, fmt.Sprintf("%s: %s: %v", rel, g.Description, err))
				continue
			}
			roots = append(roots, root)
			for ti, tc := range g.Tests {
				id := fmt.Sprintf("%s/%d/%d", rel, gi, ti)
				instances = append(instances, instance{file: f, ID: id, Validator: name, Data: tc.Data})
				expect[id] = tc.Valid
				describe[id] = fmt.Sprintf("%s: %s / %s: want valid=%v", rel, g.Description, tc.Description, tc.Valid)
			}
		}
	}
	verdicts, err := runCompiled(opts.ModuleRoot, roots, instances)
	if err != nil {
		return nil, err
	}
	for _, in := range instances {
		f := in.file
		got, ok := verdicts[in.ID]
		if !ok || got != expect[in.ID] {
			f.Failed++
			f.Failures = append(f.Failures, describe[in.ID]+", got "+verdictText(got, ok))
			continue
		}
		f.Passed++
	}
	for _, f := range report.Files {
		report.Passed += f.Passed
		report.Failed += f.Failed
		report.Skipped += f.Skipped
	}
	return report, nil
}

func verdictText(valid, ok bool) string {
	if !ok {
		return "no verdict"
	}
	return fmt.Sprintf("valid=%v", valid)
}

// crashError is a bug of the generator met on a group's schema: the group
// fails, it is not skipped.
type crashError struct{ msg string }

func (e *crashError) Error() string { return e.msg }

// tryEmit prints a group's validator alone, so that a generator bug on one
// schema fails that group instead of the whole run.
func tryEmit(root model.NamedSchema) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = &crashError{fmt.Sprintf("the generator panicked: %v", r)}
		}
	}()
	checks, roots := model.LowerRoots([]model.NamedSchema{root})
	_, err = emit.Validators("example.com/check", "check", checks, roots)
	return err
}

// loadGroup loads the schema of one group, as its own document.
func loadGroup(file string, fi, gi int, schema json.RawMessage) (s *load.Schema, err error) {
	defer func() {
		if r := recover(); r != nil {
			s, err = nil, &crashError{fmt.Sprintf("the schema loader panicked: %v", r)}
		}
	}()
	base := strings.TrimSuffix(filepath.Base(file), ".json")
	set, err := load.Load([]load.File{{
		Path:    fmt.Sprintf("%s-%d.json", base, gi),
		Data:    schema,
		BaseURI: fmt.Sprintf("https://conformance.invalid/%d/%d/schema.json", fi, gi),
	}})
	if err != nil {
		return nil, err
	}
	return set.Docs[0].Root, nil
}

var (
	unsupportedKeyword = regexp.MustCompile(`unsupported keyword "([^"]+)"`)
	unsupportedSchema  = regexp.MustCompile(`unsupported \$schema`)
)

// skipReason says in a few words why a group's schema was not generated.
func skipReason(err error) string {
	msg := err.Error()
	switch {
	case unsupportedKeyword.MatchString(msg):
		return "keyword " + unsupportedKeyword.FindStringSubmatch(msg)[1]
	case unsupportedSchema.MatchString(msg):
		return "another draft's $schema"
	case strings.Contains(msg, "remote references are not fetched"), strings.Contains(msg, "among the loaded files"):
		return "remote $ref"
	case strings.Contains(msg, "plain-name fragments need $anchor"):
		return "$anchor reference"
	case strings.Contains(msg, "is not valid regex"):
		return "a pattern Go's RE2 does not accept"
	}
	return "schema: " + firstLine(msg)
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// runCompiled writes the validators and a main program into a temporary
// module, runs it on the instances, and returns its verdicts by instance ID.
func runCompiled(moduleRoot string, schemas []model.NamedSchema, instances []instance) (map[string]bool, error) {
	tmp, err := os.MkdirTemp("", "eventgen-conformance-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	// The module path sits under pinpoint-events' own, so that Go's internal
	// rule lets it import the runtime; a replace points at the checkout.
	const modPath = "github.com/pinpoint-events/pinpoint-events/conformancerun"
	checks, roots := model.LowerRoots(schemas)
	files, err := emit.Validators(modPath+"/validators", "validators", checks, roots)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(tmp, "validators"), 0o755); err != nil {
		return nil, err
	}
	for _, f := range files {
		if err := os.WriteFile(filepath.Join(tmp, "validators", f.Name), f.Data, 0o644); err != nil {
			return nil, err
		}
	}
	goMod := fmt.Sprintf("module %s\n\ngo 1.26\n\nrequire github.com/pinpoint-events/pinpoint-events v0.0.0\n\nreplace github.com/pinpoint-events/pinpoint-events => %s\n", modPath, moduleRoot)
	sum, err := os.ReadFile(filepath.Join(moduleRoot, "go.sum"))
	if err != nil {
		return nil, err
	}
	in, err := json.Marshal(instances)
	if err != nil {
		return nil, err
	}
	for name, data := range map[string][]byte{"go.mod": []byte(goMod), "go.sum": sum, "main.go": []byte(mainProgram), "instances.json": in} {
		if err := os.WriteFile(filepath.Join(tmp, name), data, 0o644); err != nil {
			return nil, err
		}
	}
	cmd := exec.Command("go", "run", ".", "instances.json")
	cmd.Dir = tmp
	cmd.Env = append(os.Environ(), "GOFLAGS=-mod=mod")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("compiling and running the generated validators: %v\n%s", err, stderr.String())
	}
	verdicts := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		id, verdict, ok := strings.Cut(line, "\t")
		if !ok {
			return nil, errors.New("unexpected runner output: " + line)
		}
		verdicts[id] = verdict == "valid"
	}
	return verdicts, nil
}

const mainProgram = `// Command conformancerun applies generated validators to test instances.
package main

import (
	"encoding/json"
	"fmt"
	"os"

	"github.com/pinpoint-events/pinpoint-events/conformancerun/validators"
	"github.com/pinpoint-events/pinpoint-events/internal/jsonvalue"
	"github.com/pinpoint-events/pinpoint-events/internal/validation"
)

func main() {
	data, err := os.ReadFile(os.Args[1])
	if err != nil {
		panic(err)
	}
	var instances []struct {
		ID, Validator string
		Data          json.RawMessage
	}
	if err := json.Unmarshal(data, &instances); err != nil {
		panic(err)
	}
	for _, in := range instances {
		v, err := jsonvalue.ParseLazy(in.Data) // as the generated validators get their values
		if err != nil {
			fmt.Printf("%s\tunparsable\n", in.ID)
			continue
		}
		var c validation.Collector
		if check := validators.Validators[in.Validator]; check != nil {
			check(&v, &c)
		}
		verdict := "valid"
		if c.Len() > 0 {
			verdict = "invalid"
		}
		fmt.Printf("%s\t%s\n", in.ID, verdict)
	}
}
`

// Markdown renders the report as the table committed in docs/conformance.md.
func (r *Report) Markdown(source string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "# JSON-Schema-Test-Suite conformance\n\nThe generated validators on %s, as `eventgen conformance` runs them (`make conformance`).\nA skipped group uses a keyword outside the generator's scope, or a `$ref` to the suite's remote schemas.\n\n", source)
	b.WriteString("| file | passed | failed | skipped | why skipped |\n|---|---:|---:|---:|---|\n")
	for _, f := range r.Files {
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %s |\n", f.Name, f.Passed, f.Failed, f.Skipped, f.skipText())
	}
	fmt.Fprintf(&b, "\n**%d passed, %d failed** (%d tests in skipped groups).\n", r.Passed, r.Failed, r.Skipped)
	if r.Failed > 0 {
		b.WriteString("\n## Failures\n\n")
		for _, f := range r.Files {
			for _, fail := range f.Failures {
				fmt.Fprintf(&b, "- %s\n", fail)
			}
		}
		if strings.Contains(b.String(), "ecmascript-regex.json") {
			b.WriteString("\nThe ecmascript-regex failures are where Go's RE2 differs from ECMA-262: `\\s` and `\\S` are ASCII-only in RE2, and `\\cX` control escapes do not parse. santhosh-tekuri/jsonschema uses Go's regexp package too and gives the same verdicts.\n")
		}
	}
	return b.String()
}

func (f *File) skipText() string {
	var reasons []string
	for reason, n := range f.Skips {
		reasons = append(reasons, fmt.Sprintf("%s (%d)", reason, n))
	}
	sort.Strings(reasons)
	return strings.Join(reasons, ", ")
}

// Lines renders the report as the runner prints it: a line per file, then
// the totals.
func (r *Report) Lines() string {
	var b strings.Builder
	for _, f := range r.Files {
		status := "passed"
		if f.Failed > 0 {
			status = "FAILED"
		}
		fmt.Fprintf(&b, "%-40s %s: %d passed, %d failed, %d skipped", f.Name, status, f.Passed, f.Failed, f.Skipped)
		if len(f.Skips) > 0 {
			fmt.Fprintf(&b, " (%s)", f.skipText())
		}
		b.WriteByte('\n')
		for _, fail := range f.Failures {
			fmt.Fprintf(&b, "    %s\n", fail)
		}
	}
	fmt.Fprintf(&b, "%d passed, %d failed\n", r.Passed, r.Failed)
	return b.String()
}
