// Package mutate derives broken and unusual variants of a JSON event, for
// tests that hold the generated decoders and validators to the reference
// validator: every member removed, given another type, set to null, set to a
// value outside its enum, joined by an unknown member, and the JSON
// documents inside strings broken.
package mutate

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
)

// Mutation is one variant of the input.
type Mutation struct {
	// Name says what changed and where, e.g. "remove /attributes/campaign_id".
	Name string
	Data []byte
}

// All returns the mutations of a JSON document, in a stable order.
func All(data []byte) ([]Mutation, error) {
	root, err := parse(data)
	if err != nil {
		return nil, err
	}
	var out []Mutation
	add := func(name string, v any) {
		b, err := marshal(v)
		if err != nil {
			panic(err) // the tree came from JSON
		}
		out = append(out, Mutation{Name: name, Data: b})
	}
	for _, path := range paths(root, nil) {
		ptr := pointer(path)
		if len(path) > 0 {
			add("remove "+ptr, remove(root, path))
			add("null "+ptr, replace(root, path, nil))
		}
		cur := get(root, path)
		for _, alt := range otherTypes(cur) {
			add(fmt.Sprintf("%T at %s", alt, ptr), replace(root, path, alt))
		}
		switch v := cur.(type) {
		case string:
			add("unknown value at "+ptr, replace(root, path, v+"-SENT"))
			if strings.HasPrefix(v, "{") {
				add("broken JSON in "+ptr, replace(root, path, v[:len(v)/2]))
				add("JSON of wrong types in "+ptr, replace(root, path, `{"ChannelType":5,"EndpointStatus":[],"User":"x","Demographic":{"Timezone":1}}`))
			}
		case map[string]any:
			add("unknown member in "+ptr, replace(root, path, with(v, "x_unknown_member", map[string]any{"nested": []any{json.Number("1"), "two", nil}})))
		case json.Number:
			add("fraction at "+ptr, replace(root, path, json.Number("1.5")))
			add("negative at "+ptr, replace(root, path, json.Number("-1")))
			add("huge at "+ptr, replace(root, path, json.Number("1e30")))
			add("int64 overflow at "+ptr, replace(root, path, json.Number("9223372036854775808")))
			if !strings.ContainsAny(string(v), ".eE") {
				add("1.0 form at "+ptr, replace(root, path, json.Number(string(v)+".0")))
			}
		}
	}
	return out, nil
}

func parse(data []byte) (any, error) {
	d := json.NewDecoder(bytes.NewReader(data))
	d.UseNumber()
	var v any
	err := d.Decode(&v)
	return v, err
}

func marshal(v any) ([]byte, error) {
	var b bytes.Buffer
	e := json.NewEncoder(&b)
	e.SetEscapeHTML(false)
	if err := e.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSpace(b.Bytes()), nil
}

// paths lists the path of every value under v, v's own first.
func paths(v any, prefix []string) [][]string {
	out := [][]string{append([]string(nil), prefix...)}
	switch v := v.(type) {
	case map[string]any:
		for _, k := range sortedKeys(v) {
			out = append(out, paths(v[k], append(prefix, k))...)
		}
	case []any:
		for i, item := range v {
			out = append(out, paths(item, append(prefix, fmt.Sprint(i)))...)
		}
	}
	return out
}

func sortedKeys(m map[string]any) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func pointer(path []string) string {
	var b strings.Builder
	for _, t := range path {
		b.WriteString("/" + strings.NewReplacer("~", "~0", "/", "~1").Replace(t))
	}
	if b.Len() == 0 {
		return "(root)"
	}
	return b.String()
}

func get(v any, path []string) any {
	for _, t := range path {
		switch c := v.(type) {
		case map[string]any:
			v = c[t]
		case []any:
			var i int
			fmt.Sscan(t, &i)
			v = c[i]
		}
	}
	return v
}

// replace returns a deep copy of root with the value at path replaced.
func replace(root any, path []string, value any) any {
	if len(path) == 0 {
		return value
	}
	switch c := root.(type) {
	case map[string]any:
		out := make(map[string]any, len(c))
		for k, v := range c {
			out[k] = v
		}
		out[path[0]] = replace(c[path[0]], path[1:], value)
		return out
	case []any:
		out := append([]any(nil), c...)
		var i int
		fmt.Sscan(path[0], &i)
		out[i] = replace(c[i], path[1:], value)
		return out
	}
	return root
}

// remove returns a copy of root without the value at path.
func remove(root any, path []string) any {
	parent := path[:len(path)-1]
	last := path[len(path)-1]
	switch c := get(root, parent).(type) {
	case map[string]any:
		out := make(map[string]any, len(c))
		for k, v := range c {
			if k != last {
				out[k] = v
			}
		}
		return replace(root, parent, out)
	case []any:
		var i int
		fmt.Sscan(last, &i)
		out := append(append([]any(nil), c[:i]...), c[i+1:]...)
		return replace(root, parent, out)
	}
	return root
}

func with(m map[string]any, k string, v any) map[string]any {
	out := make(map[string]any, len(m)+1)
	for kk, vv := range m {
		out[kk] = vv
	}
	out[k] = v
	return out
}

// otherTypes returns a value of each JSON type other than v's.
func otherTypes(v any) []any {
	all := []any{"text", json.Number("7"), true, []any{"x"}, map[string]any{"k": "v"}}
	var out []any
	for _, alt := range all {
		if fmt.Sprintf("%T", alt) != fmt.Sprintf("%T", v) {
			out = append(out, alt)
		}
	}
	return out
}
