package generator_test

import (
	"bytes"
	"os"
	"path"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/tools/txtar"
)

// TestGoldenInterfaces runs the generator on the schemas of
// testdata/golden/interfaces.txtar and compares the interfaces.go it prints
// with the archive's out/ files. The other files of the package are
// basic.txtar's to pin down.
func TestGoldenInterfaces(t *testing.T) {
	archive := filepath.Join("testdata", "golden", "interfaces.txtar")
	a, err := txtar.ParseFile(archive)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	extract(t, a, "schema/", filepath.Join(dir, "schema"))
	got, err := generate(t, dir)
	if err != nil {
		t.Fatal(err)
	}
	compared := map[string][]byte{}
	for name, data := range got {
		if path.Base(name) == "interfaces.go" {
			compared[name] = data
		}
	}
	if len(compared) == 0 {
		t.Fatal("no interfaces.go generated")
	}
	if *update {
		var kept []txtar.File
		for _, f := range a.Files {
			if !strings.HasPrefix(f.Name, "out/") {
				kept = append(kept, f)
			}
		}
		for name, data := range compared {
			kept = append(kept, txtar.File{Name: "out/" + name, Data: data})
		}
		a.Files = kept
		if err := os.WriteFile(archive, txtar.Format(a), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want := map[string][]byte{}
	for _, f := range a.Files {
		if name, ok := strings.CutPrefix(f.Name, "out/"); ok {
			want[name] = f.Data
		}
	}
	for name, data := range compared {
		if w, ok := want[name]; !ok {
			t.Errorf("%s: generated but not in the golden file", name)
		} else if !bytes.Equal(w, data) {
			t.Errorf("%s differs from the golden file (go test ./generator -run Golden -update rewrites it):\n%s", name, firstDiff(string(w), string(data)))
		}
	}
	for name := range want {
		if _, ok := compared[name]; !ok {
			t.Errorf("%s: not generated", name)
		}
	}
}
