package conformance

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestRun(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	report, err := Run("testdata/suite", Options{ModuleRoot: root, Optional: true})
	if err != nil {
		t.Fatal(err)
	}
	if report.Passed != 5 || report.Failed != 1 || report.Skipped != 2 {
		t.Errorf("passed %d, failed %d, skipped %d; want 5, 1, 2\n%s", report.Passed, report.Failed, report.Skipped, report.Lines())
	}
	basic := report.Files[0]
	if basic.Skips["keyword unevaluatedProperties"] != 1 || basic.Skips["remote $ref"] != 1 {
		t.Errorf("skip reasons: %v", basic.Skips)
	}
	if len(basic.Failures) != 1 || !strings.Contains(basic.Failures[0], "wrong here on purpose: want valid=true, got valid=false") {
		t.Errorf("failures: %q", basic.Failures)
	}
	lines := report.Lines()
	if !strings.HasSuffix(lines, "5 passed, 1 failed\n") || !strings.Contains(lines, "optional/extra.json") {
		t.Errorf("lines:\n%s", lines)
	}
	md := report.Markdown("testdata/suite")
	if !strings.Contains(md, "| basic.json | 3 | 1 | 2 |") {
		t.Errorf("markdown:\n%s", md)
	}
}

func TestRunWithoutTests(t *testing.T) {
	if _, err := Run(t.TempDir(), Options{}); err == nil {
		t.Error("an empty directory ran")
	}
}
