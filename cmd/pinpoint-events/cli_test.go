package main

import (
	"debug/buildinfo"
	"path/filepath"
	"strings"
	"testing"
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
			{"a missing file", valid, []string{"-", "no/such/file.json"}, exitUsage},
		} {
			args := append([]string{command}, tt.args...)
			if r := runBinary(t, []byte(tt.stdin), args...); r.exit != tt.exit {
				t.Errorf("%s, %s: exit %d, want %d\nstderr:\n%s", command, tt.name, r.exit, tt.exit, r.stderr)
			}
		}
	}
}
