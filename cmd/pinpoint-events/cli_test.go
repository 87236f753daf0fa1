package main

import (
	"debug/buildinfo"
	"encoding/json"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
)

// Flags may follow the arguments, -- ends them, and validate's -v has its
// long name and its old one.
func TestFlagsAfterArguments(t *testing.T) {
	file := filepath.Join(samples, "email_open_3.1.json")
	tests := []struct {
		name       string
		args       []string
		exit       int
		stdoutHas  string
		stderrHas  string
		stdoutNone string
	}{
		{"json after the file", []string{"validate", file, "--json"}, exitOK, `"valid":true`, "", "records:"},
		{"json before the file", []string{"validate", "--json", file}, exitOK, `"valid":true`, "", "records:"},
		{"-v after the file", []string{"validate", file, "-v"}, exitOK, "valid (v3p1.EmailOpenEvent)", "", ""},
		{"--verbose", []string{"validate", "--verbose", file}, exitOK, "valid (v3p1.EmailOpenEvent)", "", ""},
		{"--v, the old name", []string{"validate", "--v", file}, exitOK, "valid (v3p1.EmailOpenEvent)", "", ""},
		{"-- ends the flags", []string{"validate", file, "--", "--json"}, exitUsage, "", "--json", ""},
		{"stats flag after the file", []string{"stats", file, "--json"}, exitOK, `"records": 1`, "", ""},
		{"decode flag after the file", []string{"decode", file, "--type", "_email.open"}, exitOK, `"event_type":"_email.open"`, "1 events written", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runBinary(t, nil, tt.args...)
			if r.exit != tt.exit || !strings.Contains(r.stdout, tt.stdoutHas) || !strings.Contains(r.stderr, tt.stderrHas) ||
				(tt.stdoutNone != "" && strings.Contains(r.stdout, tt.stdoutNone)) {
				t.Errorf("%v: exit %d (want %d)\nstdout:\n%s\nstderr:\n%s", tt.args, r.exit, tt.exit, r.stdout, r.stderr)
			}
		})
	}
}

// --version and version print the version the binary was built as, read
// from its own build information.
func TestVersion(t *testing.T) {
	info, err := buildinfo.ReadFile(binary)
	if err != nil {
		t.Fatal(err)
	}
	want := "pinpoint-events " + info.Main.Version
	for _, s := range info.Settings {
		if s.Key == "vcs.revision" {
			want += " revision " + s.Value
		}
	}
	for _, args := range [][]string{{"--version"}, {"version"}} {
		r := runBinary(t, nil, args...)
		if r.exit != exitOK || !strings.HasPrefix(r.stdout, want) || !strings.HasSuffix(r.stdout, " "+info.GoVersion+"\n") || r.stderr != "" {
			t.Errorf("%v: exit %d, stdout %q (want %q...), stderr %q", args, r.exit, r.stdout, want, r.stderr)
		}
	}
}

// help COMMAND is COMMAND --help; every help names the exit statuses.
func TestHelpCommand(t *testing.T) {
	for _, c := range commands {
		r := runBinary(t, nil, "help", c.name)
		direct := runBinary(t, nil, c.name, "--help")
		short := runBinary(t, nil, c.name, "-h")
		if r.exit != exitOK || r.stderr != "" || r.stdout != direct.stdout || r.stdout != short.stdout || !strings.Contains(r.stdout, "Exit status") {
			t.Errorf("help %s: exit %d, stderr %q, stdout:\n%s\n%s --help:\n%s", c.name, r.exit, r.stderr, r.stdout, c.name, direct.stdout)
		}
	}
	if r := runBinary(t, nil, "help", "help"); r.exit != exitOK || !strings.Contains(r.stdout, "Commands:") {
		t.Errorf("help help: exit %d\n%s", r.exit, r.stdout)
	}
	if r := runBinary(t, nil, "help"); r.exit != exitOK || !strings.Contains(r.stdout, "Commands:") || !strings.Contains(r.stdout, "Exit status") {
		t.Errorf("help: exit %d\n%s", r.exit, r.stdout)
	}
	if r := runBinary(t, nil, "help", "frobnicate"); r.exit != exitUsage || !strings.Contains(r.stderr, `unknown command "frobnicate"`) {
		t.Errorf("help frobnicate: exit %d, stderr %q", r.exit, r.stderr)
	}
}

