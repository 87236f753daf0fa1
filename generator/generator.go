// Package generator turns the JSON Schemas under schema/ into the Go
// packages under generated/: one package per producer version, and per
// producer a dispatcher that picks the version.
//
// The layout it reads is schema/<producer>/<version>/*.json, where version
// is MAJOR.MINOR, and schema/<producer>/producer.json, which names the
// producer, its dispatcher and the members every event has. Version "3.1"
// of producer pinpoint becomes the package generated/pinpoint/v3p1 ("p" for
// the point: v3p1 is 3.1, v3p10 is 3.10); the dispatcher goes where the
// producer file's x-dispatcher says (generated/anyevent).
package generator

import (
	"bytes"
	"fmt"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"sort"
	"strings"

	"github.com/pinpoint-events/pinpoint-events/generator/emit"
	"github.com/pinpoint-events/pinpoint-events/generator/load"
	"github.com/pinpoint-events/pinpoint-events/generator/model"
)

// Config says where the schemas are and where the Go goes.
type Config struct {
	// SchemaDir holds <producer>/<version>/*.json.
	SchemaDir string
	// OutDir receives <producer>/v<M>p<N>/ and each producer's dispatcher.
	OutDir string
	// ImportPath is the import path of OutDir.
	ImportPath string
}

var versionDir = regexp.MustCompile(`^(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)$`)

// PackageName is the Go package name of a version: "3.1" is v3p1.
func PackageName(version string) string {
	return "v" + strings.Replace(version, ".", "p", 1)
}

// Generate returns every generated file, by path relative to OutDir
// (slash-separated), in a deterministic order of paths.
func Generate(cfg Config) (map[string][]byte, error) {
	producers, err := build(cfg)
	if err != nil {
		return nil, err
	}
	out := map[string][]byte{}
	for _, p := range producers {
		for _, pkg := range p.versions {
			files, err := emit.Package(pkg)
			if err != nil {
				return nil, err
			}
			for _, f := range files {
				out[path.Join(p.Name, pkg.Name, f.Name)] = f.Data
			}
		}
		files, err := emit.Dispatcher(cfg.ImportPath+"/"+p.Dispatcher, p.Producer, p.versions)
		if err != nil {
			return nil, err
		}
		for _, f := range files {
			name := path.Join(p.Dispatcher, f.Name)
			if _, dup := out[name]; dup {
				return nil, fmt.Errorf("%s: x-dispatcher %q puts the dispatcher among the files of a version package", p.Name, p.Dispatcher)
			}
			out[name] = f.Data
		}
	}
	return out, nil
}

// producerModel is a producer with the models of its versions, oldest
// first.
type producerModel struct {
	*model.Producer
	versions []*model.Package
}

// build loads every producer and builds the model of each of its versions:
// what Generate prints and Routes lists.
func build(cfg Config) ([]producerModel, error) {
	entries, err := os.ReadDir(cfg.SchemaDir)
	if err != nil {
		return nil, err
	}
	var out []producerModel
	dispatchers := map[string]string{}
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		p, err := buildProducer(cfg, e.Name())
		if err != nil {
			return nil, err
		}
		if p == nil {
			continue
		}
		if other, dup := dispatchers[p.Dispatcher]; dup {
			return nil, fmt.Errorf("%s and %s: both producer files name the dispatcher %q", other, p.Name, p.Dispatcher)
		}
		dispatchers[p.Dispatcher] = p.Name
		out = append(out, *p)
	}
	return out, nil
}

// buildProducer builds one producer's models; nil when its folder holds no
// version.
func buildProducer(cfg Config, name string) (*producerModel, error) {
	dir := filepath.Join(cfg.SchemaDir, name)
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var versions []string
	for _, v := range entries {
		if !v.IsDir() {
			continue
		}
		if !versionDir.MatchString(v.Name()) {
			return nil, fmt.Errorf("%s: a version folder is named MAJOR.MINOR, like 3.1", filepath.Join(dir, v.Name()))
		}
		versions = append(versions, v.Name())
	}
	if len(versions) == 0 {
		return nil, nil
	}
	sort.Slice(versions, func(i, j int) bool { return versionLess(versions[i], versions[j]) })
	set, err := loadDir(cfg.SchemaDir, dir)
	if err != nil {
		return nil, err
	}
	producer, err := model.NewProducer(name, set)
	if err != nil {
		return nil, err
	}
	p := &producerModel{Producer: producer}
	for _, v := range versions {
		set, err := loadDir(cfg.SchemaDir, filepath.Join(dir, v))
		if err != nil {
			return nil, err
		}
		pkg, err := model.Build(set, cfg.ImportPath+"/"+name+"/"+PackageName(v), producer, v)
		if err != nil {
			return nil, err
		}
		p.versions = append(p.versions, pkg)
	}
	return p, nil
}

