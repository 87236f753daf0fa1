package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pinpoint-events/pinpoint-events/generated/anyevent"
	"github.com/pinpoint-events/pinpoint-events/internal/corpus"
)

// binary is the command, built once for the end-to-end tests.
var binary string

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "pinpoint-events-e2e-")
	if err != nil {
		panic(err)
	}
	binary = filepath.Join(dir, "pinpoint-events")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		panic("building the command: " + err.Error() + "\n" + string(out))
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

type result struct {
	stdout, stderr string
	exit           int
	maxRSSKiB      int64
}

func runBinary(t *testing.T, stdin []byte, args ...string) result {
	t.Helper()
	cmd := exec.Command(binary, args...)
	var out, errOut bytes.Buffer
	cmd.Stdin, cmd.Stdout, cmd.Stderr = bytes.NewReader(stdin), &out, &errOut
	err := cmd.Run()
	var exitErr *exec.ExitError
	if err != nil && !errorsAs(err, &exitErr) {
		t.Fatal(err)
	}
	r := result{stdout: out.String(), stderr: errOut.String(), exit: cmd.ProcessState.ExitCode()}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		r.maxRSSKiB = ru.Maxrss
	}
	return r
}

func errorsAs(err error, target **exec.ExitError) bool {
	e, ok := err.(*exec.ExitError)
	*target = e
	return ok
}

// damaged is a corpus with corrupted records in the middle: what a writer
// killed mid-record, a disk error or a stray line leaves in real archives.
type damaged struct {
	ndjson []byte
	events [][]byte // the events, good and bad as generated
	bad    int      // corrupted records added
}

func makeDamaged(t *testing.T, n int) damaged {
	t.Helper()
	d := damaged{events: corpus.Events(corpus.Options{N: n, Seed: 11, InvalidShare: 0.05})}
	var b bytes.Buffer
	for i, e := range d.events {
		switch i % 400 {
		case 100: // a record cut short by a killed writer
			b.Write(e[:len(e)/2])
			b.WriteByte('\n')
			d.bad++
		case 300: // a stray line
			b.WriteString("--- rotated at 2026-11-27T00:00:00Z ---\n")
			d.bad++
		}
		b.Write(e)
		b.WriteByte('\n')
	}
	d.ndjson = b.Bytes()
	return d
}

// expected counts the valid events among the generated ones, the way the
// command judges them.
func (d damaged) valid(t *testing.T) int {
	t.Helper()
	valid := 0
	opts := anyevent.ValidateOptions{AssertContent: true, AssertFormat: true}
	for _, e := range d.events {
		if ev, err := anyevent.Decode(e); err == nil && ev.ValidateWith(opts) == nil {
			valid++
		}
	}
	return valid
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(data []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Write(data)
	w.Close()
	return b.Bytes()
}

// decode on NDJSON, its gzip, Firehose's concatenated objects and a JSON
// array gives the same events; the corrupted records and invalid events all
// reach the dead-letter file with their raw bytes; nothing is lost.
func TestDecodeEndToEnd(t *testing.T) {
	d := makeDamaged(t, 2000)
	valid := d.valid(t)
	total := len(d.events) + d.bad
	dir := t.TempDir()
	concatenated := bytes.Join(d.events, nil)
	inputs := map[string]struct {
		path          string
		records, dead int
	}{
		"ndjson":       {writeFile(t, dir, "events.ndjson", d.ndjson), total, total - valid},
		"gzip":         {writeFile(t, dir, "events.ndjson.gz", gz(d.ndjson)), total, total - valid},
		"concatenated": {writeFile(t, dir, "PUT-S3-firehose-1", gz(concatenated)), len(d.events), len(d.events) - valid},
		"array":        {writeFile(t, dir, "events.json", append(append([]byte("[\n"), bytes.Join(d.events, []byte(",\n"))...), ']')), len(d.events), len(d.events) - valid},
	}
	var reference string
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			deadPath := filepath.Join(dir, name+".dead.ndjson")
			r := runBinary(t, nil, "decode", "--dead-letter", deadPath, in.path)
			if r.exit != exitInvalid {
				t.Fatalf("exit %d, stderr %s", r.exit, r.stderr)
			}
			lines := strings.Split(strings.TrimSuffix(r.stdout, "\n"), "\n")
			if len(lines) != valid {
				t.Errorf("%d events written, want %d", len(lines), valid)
			}
			for _, l := range lines[:5] {
				if _, err := anyevent.Decode([]byte(l)); err != nil {
					t.Errorf("written event does not decode: %v", err)
				}
			}
			deadData, err := os.ReadFile(deadPath)
			if err != nil {
				t.Fatal(err)
			}
			dead := strings.Split(strings.TrimSuffix(string(deadData), "\n"), "\n")
			if len(dead) != in.dead || len(lines)+len(dead) != in.records {
				t.Errorf("%d written + %d dead-lettered, want %d + %d", len(lines), len(dead), valid, in.dead)
			}
			for _, l := range dead {
				var dl struct {
					Record int64
					Offset int64
					Errors []violation
					Raw    *string
				}
				if err := json.Unmarshal([]byte(l), &dl); err != nil || dl.Raw == nil || len(dl.Errors) == 0 {
					t.Fatalf("dead-letter line %q: %v", l, err)
				}
				if name == "ndjson" && !strings.HasPrefix(string(d.ndjson[dl.Offset:]), *dl.Raw) {
					t.Errorf("record %d: the raw bytes are not the input's at offset %d", dl.Record, dl.Offset)
				}
			}
			if name != "array" && name != "concatenated" {
				if reference == "" {
					reference = r.stdout
				} else if r.stdout != reference {
					t.Error("the gzip input decodes differently from the plain one")
				}
			}
		})
	}
}

