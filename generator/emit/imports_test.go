package emit

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestPrinterReadsOnlyTheModel guards the split of issue 11, point 1: the
// model decides (names, files, the checks lowered from schemas) and emit
// prints, so no file of emit may import the schema loader.
func TestPrinterReadsOnlyTheModel(t *testing.T) {
	forbidden := []string{
		"github.com/pinpoint-events/pinpoint-events/generator/load",
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var checked int
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		checked++
		t.Run(name, func(t *testing.T) {
			f, err := parser.ParseFile(token.NewFileSet(), name, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				p, err := strconv.Unquote(imp.Path.Value)
				if err != nil {
					t.Fatal(err)
				}
				for _, bad := range forbidden {
					if p == bad {
						t.Errorf("imports %s: the printer reads the model only", p)
					}
				}
			}
		})
	}
	if checked == 0 {
		t.Fatal("no source files found")
	}
}
