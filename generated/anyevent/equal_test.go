package anyevent_test

import (
	"reflect"
	"strings"
)

// sameValue is reflect.DeepEqual for decoded events, except for what is not
// part of the value: a member decoded on first access (a LazyT field) is
// compared by what its Get returns, whether it was read yet or not, and an
// empty Rest equals a nil one (a member kept raw and then replaced by a
// later duplicate leaves Rest empty but not nil), and a string that holds a
// JSON document is compared by its text, not by what Decode kept of it.
func sameValue(a, b any) bool {
	return sameReflect(reflect.ValueOf(a), reflect.ValueOf(b))
}

func sameReflect(a, b reflect.Value) bool {
	if !a.IsValid() || !b.IsValid() {
		return a.IsValid() == b.IsValid()
	}
	if a.Type() != b.Type() {
		return false
	}
	switch a.Kind() {
	case reflect.Pointer, reflect.Interface:
		if a.IsNil() || b.IsNil() {
			return a.IsNil() == b.IsNil()
		}
		return sameReflect(a.Elem(), b.Elem())
	case reflect.Struct:
		if _, ok := a.Type().FieldByName("Text"); ok && strings.HasSuffix(a.Type().Name(), "JSON") {
			// A string holding a JSON document: what Decode made of it is a cache.
			return a.FieldByName("Text").String() == b.FieldByName("Text").String()
		}
		if strings.HasPrefix(a.Type().Name(), "Lazy") && a.MethodByName("Get").IsValid() {
			get := func(v reflect.Value) reflect.Value { return v.MethodByName("Get").Call(nil)[0] }
			return sameReflect(get(a), get(b))
		}
		for i := range a.NumField() {
			if !sameReflect(a.Field(i), b.Field(i)) {
				return false
			}
		}
		return true
	case reflect.Slice:
		if a.Type().Name() == "Members" && a.Len() == 0 && b.Len() == 0 {
			return true
		}
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		for i := range a.Len() {
			if !sameReflect(a.Index(i), b.Index(i)) {
				return false
			}
		}
		return true
	case reflect.Map:
		if a.IsNil() != b.IsNil() || a.Len() != b.Len() {
			return false
		}
		for _, k := range a.MapKeys() {
			if !sameReflect(a.MapIndex(k), b.MapIndex(k)) {
				return false
			}
		}
		return true
	case reflect.String:
		return a.String() == b.String()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return a.Int() == b.Int()
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return a.Uint() == b.Uint()
	case reflect.Float32, reflect.Float64:
		return a.Float() == b.Float()
	case reflect.Bool:
		return a.Bool() == b.Bool()
	}
	panic("sameValue: unexpected kind " + a.Kind().String())
}