// A mistake on the command line is one line and a hint on stderr, exit 2,
// not the whole help.
func TestWrongFlag(t *testing.T) {
	tests := []struct {
		args []string
		line string // the first line of stderr
	}{
		{[]string{"validate", "--no-such-flag"}, "pinpoint-events validate: unknown flag: --no-such-flag"},
		{[]string{"decode", "-x"}, "pinpoint-events decode: unknown shorthand flag: 'x' in -x"},
		{[]string{"stats", "file", "--jsn"}, "pinpoint-events stats: unknown flag: --jsn"},
		{[]string{"schemas", "--no-such-flag"}, "pinpoint-events schemas: unknown flag: --no-such-flag"},
		{[]string{"version", "--no-such-flag"}, "pinpoint-events version: unknown flag: --no-such-flag"},
		{[]string{"validate", "--workers", "many"}, `pinpoint-events validate: invalid argument "many" for "--workers" flag: must be an integer`},
		{[]string{"decode", "--dead-letter"}, "pinpoint-events decode: flag needs an argument: --dead-letter"},
		{[]string{"validate", "-json", "f"}, "pinpoint-events validate: unknown shorthand flag: 'j' in -json; use --json: a flag of more than one letter takes two dashes"},
		{[]string{"decode", "-dead-letter=x", "f"}, "pinpoint-events decode: unknown shorthand flag: 'd' in -dead-letter=x; use --dead-letter: a flag of more than one letter takes two dashes"},
	}
	for _, tt := range tests {
		r := runBinary(t, nil, tt.args...)
		command := tt.args[0]
		want := tt.line + "\nRun 'pinpoint-events " + command + " --help' for usage.\n"
		if r.exit != exitUsage || r.stdout != "" || r.stderr != want {
			t.Errorf("%v: exit %d\nstdout:\n%s\nstderr:\n%s\nwant stderr:\n%s", tt.args, r.exit, r.stdout, r.stderr, want)
		}
	}
}

// Every reading command exits 0 when every record is a valid event, 1 when
// some record is invalid or not an event, 2 when an input cannot be read.
func TestExitStatuses(t *testing.T) {
	valid := compact(t, sample(t, "email_open_3.1.json")) + "\n"
	invalid := valid + withoutCampaignID(t) + "\n"
	notAnEvent := valid + "--- rotated ---\n"
	// The record Pinpoint writes when a stream is set up is no event and no
	// failure either.
	streamTest := valid + `{"event_type":"_test.event_stream","event_version":"3.1"}` + "\n"
	for _, command := range []string{"validate", "decode", "stats"} {
		for _, tt := range []struct {
			name  string
			stdin string
			args  []string
			exit  int
		}{
			{"valid", valid, nil, exitOK},
			{"nothing", "", nil, exitOK},
			{"an invalid event", invalid, nil, exitInvalid},
			{"not an event", notAnEvent, nil, exitInvalid},
			{"a stream's test record", streamTest, nil, exitOK},
			{"a missing file", valid, []string{"-", "no/such/file.json"}, exitUsage},
		} {
			args := append([]string{command}, tt.args...)
			r := runBinary(t, []byte(tt.stdin), args...)
			if r.exit != tt.exit {
				t.Errorf("%s, %s: exit %d, want %d\nstderr:\n%s", command, tt.name, r.exit, tt.exit, r.stderr)
			}
			if tt.stdin == streamTest && !strings.Contains(r.stdout+r.stderr, "not events") {
				t.Errorf("%s, %s: the skipped record is not counted:\nstdout:\n%s\nstderr:\n%s", command, tt.name, r.stdout, r.stderr)
			}
		}
	}
}

