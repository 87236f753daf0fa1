package main

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const samples = "../../testdata/samples"

func runCLI(t *testing.T, stdin string, args ...string) (stdout, stderr string, exit int) {
	t.Helper()
	var out, errOut bytes.Buffer
	exit = run(args, strings.NewReader(stdin), &out, &errOut)
	return out.String(), errOut.String(), exit
}

func sample(t *testing.T, name string) []byte {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(samples, name))
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// compact makes a sample one NDJSON line.
func compact(t *testing.T, data []byte) string {
	t.Helper()
	var b bytes.Buffer
	if err := json.Compact(&b, data); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// withoutCampaignID is the campaign sample without attributes.campaign_id.
func withoutCampaignID(t *testing.T) string {
	line := compact(t, sample(t, "campaign_send_3.1.json"))
	broken := strings.Replace(line, `"campaign_id":"4f8d6097c2e8400fa3081d875example",`, "", 1)
	if broken == line {
		t.Fatal("the sample changed: campaign_id not found")
	}
	return broken
}

func TestValidateValidFile(t *testing.T) {
	out, errOut, exit := runCLI(t, "", "validate", filepath.Join(samples, "campaign_send_3.1.json"))
	if exit != 0 || out != "1 records: 1 valid, 0 invalid\n" || errOut != "" {
		t.Errorf("exit %d, stdout %q, stderr %q", exit, out, errOut)
	}
}

func TestValidateMissingRequiredMember(t *testing.T) {
	out, _, exit := runCLI(t, withoutCampaignID(t)+"\n", "validate", "-")
	want := "-: record 1 (byte 0) _campaign.send: invalid (v3p1.CampaignSendEvent): /attributes: missing required member \"campaign_id\"\n1 records: 0 valid, 1 invalid\n"
	if exit != 1 || out != want {
		t.Errorf("exit %d, stdout:\n%s\nwant:\n%s", exit, out, want)
	}
}

func TestValidateJSON(t *testing.T) {
	good := compact(t, sample(t, "email_open_3.1.json"))
	input := good + "\n" + withoutCampaignID(t) + "\n" + `{"event_version": "3.1", "event_type": ` + "\n" + good + "\n"
	out, _, exit := runCLI(t, input, "validate", "--json")
	if exit != 1 {
		t.Errorf("exit %d", exit)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != 4 {
		t.Fatalf("want a line per record, got:\n%s", out)
	}
	type verdictLine struct {
		File         string  `json:"file"`
		Record       int64   `json:"record"`
		Offset       int64   `json:"offset"`
		EventVersion *string `json:"event_version"`
		EventType    *string `json:"event_type"`
		Valid        bool    `json:"valid"`
		Errors       []struct {
			Pointer, Keyword, Message string
		} `json:"errors"`
	}
	var got []verdictLine
	for _, l := range lines {
		var v verdictLine
		d := json.NewDecoder(strings.NewReader(l))
		d.DisallowUnknownFields()
		if err := d.Decode(&v); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		got = append(got, v)
	}
	if !got[0].Valid || got[0].Record != 1 || got[0].Offset != 0 || *got[0].EventType != "_email.open" || len(got[0].Errors) != 0 {
		t.Errorf("record 1: %+v", got[0])
	}
	second := len(good) + 1
	if got[1].Valid || got[1].Record != 2 || got[1].Offset != int64(second) || got[1].Errors[0].Pointer != "/attributes" || got[1].Errors[0].Keyword != "required" {
		t.Errorf("record 2: %+v", got[1])
	}
	if got[2].Valid || got[2].Record != 3 || got[2].Errors[0].Keyword != "framing" {
		t.Errorf("record 3 (truncated): %+v", got[2])
	}
	if !got[3].Valid || got[3].Record != 4 {
		t.Errorf("record 4 (after the truncated one): %+v", got[3])
	}
}

func TestValidateConcatenatedGzipAndArray(t *testing.T) {
	dir := t.TempDir()
	a := compact(t, sample(t, "sms_SMS.SUCCESS_3.1.json"))
	b := compact(t, sample(t, "journey_send_3.1.json"))
	var gz bytes.Buffer
	w := gzip.NewWriter(&gz)
	w.Write([]byte(a + b + a)) // Firehose's default: no delimiter
	w.Close()
	gzPath := filepath.Join(dir, "firehose.gz")
	os.WriteFile(gzPath, gz.Bytes(), 0o644)
	arrayPath := filepath.Join(dir, "array.json")
	os.WriteFile(arrayPath, []byte("[\n"+a+",\n"+b+"\n]"), 0o644)
	out, _, exit := runCLI(t, "", "validate", gzPath, arrayPath)
	if exit != 0 || out != "5 records: 5 valid, 0 invalid\n" {
		t.Errorf("exit %d, stdout %q", exit, out)
	}
}

func TestValidateContentFlag(t *testing.T) {
	line := compact(t, sample(t, "campaign_send_3.1.json"))
	broken := strings.Replace(line, `\"ChannelType\":\"GCM\"`, `\"ChannelType\":5`, 1)
	out, _, exit := runCLI(t, broken, "validate")
	if exit != 1 || !strings.Contains(out, "/client_context/custom/endpoint: embedded JSON at /ChannelType: must be a string, not a number") {
		t.Errorf("with content checks: exit %d, %s", exit, out)
	}
	out, _, exit = runCLI(t, broken, "validate", "--content=false")
	if exit != 0 {
		t.Errorf("without content checks: exit %d, %s", exit, out)
	}
}

func TestValidateUsageAndIOErrors(t *testing.T) {
	if _, errOut, exit := runCLI(t, "", "validate", "no/such/file.json"); exit != 2 || !strings.Contains(errOut, "no/such/file.json") {
		t.Errorf("missing file: exit %d, %q", exit, errOut)
	}
	if _, _, exit := runCLI(t, "", "validate", "--no-such-flag"); exit != 2 {
		t.Errorf("bad flag: exit %d", exit)
	}
	if out, _, exit := runCLI(t, "", "validate", "--help"); exit != 0 || !strings.Contains(out, "Exit status") {
		t.Errorf("--help: exit %d, %q", exit, out)
	}
	if _, errOut, exit := runCLI(t, "", "frobnicate"); exit != 2 || !strings.Contains(errOut, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: exit %d, %q", exit, errOut)
	}
	if _, _, exit := runCLI(t, ""); exit != 2 {
		t.Errorf("no command: exit %d", exit)
	}
}

func TestValidateSamples(t *testing.T) {
	paths, _ := filepath.Glob(filepath.Join(samples, "*.json"))
	out, _, exit := runCLI(t, "", append([]string{"validate"}, paths...)...)
	if exit != 1 || !strings.HasSuffix(out, "16 records: 12 valid, 4 invalid\n") {
		t.Errorf("exit %d, %s", exit, out)
	}
}
