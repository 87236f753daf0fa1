package codec

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	pinpointevents "github.com/pinpoint-events/pinpoint-events"
	"github.com/pinpoint-events/pinpoint-events/internal/jsonwire"
)

// inner is a nested struct as generated code reads one: any object fits.
type inner struct {
	A    string
	rest pinpointevents.Members
}

func (in *inner) read(d *Decoder) (bool, error) {
	if ok, err := d.BeginStruct(); !ok {
		return false, err
	}
	in.rest = in.rest[:0]
	for {
		name, more, err := d.NextMember()
		if err != nil || !more {
			return err == nil, err
		}
		if string(name) == "a" {
			var absent uint64
			err = RequiredString(d, &in.A, &in.rest, "a", &absent, 1)
		} else {
			err = Keep(d, &in.rest, name)
		}
		if err != nil {
			return false, err
		}
	}
}

// fields has a field for every function of field.go, decoded the way a
// generated decoder does, absent members cleared at the end.
func readInt64s(dst *[]int64, d *Decoder) (bool, error) { return ReadSlice(dst, d, ReadInt64[int64]) }

type fields struct {
	S      string
	I      int64
	F      float64
	O      inner
	C      string
	B      bool
	absent uint64

	PS *string
	PI *int64
	PF *float64
	PO *inner
	PC *string
	PB *bool
	L  []int64

	rest pinpointevents.Members
}

const (
	bitS = 1 << iota
	bitI
	bitF
	bitO
	bitC
	bitB
)

func (v *fields) read(d *Decoder) (bool, error) {
	if err := d.BeginObject(); err != nil {
		return false, err
	}
	v.rest = v.rest[:0]
	v.absent = bitS | bitI | bitF | bitO | bitC | bitB
	var seen uint64
	for {
		name, more, err := d.NextMember()
		if err != nil {
			return false, err
		}
		if !more {
			Clear(&v.S, v.absent&bitS != 0)
			Clear(&v.I, v.absent&bitI != 0)
			Clear(&v.F, v.absent&bitF != 0)
			Clear(&v.O, v.absent&bitO != 0)
			Clear(&v.C, v.absent&bitC != 0)
			Clear(&v.B, v.absent&bitB != 0)
			Clear(&v.PS, seen&0x1 == 0)
			Clear(&v.PI, seen&0x2 == 0)
			Clear(&v.PF, seen&0x4 == 0)
			Clear(&v.PO, seen&0x8 == 0)
			Clear(&v.PC, seen&0x10 == 0)
			Clear(&v.PB, seen&0x20 == 0)
			Clear(&v.L, seen&0x40 == 0)
			return true, nil
		}
		switch string(name) {
		case "s":
			err = RequiredString(d, &v.S, &v.rest, "s", &v.absent, bitS)
		case "i":
			err = RequiredInt64(d, &v.I, &v.rest, "i", &v.absent, bitI)
		case "f":
			err = RequiredFloat64(d, &v.F, &v.rest, "f", &v.absent, bitF)
		case "o":
			err = RequiredObject(d, &v.O, (*inner).read, &v.rest, "o", &v.absent, bitO)
		case "c":
			err = RequiredConst(d, &v.C, "3.1", &v.rest, "c", &v.absent, bitC)
		case "b":
			err = RequiredField(d, &v.B, ReadBool, &v.rest, "b", &v.absent, bitB)
		case "ps":
			seen |= 0x1
			err = OptionalString(d, &v.PS, &v.rest, "ps")
		case "pi":
			seen |= 0x2
			err = OptionalInt64(d, &v.PI, &v.rest, "pi")
		case "pf":
			seen |= 0x4
			err = OptionalFloat64(d, &v.PF, &v.rest, "pf")
		case "po":
			seen |= 0x8
			err = OptionalObject(d, &v.PO, (*inner).read, &v.rest, "po")
		case "pc":
			seen |= 0x10
			err = OptionalConst(d, &v.PC, "3.1", &v.rest, "pc")
		case "pb":
			seen |= 0x20
			err = OptionalField(d, &v.PB, ReadBool, &v.rest, "pb")
		case "l":
			seen |= 0x40
			err = Member(d, &v.L, readInt64s, &v.rest, "l")
		default:
			err = Keep(d, &v.rest, name)
		}
		if err != nil {
			return false, err
		}
	}
}