func versionLess(a, b string) bool {
	var amaj, amin, bmaj, bmin int
	fmt.Sscanf(a, "%d.%d", &amaj, &amin)
	fmt.Sscanf(b, "%d.%d", &bmaj, &bmin)
	if amaj != bmaj {
		return amaj < bmaj
	}
	return amin < bmin
}

// loadDir loads the schema files (*.json) directly in dir.
func loadDir(schemaDir, dir string) (*load.Set, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return nil, err
	}
	files, err := readFiles(schemaDir, paths)
	if err != nil {
		return nil, err
	}
	return load.Load(files)
}

// readFiles reads schema files. Each is named by its path from the schema
// folder, under the folder's own name (schema/pinpoint/3.1/campaign.json),
// whatever path the folder was given by: the name appears in generated
// comments and must not depend on the working directory.
func readFiles(schemaDir string, paths []string) ([]load.File, error) {
	abs, err := filepath.Abs(schemaDir)
	if err != nil {
		return nil, err
	}
	var files []load.File
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(schemaDir, p)
		if err != nil {
			return nil, err
		}
		name := filepath.ToSlash(filepath.Join(filepath.Base(abs), rel))
		files = append(files, load.File{Path: name, Data: data})
	}
	return files, nil
}

// Route says which event schema an event of a version and type has.
type Route struct {
	Producer, Version string
	// VersionMember and TypeMember are the members that hold the version
	// and the event type.
	VersionMember, TypeMember string
	// Family and GoType name the family and the generated Go type.
	Family, GoType string
	// EventTypes are the event types of the schema; empty for the
	// catch-all of its version, whose event type schema is EventTypeURI.
	EventTypes   []string
	SchemaURI    string
	EventTypeURI string
}

// Routes lists the event schemas of every producer version, as the
// generated dispatcher routes to them.
func Routes(cfg Config) ([]Route, error) {
	producers, err := build(cfg)
	if err != nil {
		return nil, err
	}
	var out []Route
	for _, p := range producers {
		for _, pkg := range p.versions {
			for _, fam := range pkg.Families {
				for _, ev := range fam.Events {
					r := Route{Producer: p.Name, Version: pkg.Version, VersionMember: p.Members.Version, TypeMember: p.Members.Type,
						Family: fam.Name, GoType: pkg.Name + "." + ev.Type.Name, EventTypes: ev.EventTypes, SchemaURI: ev.Type.Schema.URI}
					if ev.EventTypeSchema != nil {
						r.EventTypeURI = ev.EventTypeSchema.URI
					}
					out = append(out, r)
				}
			}
		}
	}
	return out, nil
}

// Write writes the generated files under OutDir and removes generated files
// (those that start with emit's header) that are no longer produced.
func Write(cfg Config, files map[string][]byte) error {
	for name, data := range files {
		p := filepath.Join(cfg.OutDir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if old, err := os.ReadFile(p); err == nil && bytes.Equal(old, data) {
			continue
		}
		if err := os.WriteFile(p, data, 0o644); err != nil {
			return err
		}
	}
	stale, err := orphans(cfg, files)
	if err != nil {
		return err
	}
	for _, name := range stale {
		if err := os.Remove(filepath.Join(cfg.OutDir, filepath.FromSlash(name))); err != nil {
			return err
		}
	}
	return nil
}

// Stale lists the files under OutDir that differ from files, are missing,
// or are generated files that would no longer be produced.
func Stale(cfg Config, files map[string][]byte) ([]string, error) {
	var out []string
	for name, data := range files {
		old, err := os.ReadFile(filepath.Join(cfg.OutDir, filepath.FromSlash(name)))
		if err != nil || !bytes.Equal(old, data) {
			out = append(out, name)
		}
	}
	extra, err := orphans(cfg, files)
	if err != nil {
		return nil, err
	}
	out = append(out, extra...)
	sort.Strings(out)
	return out, nil
}

// orphans lists generated .go files under OutDir that files does not hold.
func orphans(cfg Config, files map[string][]byte) ([]string, error) {
	var out []string
	header := []byte("// " + emit.Header)
	err := filepath.WalkDir(cfg.OutDir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			if os.IsNotExist(err) {
				return nil
			}
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, ".go") {
			return nil
		}
		rel, err := filepath.Rel(cfg.OutDir, p)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if _, ok := files[rel]; ok {
			return nil
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if bytes.HasPrefix(data, header) {
			out = append(out, rel)
		}
		return nil
	})
	return out, err
}
