package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// runBinaryWithStdout runs the command with its standard output going to
// the file at stdoutPath (/dev/full, to see what a full disk does), and
// returns its standard error and exit status.
func runBinaryWithStdout(t *testing.T, stdoutPath string, args ...string) (stderr string, exit int) {
	t.Helper()
	out, err := os.OpenFile(stdoutPath, os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	cmd := exec.Command(binary, args...)
	var errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = out, &errOut
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatal(err)
		}
	}
	return errOut.String(), cmd.ProcessState.ExitCode()
}

// A write that fails (a full disk: /dev/full) is reported with what was
// being written, the exit status is 2, and the summaries count only what
// was written.
func TestWriteErrorsEndToEnd(t *testing.T) {
	if _, err := os.Stat("/dev/full"); err != nil {
		t.Skip("no /dev/full to stand for a full disk")
	}
	dir := t.TempDir()
	d := makeDamaged(t, 300)
	input := writeFile(t, dir, "events.ndjson", d.ndjson)
	tests := []struct {
		name       string
		args       []string
		stdoutFull bool     // stdout is /dev/full
		message    string   // on stderr
		summary    []string // on stderr too, when the command writes one there
	}{
		{name: "decode to stdout", args: []string{"decode", input}, stdoutFull: true,
			message: "pinpoint-events: writing standard output: no space left on device", summary: []string{"0 events written"}},
		{name: "validate", args: []string{"validate", input}, stdoutFull: true,
			message: "pinpoint-events: writing standard output: no space left on device"},
		{name: "validate --json", args: []string{"validate", "--json", input}, stdoutFull: true,
			message: "pinpoint-events: writing standard output: no space left on device"},
		{name: "stats", args: []string{"stats", input}, stdoutFull: true,
			message: "pinpoint-events: writing standard output: no space left on device"},
		{name: "stats --json", args: []string{"stats", "--json", input}, stdoutFull: true,
			message: "pinpoint-events: writing standard output: no space left on device"},
		{name: "decode --dead-letter", args: []string{"decode", "--dead-letter", "/dev/full", input},
			message: "pinpoint-events: writing /dev/full: no space left on device", summary: []string{"not valid events (0 of them in /dev/full)"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr string
			var exit int
			stdoutLines := -1
			if tt.stdoutFull {
				stderr, exit = runBinaryWithStdout(t, "/dev/full", tt.args...)
			} else {
				r := runBinary(t, nil, tt.args...)
				stderr, exit = r.stderr, r.exit
				stdoutLines = strings.Count(r.stdout, "\n")
			}
			if exit != exitUsage || !strings.Contains(stderr, tt.message+"\n") {
				t.Errorf("exit %d, want 2 and %q on stderr; stderr:\n%s", exit, tt.message, stderr)
			}
			for _, s := range tt.summary {
				if !strings.Contains(stderr, s) {
					t.Errorf("stderr does not say %q:\n%s", s, stderr)
				}
			}
			if stdoutLines >= 0 && !strings.Contains(stderr, count(int64(stdoutLines))+" events written") {
				t.Errorf("%d events on stdout, the summary says otherwise:\n%s", stdoutLines, stderr)
			}
		})
	}
}