// String shows the fields that hold a value, then the raw members, so that a
// table of cases reads like the JSON it decodes. A required field whose bit
// says absent but that is not zero shows as name!.
func (v *fields) String() string {
	var b strings.Builder
	req := func(name string, bit uint64, val any, zero bool) {
		switch {
		case v.absent&bit == 0:
			fmt.Fprintf(&b, "%s=%v ", name, val)
		case !zero:
			fmt.Fprintf(&b, "%s! ", name)
		}
	}
	req("s", bitS, v.S, v.S == "")
	req("i", bitI, v.I, v.I == 0)
	req("f", bitF, v.F, v.F == 0)
	req("o", bitO, v.O.A, v.O.A == "" && len(v.O.rest) == 0)
	req("c", bitC, v.C, v.C == "")
	req("b", bitB, v.B, !v.B)
	opt := func(name string, set bool, val func() any) {
		if set {
			fmt.Fprintf(&b, "%s=%v ", name, val())
		}
	}
	opt("ps", v.PS != nil, func() any { return *v.PS })
	opt("pi", v.PI != nil, func() any { return *v.PI })
	opt("pf", v.PF != nil, func() any { return *v.PF })
	opt("po", v.PO != nil, func() any { return v.PO.A })
	opt("pc", v.PC != nil, func() any { return *v.PC })
	opt("pb", v.PB != nil, func() any { return *v.PB })
	opt("l", v.L != nil, func() any { return v.L })
	for _, m := range v.rest {
		fmt.Fprintf(&b, "rest.%s:%s ", m.Name, m.Value)
	}
	return strings.TrimSpace(b.String())
}

func decodeFields(v *fields, data string) error {
	return DecodeObject([]byte(data), pinpointevents.DecodeOptions{}, v.read)
}

func TestFieldReaders(t *testing.T) {
	for _, c := range []struct {
		name, in, want string
	}{
		{"fast paths", `{"s":"x","i":-3,"f":1.5,"o":{"a":"y"},"c":"3.1","b":true}`, `s=x i=-3 f=1.5 o=y c=3.1 b=true`},
		{"optional fast paths", `{"ps":"x","pi":7,"pf":0.25,"po":{"a":"y"},"pc":"3.1","pb":false,"l":[1,2]}`, `ps=x pi=7 pf=0.25 po=y pc=3.1 pb=false l=[1 2]`},
		{"absent", `{}`, ``},
		{"empty array is not absent", `{"l":[]}`, `l=[]`},
		{"wrong kind goes to Rest", `{"s":1,"i":"1","f":true,"o":[],"c":3.1,"b":0}`, `rest.s:1 rest.i:"1" rest.f:true rest.o:[] rest.c:3.1 rest.b:0`},
		{"optional wrong kind goes to Rest", `{"ps":1,"pi":1.5,"pf":"x","po":1,"pc":3.1,"pb":"t","l":[1,"x"]}`, `rest.ps:1 rest.pi:1.5 rest.pf:"x" rest.po:1 rest.pc:3.1 rest.pb:"t" rest.l:[1,"x"]`},
		{"null goes to Rest", `{"s":null,"ps":null}`, `rest.s:null rest.ps:null`},
		{"integer overflow goes to Rest", `{"i":9223372036854775808,"pi":-9223372036854775809}`, `rest.i:9223372036854775808 rest.pi:-9223372036854775809`},
		{"an integer in exponent form fits", `{"pi":1e3}`, `pi=1000`},
		{"slow path after a raw member", `{"k":1,"s":"x","i":2,"f":3,"o":{"a":"y"},"ps":"z","pi":4,"pf":5,"po":{}}`, `s=x i=2 f=3 o=y ps=z pi=4 pf=5 po= rest.k:1`},
		{"a later fitting duplicate drops the raw one", `{"s":1,"s":"x","ps":1,"ps":"y"}`, `s=x ps=y`},
		{"a later unfit duplicate clears the field", `{"s":"x","s":1,"ps":"y","ps":1}`, `rest.s:1 rest.ps:1`},
	} {
		t.Run(c.name, func(t *testing.T) {
			var v fields
			if err := decodeFields(&v, c.in); err != nil {
				t.Fatal(err)
			}
			if got := v.String(); got != c.want {
				t.Errorf("%s\n got %s\nwant %s", c.in, got, c.want)
			}
		})
	}
}