// Unknown filter values are usage errors that list the known values, taken
// from the generated schemas; every event type validate accepts is a good
// --type, app events' own names included.
func TestDecodeFilters(t *testing.T) {
	var families []string
	for _, v := range anyevent.Versions() {
		for _, s := range anyevent.Schemas(v) {
			families = append(families, s.Family)
		}
	}
	appEvent := strings.Replace(compact(t, sample(t, "../synthetic/app_custom_pageView_3.1.json")), `"event_type":"pageView"`, `"event_type":"my.custom"`, 1)
	if !strings.Contains(appEvent, "my.custom") {
		t.Fatal("the synthetic app event changed: pageView not found")
	}
	input := []byte(compact(t, sample(t, "email_open_3.1.json")) + "\n" + appEvent + "\n" + compact(t, sample(t, "app_session.stop_3.0.json")) + "\n")
	tests := []struct {
		name      string
		args      []string
		exit      int
		written   int
		stderrHas []string
	}{
		{"no filter", nil, exitOK, 3, nil},
		{"family", []string{"--family", "email"}, exitOK, 1, nil},
		{"misspelt family", []string{"--family", "emial"}, exitUsage, 0, append([]string{`unknown family "emial"`}, families...)},
		{"version", []string{"--version", "3.0"}, exitOK, 1, nil},
		{"unknown version", []string{"--version", "3.2"}, exitUsage, 0, append([]string{`unknown event_version "3.2"`}, anyevent.Versions()...)},
		{"family not in the version", []string{"--version", "3.0", "--family", "email"}, exitUsage, 0, []string{`unknown family "email" for --family in event_version 3.0; known: app`}},
		{"type", []string{"--type", "_email.open"}, exitOK, 1, nil},
		{"misspelt type", []string{"--type", "_email.opne"}, exitUsage, 0, []string{`unknown event type "_email.opne"`, "_email.open", "_SMS.SUCCESS"}},
		{"type not in the version", []string{"--version", "3.0", "--type", "_email.open"}, exitUsage, 0, []string{`unknown event type "_email.open" for --type in event_version 3.0`}},
		{"custom app type", []string{"--type", "my.custom"}, exitOK, 1, nil},
		{"reserved-looking type", []string{"--type", "_test.event"}, exitOK, 0, []string{"--type _test.event has no schema of its own"}},
		{"standard type of 3.0 app events", []string{"--type", "_session.stop", "--version", "3.0"}, exitOK, 1, nil},
		{"type and family disagree", []string{"--type", "_email.open", "--family", "sms"}, exitUsage, 0, []string{`event type "_email.open" is of family email, not sms`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := runBinary(t, input, append([]string{"decode"}, tt.args...)...)
			written := strings.Count(r.stdout, "\n")
			ok := r.exit == tt.exit && written == tt.written
			for _, s := range tt.stderrHas {
				ok = ok && strings.Contains(r.stderr, s)
			}
			if tt.exit == exitUsage && strings.Count(r.stderr, "\n") != 2 {
				ok = false
			}
			if !ok {
				t.Errorf("decode %v: exit %d (want %d), %d written (want %d)\nstderr:\n%s", tt.args, r.exit, tt.exit, written, tt.written, r.stderr)
			}
		})
	}
}