// A path that cannot be read is reported with the reason, the other inputs
// are read and summarized, and the exit status is 2.
func TestUnreadableInputsAreReportedAndTheRestRead(t *testing.T) {
	good := compact(t, sample(t, "email_open_3.1.json")) + "\n"
	tests := []struct {
		name   string
		asRoot bool // whether the case can be made as root without switching to nobody
		setup  func(t *testing.T, dir string) (bad string)
		reason string
	}{
		{name: "missing path", asRoot: true, reason: "no such file or directory",
			setup: func(t *testing.T, dir string) string { return filepath.Join(dir, "missing.ndjson") }},
		{name: "unreadable file", reason: "permission denied",
			setup: func(t *testing.T, dir string) string {
				p := writeFile(t, dir, "locked.ndjson", []byte(good))
				if err := os.Chmod(p, 0); err != nil {
					t.Fatal(err)
				}
				return p
			}},
		{name: "unreadable subdirectory", reason: "permission denied",
			setup: func(t *testing.T, dir string) string {
				sub := filepath.Join(dir, "tree", "locked")
				if err := os.MkdirAll(sub, 0o755); err != nil {
					t.Fatal(err)
				}
				writeFile(t, sub, "events.ndjson", []byte(good))
				writeFile(t, filepath.Join(dir, "tree"), "readable.ndjson", []byte(good))
				if err := os.Chmod(sub, 0); err != nil {
					t.Fatal(err)
				}
				t.Cleanup(func() { os.Chmod(sub, 0o755) })
				return filepath.Join(dir, "tree")
			}},
	}
	// As root, chmod 0 does not stop reading: the command then runs as
	// nobody, through setpriv, when there is one.
	asNobody := os.Geteuid() == 0
	setpriv, _ := exec.LookPath("setpriv")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !tt.asRoot && asNobody && setpriv == "" {
				t.Skip("running as root, where chmod 0 does not stop reading, without setpriv to run as nobody")
			}
			dir := worldReadableTempDir(t)
			bad := tt.setup(t, dir)
			first := writeFile(t, dir, "first.ndjson", []byte(good))
			last := writeFile(t, dir, "last.ndjson", []byte(good))
			var out, errOut string
			var exit int
			if asNobody && setpriv != "" {
				out, errOut, exit = runAsNobody(t, setpriv, dir, "validate", first, bad, last)
			} else {
				out, errOut, exit = runCLI(t, "", "validate", first, bad, last)
			}
			records := "2 records: 2 valid, 0 invalid\n"
			if tt.name == "unreadable subdirectory" {
				records = "3 records: 3 valid, 0 invalid\n" // the readable file next to it is read
			}
			if exit != exitUsage || out != records {
				t.Errorf("exit %d, stdout %q; want 2 and %q", exit, out, records)
			}
			if !strings.Contains(errOut, "pinpoint-events: ") || !strings.Contains(errOut, tt.reason) {
				t.Errorf("stderr does not name the path and %q:\n%s", tt.reason, errOut)
			}
		})
	}
}

// worldReadableTempDir is a temporary directory that another user can
// read (t.TempDir's parent is private).
func worldReadableTempDir(t *testing.T) string {
	t.Helper()
	dir, err := os.MkdirTemp("", "pinpoint-events-test-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
			os.Chmod(p, 0o755) // what the test locked, so that it can be removed
			return nil
		})
		os.RemoveAll(dir)
	})
	if err := os.Chmod(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	return dir
}

// runAsNobody runs a copy of the command, put in dir, as the user nobody.
func runAsNobody(t *testing.T, setpriv, dir string, args ...string) (stdout, stderr string, exit int) {
	t.Helper()
	data, err := os.ReadFile(binary)
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(dir, "pinpoint-events")
	if err := os.WriteFile(bin, data, 0o755); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(setpriv, append([]string{"--reuid=65534", "--regid=65534", "--clear-groups", bin}, args...)...)
	var out, errOut bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errOut
	if err := cmd.Run(); err != nil {
		if _, ok := err.(*exec.ExitError); !ok {
			t.Fatal(err)
		}
	}
	if strings.Contains(errOut.String(), "setpriv:") {
		t.Skip("setpriv cannot switch to nobody here:", errOut.String())
	}
	return out.String(), errOut.String(), cmd.ProcessState.ExitCode()
}