// Decoding into a used value writes into the memory its optional fields
// point to, and clears what the new input lacks.
func TestFieldReadersReuse(t *testing.T) {
	var v fields
	if err := decodeFields(&v, `{"s":"x","ps":"a","pi":1,"pf":2,"po":{"a":"b"},"l":[1,2,3]}`); err != nil {
		t.Fatal(err)
	}
	ps, pi, pf, po, l := v.PS, v.PI, v.PF, v.PO, &v.L[0]
	if err := decodeFields(&v, `{"ps":"c","pi":3,"pf":4,"po":{"a":"d"},"l":[5]}`); err != nil {
		t.Fatal(err)
	}
	if v.PS != ps || v.PI != pi || v.PF != pf || v.PO != po || &v.L[0] != l {
		t.Error("a field got new memory")
	}
	if got, want := v.String(), `ps=c pi=3 pf=4 po=d l=[5]`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if err := decodeFields(&v, `{"s":"x"}`); err != nil {
		t.Fatal(err)
	}
	if got, want := v.String(), `s=x`; got != want {
		t.Errorf("after a sparse input: got %s, want %s", got, want)
	}
}

func TestFieldReadersErrors(t *testing.T) {
	for _, c := range []struct {
		in     string
		offset int64
	}{
		{`{"s":"\q"}`, 6},
		{`{"ps":"\q"}`, 7},
		{`{"k":1,"s":"\q"}`, 12},
		{`{"i":1x}`, 6},
		{`{"pf":-}`, 7},
		{`{"o":{"a":}}`, 10},
		{`{"po":{"a" "b"}}`, 11},
		{`{"l":[1,]}`, 8},
	} {
		var v fields
		err := decodeFields(&v, c.in)
		var syntax *pinpointevents.SyntaxError
		if !errors.As(err, &syntax) || syntax.Offset != c.offset {
			t.Errorf("%s: %v, want a syntax error at %d", c.in, err, c.offset)
		}
	}
}

func TestConstFields(t *testing.T) {
	for _, c := range []struct {
		in, pointer, got string
	}{
		{`{"c":"3.1","pc":"3.1"}`, "", ""},
		{`{"c":"3.0"}`, "/c", `"3.0"`},
		{`{"k":[],"pc":"x\"y"}`, "/pc", `"x\"y"`},
		{`{"c":3.0,"pc":null}`, "", ""}, // kept raw: Validate reports those
		{`{"c":"1","c":"2"}`, "/c", `"1"`},
	} {
		var v fields
		err := decodeFields(&v, c.in)
		var ce *pinpointevents.ConstError
		switch {
		case c.pointer == "" && err != nil:
			t.Errorf("%s: %v", c.in, err)
		case c.pointer != "" && (!errors.As(err, &ce) || ce.Pointer != c.pointer || ce.Got != c.got || ce.Want != `"3.1"`):
			t.Errorf("%s: %v, want a const error at %s for %s", c.in, err, c.pointer, c.got)
		}
	}
}

func TestClear(t *testing.T) {
	s, p, m := "x", new(int), map[string]int{"a": 1}
	Clear(&s, false)
	Clear(&p, false)
	Clear(&m, false)
	if s != "x" || p == nil || m == nil {
		t.Error("Clear(false) changed a field")
	}
	Clear(&s, true)
	Clear(&p, true)
	Clear(&m, true)
	if s != "" || p != nil || m != nil {
		t.Error("Clear(true) left a value")
	}
}

func TestBeginStruct(t *testing.T) {
	for _, c := range []struct {
		in     string
		ok     bool
		offset int // where the decoder is afterwards
	}{
		{` {"a":1}`, true, 2},
		{` [1]`, false, 1},
		{`"x"`, false, 0},
		{`null`, false, 0},
		{``, false, 0},
	} {
		var d Decoder
		d.Reset([]byte(c.in))
		ok, err := d.BeginStruct()
		if ok != c.ok || err != nil || d.Offset() != c.offset {
			t.Errorf("%q: ok %v, err %v, offset %d; want %v, nil, %d", c.in, ok, err, d.Offset(), c.ok, c.offset)
		}
	}
}

func TestBeginStructTooDeep(t *testing.T) {
	var d Decoder
	d.Reset([]byte(strings.Repeat(`{"a":`, jsonwire.MaxDepth+1)))
	for range jsonwire.MaxDepth {
		if ok, err := d.BeginStruct(); !ok || err != nil {
			t.Fatalf("within the limit: %v, %v", ok, err)
		}
		d.NextMember()
	}
	var syntax *pinpointevents.SyntaxError
	if ok, err := d.BeginStruct(); ok || !errors.As(err, &syntax) {
		t.Errorf("beyond the limit: %v, %v; want a syntax error", ok, err)
	}
}