// --workers is held to 4 per core, with a note; 0 and less mean every core.
func TestWorkersFlag(t *testing.T) {
	bound := 4 * runtime.GOMAXPROCS(0)
	tests := []struct {
		value string
		want  int
		note  bool
	}{
		{"0", 0, false},
		{"-3", 0, false},
		{"1", 1, false},
		{fmt.Sprint(bound), bound, false},
		{fmt.Sprint(bound + 1), bound, true},
		{"1000000", bound, true},
	}
	for _, tt := range tests {
		fs := newFlagSet("test")
		var ro readOptions
		ro.register(fs)
		var stderr strings.Builder
		if _, ok := parseFlags(fs, []string{"--workers", tt.value}, "", &stderr, &stderr); !ok {
			t.Fatalf("--workers %s: %s", tt.value, stderr.String())
		}
		if got := ro.streamOptions().Workers; got != tt.want || (stderr.Len() > 0) != tt.note {
			t.Errorf("--workers %s: %d workers (want %d), stderr %q", tt.value, got, tt.want, stderr.String())
		}
	}
	file := filepath.Join(samples, "email_open_3.1.json")
	r := runBinary(t, nil, "validate", "--workers", "1000000", file)
	want := fmt.Sprintf("pinpoint-events validate: --workers 1000000 is more than 4 per core (%d cores); using %d\n", runtime.GOMAXPROCS(0), bound)
	if r.exit != exitOK || r.stderr != want {
		t.Errorf("validate --workers 1000000: exit %d, stderr %q, want %q", r.exit, r.stderr, want)
	}
}

// schemas show prints JSON and nothing else on stdout, for every schema,
// asked for by Go type, by qualified Go type and by each event type.
func TestSchemasShowPrintsOnlyJSON(t *testing.T) {
	for _, v := range anyevent.Versions() {
		for _, s := range anyevent.Schemas(v) {
			names := append([]string{s.GoType, goPackage(v) + "." + s.GoType}, s.EventTypes...)
			for _, name := range names {
				for _, bundled := range []bool{false, true} {
					args := []string{"schemas", "show", "--version", v, name}
					if bundled {
						args = append(args, "--bundle")
					}
					out, errOut, exit := runCLI(t, "", args...)
					var doc map[string]any
					// An event schema is an object schema, or a refinement of one
					// (a $ref with properties that narrow it).
					if err := json.Unmarshal([]byte(out), &doc); err != nil || exit != exitOK || (doc["type"] != "object" && doc["$ref"] == nil) {
						t.Errorf("%v: exit %d, %v\nstdout:\n%.300s\nstderr:\n%s", args, exit, err, out, errOut)
					}
					if where := "schema/pinpoint/" + v + "/" + s.File + "#" + s.Pointer; !strings.HasPrefix(errOut, where) {
						t.Errorf("%v: stderr %q does not start with %s", args, errOut, where)
					}
				}
			}
		}
	}
}

// schemas show resolves every event type validate accepts, takes its flags
// anywhere, and fails with 2 for what no schema takes.
func TestSchemasShowResolves(t *testing.T) {
	tests := []struct {
		args   []string
		exit   int
		schema string // the file and pointer stderr names
	}{
		{[]string{"schemas", "show", "--version", "3.0", "_session.stop"}, exitOK, "3.0/app.json#/$defs/AppEvent"},
		{[]string{"schemas", "show", "_session.stop", "--version", "3.0"}, exitOK, "3.0/app.json#/$defs/AppEvent"},
		{[]string{"schemas", "--version", "3.0", "show", "_session.stop"}, exitOK, "3.0/app.json#/$defs/AppEvent"},
		{[]string{"schemas", "show", "_session.stop"}, exitOK, "3.1/app.json#/$defs/AppSessionEvent"},
		{[]string{"schemas", "show", "_test.event"}, exitOK, "3.1/app.json#/$defs/AppEvent"},
		{[]string{"schemas", "show", "pageView"}, exitOK, "3.1/app.json#/$defs/AppEvent"},
		{[]string{"schemas", "show", "v3p0.AppEvent"}, exitOK, "3.0/app.json#/$defs/AppEvent"},
		{[]string{"schemas", "show", "_email.nosuch"}, exitUsage, ""},
		{[]string{"schemas", "show", "--version", "3.0", "AppSessionEvent"}, exitUsage, ""},
		{[]string{"schemas", "show", "--version", "3.0", "v3p1.EmailOpenEvent"}, exitUsage, ""},
		{[]string{"schemas", "show", "AppEvent"}, exitOK, "3.1/app.json#/$defs/AppEvent"},
		{[]string{"schemas", "show", "--version", "3.0", "_email.open"}, exitUsage, ""},
		{[]string{"schemas", "show", "--version", "9.9", "_email.open"}, exitUsage, ""},
		{[]string{"schemas", "show"}, exitUsage, ""},
		{[]string{"schemas", "show", "_email.open", "_email.send"}, exitUsage, ""},
		{[]string{"schemas", "shwo"}, exitUsage, ""},
		{[]string{"schemas", "--bundle"}, exitUsage, ""},
	}
	for _, tt := range tests {
		r := runBinary(t, nil, tt.args...)
		ok := r.exit == tt.exit
		if tt.exit == exitOK {
			ok = ok && json.Valid([]byte(r.stdout)) && strings.Contains(r.stderr, tt.schema)
		} else {
			ok = ok && r.stdout == "" && strings.Contains(r.stderr, "Run 'pinpoint-events schemas --help' for usage.")
		}
		if !ok {
			t.Errorf("%v: exit %d (want %d)\nstdout:\n%.200s\nstderr:\n%s", tt.args, r.exit, tt.exit, r.stdout, r.stderr)
		}
	}
	r := runBinary(t, nil, "schemas", "show", "_email.nosuch")
	for _, want := range []string{`no schema for "_email.nosuch"`, "_email.open", "_session.start"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("schemas show _email.nosuch: stderr lacks %q:\n%s", want, r.stderr)
		}
	}
}