// Symbolic links are followed, as arguments and inside directories; a loop
// ends; each file is read once; an argument with something in it that
// yields no record says so.
func TestSymlinksAndEmptyArguments(t *testing.T) {
	good := compact(t, sample(t, "email_open_3.1.json")) + "\n"
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	if err := os.MkdirAll(filepath.Join(real, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	writeFile(t, real, "a.ndjson", []byte(good))
	writeFile(t, filepath.Join(real, "sub"), "b.ndjson", []byte(good+good))
	outside := filepath.Join(dir, "outside")
	os.Mkdir(outside, 0o755)
	writeFile(t, outside, "c.ndjson", []byte(good))
	symlink := func(target, name string) string {
		if err := os.Symlink(target, name); err != nil {
			t.Skip("cannot make symbolic links here:", err)
		}
		return name
	}
	dirLink := symlink(real, filepath.Join(dir, "link-to-real"))
	symlink(filepath.Join(outside, "c.ndjson"), filepath.Join(real, "c-link.ndjson")) // a linked file inside
	symlink(real, filepath.Join(real, "sub", "loop"))                                 // a loop back up
	symlink(filepath.Join(dir, "nowhere"), filepath.Join(outside, "dangling"))

	onlyNotes := filepath.Join(dir, "notes")
	os.Mkdir(onlyNotes, 0o755)
	writeFile(t, onlyNotes, "README.md", []byte("# notes\n"))
	blank := writeFile(t, dir, "blank.ndjson", []byte("\n  \n"))
	empty := writeFile(t, dir, "empty.ndjson", nil)

	tests := []struct {
		name     string
		args     []string
		summary  string
		exit     int
		messages []string // on stderr
	}{
		{name: "symlinked directory as argument", args: []string{dirLink},
			summary: "4 records: 4 valid, 0 invalid\n", exit: exitOK},
		{name: "the directory and a link to it: each file once", args: []string{real, dirLink},
			summary: "4 records: 4 valid, 0 invalid\n", exit: exitOK},
		{name: "dangling link inside a directory", args: []string{outside},
			summary: "1 records: 1 valid, 0 invalid\n", exit: exitUsage, messages: []string{"dangling: no such file or directory"}},
		{name: "a directory of notes only", args: []string{onlyNotes, filepath.Join(outside, "c.ndjson")},
			summary: "1 records: 1 valid, 0 invalid\n", exit: exitUsage, messages: []string{onlyNotes + ": no records found"}},
		{name: "a file of blank lines", args: []string{blank},
			summary: "0 records: 0 valid, 0 invalid\n", exit: exitUsage, messages: []string{blank + ": no records found"}},
		{name: "an empty file is just empty", args: []string{empty},
			summary: "0 records: 0 valid, 0 invalid\n", exit: exitOK},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, errOut, exit := runCLI(t, "", append([]string{"validate"}, tt.args...)...)
			if exit != tt.exit || out != tt.summary {
				t.Errorf("exit %d, stdout %q; want %d, %q; stderr:\n%s", exit, out, tt.exit, tt.summary, errOut)
			}
			for _, m := range tt.messages {
				if !strings.Contains(errOut, m) {
					t.Errorf("stderr does not say %q:\n%s", m, errOut)
				}
			}
			if len(tt.messages) == 0 && strings.Contains(errOut, "no records found") {
				t.Errorf("stderr: %s", errOut)
			}
		})
	}
}

// Values from the events and file names cannot forge a report line or
// send escape sequences to the terminal.
func TestEventDataCannotForgeReportLines(t *testing.T) {
	forged := "x\n99 records: 99 valid\x1b[2J\u202e"
	good := compact(t, sample(t, "email_open_3.1.json"))
	badType := strings.Replace(good, `"event_type":"_email.open"`, `"event_type":"x\n99 records: 99 valid\u001b[2J\u202e"`, 1)
	badMember := strings.Replace(good, `"attributes":{`, `"attributes":{"x\n99 records: 99 valid\u001b[2J":1,`, 1)
	badVersion := strings.Replace(good, `"event_version":"3.1"`, `"event_version":"9\n99 records: 99 valid\u001b[2J"`, 1)
	if badType == good || badMember == good || badVersion == good {
		t.Fatal("the sample changed")
	}
	dir := t.TempDir()
	input := writeFile(t, dir, "events.ndjson", []byte(badType+"\n"+badMember+"\n"+badVersion+"\n"))
	named := writeFile(t, dir, forged+".ndjson", []byte(badType+"\n"+`{"event_version":`+"\n"))
	for _, args := range [][]string{
		{"validate", input, named},
		{"validate", "-v", input, named},
		{"validate", "--json", input, named},
		{"stats", input, named},
		{"stats", "--json", input, named},
		{"decode", "--dead-letter", filepath.Join(dir, forged+".dead"), input, named},
		{"validate", filepath.Join(dir, forged+".missing")},
	} {
		r := runBinary(t, nil, args...)
		for name, text := range map[string]string{"stdout": r.stdout, "stderr": r.stderr} {
			if strings.Contains(text, "\x1b") {
				t.Errorf("%v: an escape character on %s:\n%q", args[:len(args)-1], name, text)
			}
			// JSON keeps the value as it is (a bidi control is not a control
			// character to JSON); the lines for people escape it.
			isJSON := name == "stdout" && (args[0] == "decode" || args[1] == "--json")
			if !isJSON && strings.Contains(text, "\u202e") {
				t.Errorf("%v: a bidi control character on %s:\n%q", args[:len(args)-1], name, text)
			}
			for _, line := range strings.Split(text, "\n") {
				if strings.HasPrefix(line, "99 records") {
					t.Errorf("%v: a forged line on %s:\n%s", args[:len(args)-1], name, text)
				}
			}
		}
	}
}

