package jsonvalue

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strconv"
)

// FromAny converts a tree of the kind encoding/json decodes into an any:
// nil, bool, string, float64, json.Number, []any and map[string]any. Object
// members are sorted by name, since maps have no order. Numbers are exact:
// a json.Number keeps its literal and a float64 becomes the decimal of its
// shortest representation (see NumberFromFloat64).
//
// It fails on other types, on NaN and infinities, on json.Numbers that are
// not JSON numbers, and on nesting deeper than MaxDepth, which also stops it
// on cyclic trees.
func FromAny(x any) (Value, error) {
	return fromAny(x, 0)
}

// fromAny converts x, which is nested inside depth arrays and objects.
func fromAny(x any, depth int) (Value, error) {
	switch x := x.(type) {
	case nil:
		return Value{Kind: Null}, nil
	case bool:
		return Value{Kind: Bool, Bool: x}, nil
	case string:
		return Value{Kind: String, Str: x}, nil
	case float64:
		if math.IsInf(x, 0) || math.IsNaN(x) {
			return Value{}, errors.New("jsonvalue: unsupported number " + strconv.FormatFloat(x, 'g', -1, 64))
		}
		return Value{Kind: Number, Num: NumberFromFloat64(x)}, nil
	case json.Number:
		n, err := ParseNumber(string(x))
		if err != nil {
			return Value{}, fmt.Errorf("jsonvalue: invalid json.Number %q: %w", string(x), err)
		}
		return Value{Kind: Number, Num: n}, nil
	case []any:
		if depth >= MaxDepth {
			return Value{}, errTooDeep
		}
		v := Value{Kind: Array, Items: make([]Value, len(x))}
		for i, item := range x {
			var err error
			if v.Items[i], err = fromAny(item, depth+1); err != nil {
				return Value{}, err
			}
		}
		return v, nil
	case map[string]any:
		if depth >= MaxDepth {
			return Value{}, errTooDeep
		}
		v := Value{Kind: Object, Members: make([]Member, 0, len(x))}
		for _, name := range slices.Sorted(maps.Keys(x)) {
			member, err := fromAny(x[name], depth+1)
			if err != nil {
				return Value{}, err
			}
			v.Members = append(v.Members, Member{Name: name, Value: member})
		}
		return v, nil
	}
	return Value{}, fmt.Errorf("jsonvalue: unsupported type %T", x)
}

var errTooDeep = fmt.Errorf("jsonvalue: nested deeper than %d levels", MaxDepth)

// ToAny converts v to the tree encoding/json decodes the same document into
// with UseNumber: nil, bool, string, json.Number (the literal as written),
// []any and map[string]any. Empty arrays and objects become empty, non-nil
// slices and maps, as in encoding/json.
func (v Value) ToAny() any {
	switch v.kind() {
	case Bool:
		return v.Bool
	case Number:
		return json.Number(v.Num.Literal())
	case String:
		return v.Str
	case Array:
		elems := v.Elems()
		items := make([]any, len(elems))
		for i, item := range elems {
			items[i] = item.ToAny()
		}
		return items
	case Object:
		fields := v.Fields()
		m := make(map[string]any, len(fields))
		for _, member := range fields {
			m[member.Name] = member.Value.ToAny()
		}
		return m
	}
	return nil
}
