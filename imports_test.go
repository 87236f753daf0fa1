package pinpointevents_test

import (
	"go/build"
	"strings"
	"testing"
)

// The root package is imported by every generated package, and so by every
// consumer: it must stay a leaf that pulls in nothing but the standard
// library (and so cannot import the internal packages that import it).
func TestImportsOnlyStandardLibrary(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range pkg.Imports {
		if first, _, _ := strings.Cut(path, "/"); strings.Contains(first, ".") {
			t.Errorf("the root package imports %s", path)
		}
	}
}