func TestValidateStatsSchemasEndToEnd(t *testing.T) {
	d := makeDamaged(t, 1000)
	valid := d.valid(t)
	total := len(d.events) + d.bad
	r := runBinary(t, d.ndjson, "validate", "--json", "-")
	if r.exit != exitInvalid || strings.Count(r.stdout, "\n") != total {
		t.Errorf("validate --json: exit %d, %d lines, want %d", r.exit, strings.Count(r.stdout, "\n"), total)
	}
	if got := strings.Count(r.stdout, `"valid":true`); got != valid {
		t.Errorf("validate: %d valid, want %d", got, valid)
	}

	r = runBinary(t, d.ndjson, "stats", "--json")
	var st stats
	if err := json.Unmarshal([]byte(r.stdout), &st); err != nil || r.exit != exitInvalid {
		t.Fatalf("stats: exit %d, %v\n%s", r.exit, err, r.stdout)
	}
	notEvents := 0
	for _, n := range st.NotEvents {
		notEvents += int(n)
	}
	if st.Records != int64(total) || st.Valid != int64(valid) || st.Events+int64(notEvents) != int64(total) || st.FirstEvent == nil {
		t.Errorf("stats: %+v", st)
	}
	if st.Families["email"] == 0 || st.CampaignSendStatus["SUCCESS"] == 0 || st.SMSRecordStatus["DELIVERED"] == 0 {
		t.Errorf("stats by family and status: %v %v %v", st.Families, st.CampaignSendStatus, st.SMSRecordStatus)
	}

	r = runBinary(t, nil, "schemas")
	if r.exit != exitOK || !strings.Contains(r.stdout, "v3p1.EmailOpenEvent") || !strings.Contains(r.stdout, "_email.open") {
		t.Errorf("schemas: exit %d\n%s", r.exit, r.stdout)
	}
	// The email event types refine one shape, EmailEvent.
	r = runBinary(t, nil, "schemas", "show", "_email.open")
	var schema map[string]any
	if r.exit != exitOK || json.Unmarshal([]byte(r.stdout), &schema) != nil || schema["$ref"] != "#/$defs/EmailEvent" {
		t.Errorf("schemas show: exit %d\n%s", r.exit, r.stdout)
	}
	if r := runBinary(t, nil, "schemas", "show", "_email.nosuch"); r.exit != exitUsage {
		t.Errorf("schemas show of an unknown type: exit %d", r.exit)
	}
	for _, cmd := range []string{"validate", "decode", "stats", "schemas"} {
		if r := runBinary(t, nil, cmd, "--help"); r.exit != exitOK || !strings.Contains(r.stdout, "Examples:") || r.stderr != "" {
			t.Errorf("%s --help: exit %d\nstdout:\n%s\nstderr:\n%s", cmd, r.exit, r.stdout, r.stderr)
		}
		// A mistake prints the error and a hint on stderr only.
		if r := runBinary(t, nil, cmd, "--no-such-flag"); r.exit != exitUsage || r.stdout != "" ||
			!strings.Contains(r.stderr, "unknown flag: --no-such-flag") || strings.Contains(r.stderr, "Examples:") {
			t.Errorf("%s --no-such-flag: exit %d\nstdout:\n%s\nstderr:\n%s", cmd, r.exit, r.stdout, r.stderr)
		}
	}
}

// The command's memory does not grow with its input: stats over 3 times as
// much data peaks at about the same resident size. The peak is read from
// /proc while the command runs (VmHWM): the rusage of a child reports the
// parent's size at the fork instead.
func TestMemoryIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("writes 430 MB")
	}
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc to read the peak memory from")
	}
	dir := t.TempDir()
	small := generateFile(t, dir, "small.ndjson", 100000)
	big := generateFile(t, dir, "big.ndjson", 300000)
	peakSmall := peakMemory(t, "stats", "--progress=false", small)
	peakBig := peakMemory(t, "stats", "--progress=false", big)
	t.Logf("peak resident memory: %d MiB over 100,000 events (108 MB), %d MiB over 300,000 events (325 MB)", peakSmall>>10, peakBig>>10)
	if peakBig > peakSmall*3/2+16<<10 || peakBig > 256<<10 {
		t.Errorf("peak resident memory grows with the input: %d KiB, then %d KiB", peakSmall, peakBig)
	}
}

// generateFile writes n corpus events in chunks, to keep this process small.
func generateFile(t *testing.T, dir, name string, n int) string {
	t.Helper()
	p := filepath.Join(dir, name)
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for seed := 0; seed < n/10000; seed++ {
		if _, err := f.Write(corpus.Generate(corpus.Options{N: 10000, Seed: uint64(100 + seed)})); err != nil {
			t.Fatal(err)
		}
	}
	return p
}

// peakMemory runs the command and returns its peak resident size in KiB.
func peakMemory(t *testing.T, args ...string) int64 {
	t.Helper()
	cmd := exec.Command(binary, args...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error)
	go func() { done <- cmd.Wait() }()
	var peak int64
	status := fmt.Sprintf("/proc/%d/status", cmd.Process.Pid)
	for {
		if data, err := os.ReadFile(status); err == nil {
			for _, line := range strings.Split(string(data), "\n") {
				if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
					var kib int64
					fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), &kib)
					peak = max(peak, kib)
				}
			}
		}
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("%v: %v", args, err)
			}
			return peak
		case <-time.After(20 * time.Millisecond):
		}
	}
}