func TestSafe(t *testing.T) {
	tests := []struct{ in, want string }{
		{"_email.open", "_email.open"},
		{"", ""},
		{`say "hi"`, `say "hi"`}, // printable: left alone
		{"café 日本語 Ελληνικά", "café 日本語 Ελληνικά"}, // any script
		{"x\n99 records: 99 valid", `"x\n99 records: 99 valid"`},
		{"\x1b[2J", `"\x1b[2J"`},
		{"tab\there", `"tab\there"`},
		{"carriage\rreturn", `"carriage\rreturn"`},
		{"c1 \u0085 \u009b", `"c1 \u0085 \u009b"`},
		{"bidi \u202e override", `"bidi \u202e override"`},
		{"zero\u200bwidth", `"zero\u200bwidth"`},
		{"line\u2028separator", `"line\u2028separator"`},
		{"bad \xff utf-8", `"bad \xff utf-8"`},
	}
	for _, tt := range tests {
		if got := safe(tt.in); got != tt.want {
			t.Errorf("safe(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func TestCountAndSize(t *testing.T) {
	counts := map[int64]string{0: "0", 999: "999", 1000: "1,000", 1234567: "1,234,567", -1234567: "-1,234,567", 100000: "100,000"}
	for n, want := range counts {
		if got := count(n); got != want {
			t.Errorf("count(%d) = %q, want %q", n, got, want)
		}
	}
	sizes := map[int64]string{0: "0 B", 999: "999 B", 1000: "1.0 kB", 512_300_000: "512.3 MB", 999_999_999: "1.0 GB", 12_500_000_000: "12.5 GB"}
	for b, want := range sizes {
		if got := size(b); got != want {
			t.Errorf("size(%d) = %q, want %q", b, got, want)
		}
	}
}

func TestProgressLine(t *testing.T) {
	got := progressLine(1234567, 512_300_000, 100_000_000, 400_000_000, 10*time.Second)
	want := "1,234,567 records, 512.3 MB (123,456 records/s), 25%, about 30s left"
	if got != want {
		t.Errorf("progressLine = %q, want %q", got, want)
	}
	if got := progressLine(1500, 2_000_000, 0, 0, 2*time.Second); got != "1,500 records, 2.0 MB (750 records/s)" {
		t.Errorf("progressLine of standard input = %q", got)
	}
	for _, tt := range []struct {
		line  string
		width int
		want  string
	}{
		{"1,234 records", 80, "1,234 records"},
		{"1,234 records", 13, "1,234 records"},
		{"1,234 records", 12, "1,234 record"},
		{"1,234 records", 5, "1,234"},
		{"1,234 records", 0, ""},
		{"1,234 records", -3, ""},
		{"épée", 2, "ép"},
	} {
		if got := fitWidth(tt.line, tt.width); got != tt.want {
			t.Errorf("fitWidth(%q, %d) = %q, want %q", tt.line, tt.width, got, tt.want)
		}
	}
}

// The progress line is cut to the terminal's width less a column, and
// erased before any line goes to stderr, or to stdout when it is a terminal
// as well; it is not drawn over a line that is not finished.
func TestConsoleClearsProgressBeforeReportLines(t *testing.T) {
	var screen bytes.Buffer // stdout and stderr on one terminal
	width := 20
	con := newConsoleFor(&screen, &screen, true, true, func() int { return width })
	con.draw("1,234,567 records, 512.3 MB (123,456 records/s)")
	fmt.Fprintf(con.stdout, "a report line\n")
	con.draw("1,234,568 records")
	fmt.Fprintf(con.stderr, "pinpoint-events: a message\n")
	fmt.Fprintf(con.stdout, "half a line")
	con.draw("not drawn: the line above is not finished")
	fmt.Fprintf(con.stdout, ", finished\n")
	width = 10
	con.draw("1,234,569 records")
	con.clear()
	want := "\r1,234,567 records, \x1b[K" + "\r\x1b[K" + "a report line\n" +
		"\r1,234,568 records\x1b[K" + "\r\x1b[K" + "pinpoint-events: a message\n" +
		"half a line, finished\n" +
		"\r1,234,569\x1b[K" + "\r\x1b[K"
	if got := screen.String(); got != want {
		t.Errorf("the terminal got\n%q\nwant\n%q", got, want)
	}

	// stdout to a file: its lines do not touch the terminal.
	var term, file bytes.Buffer
	con = newConsoleFor(&file, &term, true, false, func() int { return 80 })
	con.draw("10 records")
	fmt.Fprintf(con.stdout, "a line\n")
	if term.String() != "\r10 records\x1b[K" || file.String() != "a line\n" {
		t.Errorf("terminal %q, file %q", term.String(), file.String())
	}
	// No progress: nothing is drawn, and the writers are the originals.
	term.Reset()
	con = newConsoleFor(&file, &term, false, true, func() int { return 80 })
	con.draw("10 records")
	if term.Len() != 0 || con.stderr != io.Writer(&term) {
		t.Errorf("progress drawn when disabled: %q", term.String())
	}
}

// failingWriter takes limit bytes, then fails.
type failingWriter struct {
	written []byte
	limit   int
}

func (w *failingWriter) Write(p []byte) (int, error) {
	n := min(len(p), w.limit-len(w.written))
	w.written = append(w.written, p[:n]...)
	if n < len(p) {
		return n, errors.New("disk full")
	}
	return n, nil
}

// An output counts the lines that reached the destination, keeps the first
// error, and takes nothing after it.
func TestOutputCountsWhatWasWritten(t *testing.T) {
	line := strings.Repeat("x", 99) + "\n"
	tests := []struct {
		name      string
		limit     int
		lines     int // written
		wantLines int64
		wantErr   bool
	}{
		{"all fits", 1 << 30, 5000, 5000, false},
		{"fails in a line", 3*outputBufferSize/2 + 50, 5000, (3*outputBufferSize/2 + 50) / 100, true},
		{"fails at once", 0, 10, 0, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			w := &failingWriter{limit: tt.limit}
			o := &output{name: "test", w: w}
			for range tt.lines {
				o.Write([]byte(line))
			}
			err := o.Close()
			if o.lines != tt.wantLines || (err != nil) != tt.wantErr {
				t.Errorf("%d lines, error %v; want %d lines, error %v", o.lines, err, tt.wantLines, tt.wantErr)
			}
			if tt.wantErr {
				before := len(w.written)
				if n, err := o.Write([]byte(line)); n != 0 || err == nil || len(w.written) != before {
					t.Errorf("a write after the error: %d, %v", n, err)
				}
				var msg bytes.Buffer
				if !o.reportError(&msg) || msg.String() != "pinpoint-events: writing test: disk full\n" {
					t.Errorf("report: %q", msg.String())
				}
			}
		})
	}
}

// The command's own output files are not read as inputs: `decode dir/ >
// dir/out.ndjson` would read what it writes, and --dead-letter naming an
// input would empty it before it is read.
func TestOutputsAreNotInputs(t *testing.T) {
	d := makeDamaged(t, 600) // over 256 KiB of output: written while reading
	valid := d.valid(t)
	dir := t.TempDir()
	writeFile(t, dir, "events.ndjson", d.ndjson)
	stdoutPath := writeFile(t, dir, "out.ndjson", nil) // as the shell's > makes it
	stderr, exit := runBinaryWithStdout(t, stdoutPath, "decode", dir)
	if exit != exitInvalid || !strings.Contains(stderr, count(int64(valid))+" events written") ||
		!strings.Contains(stderr, stdoutPath+": not read: it is standard output") {
		t.Errorf("exit %d, want %d events written; stderr:\n%s", exit, valid, stderr)
	}
	if data, err := os.ReadFile(stdoutPath); err != nil || strings.Count(string(data), "\n") != valid {
		t.Errorf("%d lines in the output, want %d (%v)", strings.Count(string(data), "\n"), valid, err)
	}

	input := writeFile(t, dir, "input.ndjson", d.ndjson)
	r := runBinary(t, nil, "decode", "--dead-letter", input, dir)
	if data, _ := os.ReadFile(input); r.exit != exitUsage || !bytes.Equal(data, d.ndjson) || !strings.Contains(r.stderr, "is an input") {
		t.Errorf("--dead-letter naming an input: exit %d, input kept: %v; stderr:\n%s", r.exit, bytes.Equal(data, d.ndjson), r.stderr)
	}
}