// --layout picks the framing; the defects of an input that are no record
// (an array the input ends inside) are reported, not counted as records.
func TestLayoutFlagAndInputDefects(t *testing.T) {
	event := compact(t, sample(t, "email_open_3.1.json"))
	twoArrays := "[" + event + "," + event + "]\n[" + event + "]\n"
	logThenNDJSON := "[INFO] export started\n" + event + "\n" + event + "\n"
	for _, tt := range []struct {
		name, stdin  string
		args         []string
		exit         int
		summary      string
		stderrHas    string
		stderrHasNot string
	}{
		{"auto reads arrays one after another", twoArrays, nil, exitOK, "3 records: 3 valid, 0 invalid", "", "records"},
		{"auto falls back to lines", logThenNDJSON, nil, exitInvalid, "3 records: 2 valid, 1 invalid", "", ""},
		{"ndjson", event + "\n" + event + "\n", []string{"--layout", "ndjson"}, exitOK, "2 records: 2 valid, 0 invalid", "", ""},
		{"concatenated", event + event, []string{"--layout=concatenated"}, exitOK, "2 records: 2 valid, 0 invalid", "", ""},
		{"array", twoArrays, []string{"--layout", "array"}, exitOK, "3 records: 3 valid, 0 invalid", "", ""},
		{"a truncated array", "[" + event + "," + event + ",\n", nil, exitUsage, "2 records: 2 valid, 0 invalid", "-: byte ", ""},
		{"an unknown layout", event, []string{"--layout", "csv"}, exitUsage, "", `unknown layout "csv" (valid: auto, ndjson, concatenated, array)`, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := runBinary(t, []byte(tt.stdin), append([]string{"validate"}, tt.args...)...)
			if r.exit != tt.exit {
				t.Errorf("exit %d, want %d\nstdout:\n%s\nstderr:\n%s", r.exit, tt.exit, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout, tt.summary) {
				t.Errorf("stdout lacks %q:\n%s", tt.summary, r.stdout)
			}
			if !strings.Contains(r.stderr, tt.stderrHas) {
				t.Errorf("stderr lacks %q:\n%s", tt.stderrHas, r.stderr)
			}
			if tt.stderrHasNot != "" && strings.Contains(r.stderr, tt.stderrHasNot) {
				t.Errorf("stderr has %q:\n%s", tt.stderrHasNot, r.stderr)
			}
		})
	}
}
