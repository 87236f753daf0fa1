package framing_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/pinpoint-events/pinpoint-events/internal/framing"
)

// rec is a Record reduced to comparable values; msg is the RecordError's
// Msg, empty for a good record.
type rec struct {
	n    int64
	off  int64
	data string
	msg  string
}

func (r rec) String() string {
	if r.msg == "" {
		return fmt.Sprintf("#%d@%d %q", r.n, r.off, r.data)
	}
	return fmt.Sprintf("#%d@%d %q ERR %s", r.n, r.off, r.data, r.msg)
}

// readAll frames input, read through wrap, and returns its records and
// the Reader's Err.
func readAll(t testing.TB, input []byte, opts framing.Options, wrap func(io.Reader) io.Reader) ([]rec, error) {
	t.Helper()
	got, _, err := readAllInputErrors(t, input, opts, wrap)
	return got, err
}

// readAllInputErrors is readAll that also returns the Reader's
// InputErrors, as their Error strings.
func readAllInputErrors(t testing.TB, input []byte, opts framing.Options, wrap func(io.Reader) io.Reader) ([]rec, []string, error) {
	t.Helper()
	var src io.Reader = bytes.NewReader(input)
	if wrap != nil {
		src = wrap(src)
	}
	r, err := framing.NewReader(src, opts)
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	var got []rec
	for r.Next() {
		x := r.Record()
		g := rec{n: x.Number, off: x.Offset, data: string(x.Data)}
		if x.Err != nil {
			var re *framing.RecordError
			if !errors.As(x.Err, &re) {
				t.Fatalf("record %d: Err is %T, want *RecordError", x.Number, x.Err)
			}
			if re.Number != x.Number || re.Offset != x.Offset {
				t.Fatalf("record %d at %d: RecordError says %d at %d", x.Number, x.Offset, re.Number, re.Offset)
			}
			g.msg = re.Msg
		}
		got = append(got, g)
	}
	if r.Record().Data != nil || r.Record().Err != nil {
		t.Fatalf("Record after the end = %+v, want zero", r.Record())
	}
	var inputErrs []string
	for _, e := range r.InputErrors() {
		inputErrs = append(inputErrs, e.Error())
	}
	return got, inputErrs, r.Err()
}

// good and bad build expected records.
func good(n, off int64, data string) rec     { return rec{n, off, data, ""} }
func bad(n, off int64, data, msg string) rec { return rec{n, off, data, msg} }

const (
	msgLineString = "truncated record: a line ended inside a string"
	msgLineObject = "truncated record: line ended inside an object"
	msgLineArray  = "truncated record: line ended inside an array"
)

// pretty1 and pretty2 are pretty-printed records as json.MarshalIndent
// writes them; pretty1 has lines starting with '{' inside it.
const (
	pretty1 = "{\n  \"a\": [\n    {\n      \"b\": 1\n    },\n    {\n      \"c\": \"}{\"\n    }\n  ],\n  \"d\": {\n    \"e\": null\n  }\n}"
	pretty2 = "{\n  \"f\": [\n    1,\n    2\n  ]\n}"
)

type framingTest struct {
	name  string
	input string
	opts  framing.Options
	want  []rec
	// wantInput lists the InputErrors expected, as their Error strings.
	wantInput []string
}

const missingBracket = "end of input inside the array: missing ']'"

// inputErr is the Error string of an InputError.
func inputErr(off int64, msg string) string {
	return fmt.Sprintf("input at byte offset %d: %s", off, msg)
}

// badThenGoodLines is a test of resynchronisation: the stretch bad (which
// may span lines) is one error record with message msg, and each of the n
// lines of NDJSON after it is a good record.
func badThenGoodLines(name, bad, msg string, n int, opts framing.Options) framingTest {
	var b strings.Builder
	b.WriteString(bad + "\n")
	want := []rec{{n: 1, off: 0, data: bad, msg: msg}}
	for i := range n {
		line := fmt.Sprintf(`{"event_type":"_custom.%d","n":[%d]}`, i, i)
		want = append(want, good(int64(i+2), int64(b.Len()), line))
		b.WriteString(line + "\n")
	}
	return framingTest{name: name, input: b.String(), opts: opts, want: want}
}

// withFirstRecord changes what tt expects of its first record, an error
// record: its data and message.
func withFirstRecord(tt framingTest, data, msg string) framingTest {
	tt.want[0].data, tt.want[0].msg = data, msg
	return tt
}

var framingTests = []framingTest{
	// NDJSON.
	{name: "ndjson", input: "{\"a\":1}\n{\"b\":2}\n", want: []rec{
		good(1, 0, `{"a":1}`), good(2, 8, `{"b":2}`)}},
	{name: "ndjson/crlf, blank lines, no final newline", input: "{\"a\":1}\r\n\r\n\n{\"b\":[1,2]}\r\n{\"c\":\"x\"}", want: []rec{
		good(1, 0, `{"a":1}`), good(2, 12, `{"b":[1,2]}`), good(3, 25, `{"c":"x"}`)}},
	{name: "ndjson/leading blank lines and spaces", input: "\n\n  \t{\"a\":1}  \n", want: []rec{
		good(1, 5, `{"a":1}`)}},
	{name: "ndjson/brackets and escapes in strings", input: `{"a":"q\"}{[\\","b":"\\"}` + "\n" + `{"c":"\u00e9\n\\\""}` + "\n", want: []rec{
		good(1, 0, `{"a":"q\"}{[\\","b":"\\"}`), good(2, 26, `{"c":"\u00e9\n\\\""}`)}},
	{name: "empty input", input: "", want: nil},
	{name: "only whitespace", input: " \r\n\t\n", want: nil},

	// Concatenated JSON.
	{name: "concatenated", input: `{"a":1}{"b":2}{"c":{"d":[]}}`, want: []rec{
		good(1, 0, `{"a":1}`), good(2, 7, `{"b":2}`), good(3, 14, `{"c":{"d":[]}}`)}},
	{name: "concatenated/whitespace between", input: "{\"a\":1} {\"b\":2}\t\t{\"c\":3}\r\n \n{}", want: []rec{
		good(1, 0, `{"a":1}`), good(2, 8, `{"b":2}`), good(3, 17, `{"c":3}`), good(4, 28, `{}`)}},
	{name: "concatenated/pretty-printed", input: pretty1 + "\n" + pretty2 + pretty1, want: []rec{
		good(1, 0, pretty1), good(2, int64(len(pretty1)+1), pretty2), good(3, int64(len(pretty1)+1+len(pretty2)), pretty1)}},
	{name: "concatenated/pretty-printed after NDJSON", input: "{\"a\":1}\n" + pretty1 + "\n{\"b\":2}\n", want: []rec{
		good(1, 0, `{"a":1}`), good(2, 8, pretty1), good(3, int64(9+len(pretty1)), `{"b":2}`)}},
	{name: "valid JSON with '{' starting a line is not split", input: "{\"a\":\n{\"b\":1}}\n{}\n{\"c\":[\n{},\n{}\n]}\n{}\n{\"d\":\n{\"e\":\n{}\n}\n,\"f\":\n[]}\n", want: []rec{
		good(1, 0, "{\"a\":\n{\"b\":1}}"), good(2, 15, "{}"), good(3, 18, "{\"c\":[\n{},\n{}\n]}"), good(4, 35, "{}"),
		good(5, 38, "{\"d\":\n{\"e\":\n{}\n}\n,\"f\":\n[]}")}},

	// Top-level scalars.
	{name: "scalars", input: `"s" 12 -1.5e3 true false null {"a":1} "x\"y"`, want: []rec{
		good(1, 0, `"s"`), good(2, 4, `12`), good(3, 7, `-1.5e3`), good(4, 14, `true`), good(5, 19, `false`),
		good(6, 25, `null`), good(7, 30, `{"a":1}`), good(8, 38, `"x\"y"`)}},
	{name: "scalars/unterminated number at the end", input: `{}-12`, want: []rec{
		good(1, 0, `{}`), good(2, 2, `-12`)}},
	{name: "scalars/array in a sequence", input: "{}\n[1,[2]]\n", opts: framing.Options{Format: framing.Concatenated}, want: []rec{
		good(1, 0, `{}`), good(2, 3, `[1,[2]]`)}},

	// Byte order mark.
	{name: "bom", input: "\xef\xbb\xbf{\"a\":1}\n", want: []rec{good(1, 3, `{"a":1}`)}},
	{name: "bom/array", input: "\xef\xbb\xbf [{\"a\":1}]", want: []rec{good(1, 5, `{"a":1}`)}},
	{name: "bom/only part of one", input: "\xef\xbb{}", want: []rec{
		bad(1, 0, "\xef\xbb", `garbage between records: "\xef\xbb"`), good(2, 2, `{}`)}},

	// Arrays.
	{name: "array", input: `[{"a":1},{"b":2}]`, want: []rec{
		good(1, 1, `{"a":1}`), good(2, 9, `{"b":2}`)}},
	{name: "array/pretty-printed", input: "[\n  {\n    \"a\": 1\n  },\n  {\n    \"b\": [\n      1,\n      2\n    ]\n  }\n]\n", want: []rec{
		good(1, 4, "{\n    \"a\": 1\n  }"), good(2, 24, "{\n    \"b\": [\n      1,\n      2\n    ]\n  }")}},
	{name: "array/empty", input: `[]`, want: nil},
	{name: "array/empty with whitespace", input: " \n[ \r\n ] \n", want: nil},
	{name: "array/nested arrays and scalars", input: `[[1,[2]],{"a":[[]]}, "s]" ,3,true,-0.5]`, want: []rec{
		good(1, 1, `[1,[2]]`), good(2, 9, `{"a":[[]]}`), good(3, 21, `"s]"`), good(4, 27, `3`),
		good(5, 29, `true`), good(6, 34, `-0.5`)}},
	{name: "array/forced on a sequence", input: "{\"a\":1}\n[1]", opts: framing.Options{Format: framing.Array}, want: []rec{
		bad(1, 0, "{\"a\":1}", `expected '[' at start of array, found "{\"a\":1}"`), good(2, 9, `1`)}},
	{name: "sequence/forced on an array", input: `[1,{"a":2}]`, opts: framing.Options{Format: framing.Concatenated}, want: []rec{
		good(1, 0, `[1,{"a":2}]`)}},

	// Corruption in a sequence: strings cut by newlines.
	{name: "newline in string", input: "{\"a\":\"abc\n{\"b\":1}\n", want: []rec{
		bad(1, 0, `{"a":"abc`, msgLineString), good(2, 10, `{"b":1}`)}},
	{name: "newline in string/crlf", input: "{\"a\":\"abc\r\n{\"b\":1}\r\n", want: []rec{
		bad(1, 0, `{"a":"abc`, msgLineString), good(2, 11, `{"b":1}`)}},
	{name: "newline in string/after backslash", input: "{\"a\":\"abc\\\n{\"b\":1}\n", want: []rec{
		bad(1, 0, `{"a":"abc\`, msgLineString), good(2, 11, `{"b":1}`)}},
	{name: "newline in string/top-level string", input: "\"abc\n\"d\"", want: []rec{
		bad(1, 0, `"abc`, msgLineString), good(2, 5, `"d"`)}},
	{name: "newline in string/pretty-printed stream", input: "{\n  \"a\": \"x\n  \"b\": 1\n}\n{}", want: []rec{
		bad(1, 0, "{\n  \"a\": \"x", msgLineString), good(2, 14, `"b"`),
		bad(3, 17, `: 1`, `garbage between records: ": 1"`),
		bad(4, 21, `}`, "unexpected '}' outside a value"), good(5, 23, `{}`)}},

	// Corruption in a sequence: NDJSON lines cut outside strings.
	{name: "cut line", input: "{\"a\":1, \"b\":\n{\"c\":2}\n", want: []rec{
		bad(1, 0, `{"a":1, "b":`, msgLineObject), good(2, 13, `{"c":2}`)}},
	{name: "cut line/followed by more lines", input: "{\"a\":1}\n{\"a\":1, \"b\":\n{\"c\":2}\n{\"d\":3}\n", want: []rec{
		good(1, 0, `{"a":1}`), bad(2, 8, `{"a":1, "b":`, msgLineObject), good(3, 21, `{"c":2}`), good(4, 29, `{"d":3}`)}},
	{name: "cut line/crlf", input: "{\"a\":[1,\r\n{\"c\":2}\r\n", want: []rec{
		bad(1, 0, `{"a":[1,`, msgLineArray), good(2, 10, `{"c":2}`)}},
	{name: "cut line/indented next line and blank lines", input: "{\"a\":{\"b\":\n\n \t{\"c\":2}\n", want: []rec{
		bad(1, 0, `{"a":{"b":`, msgLineObject), good(2, 14, `{"c":2}`)}},
	{name: "cut line/right after the brace", input: "{\n{\"c\":2}\n", want: []rec{
		bad(1, 0, `{`, msgLineObject), good(2, 2, `{"c":2}`)}},
	{name: "cut line/next line cut too", input: "{\"a\":\n{\"b\":\n{\"c\":1}\n{\"d\":1}\n", want: []rec{
		bad(1, 0, `{"a":`, msgLineObject), bad(2, 6, `{"b":`, msgLineObject), good(3, 12, `{"c":1}`), good(4, 20, `{"d":1}`)}},
	{name: "cut line/next line cut in a string", input: "{\"a\":\n{\"b\":\"x\n{\"c\":1}\n", want: []rec{
		bad(1, 0, `{"a":`, msgLineObject), bad(2, 6, `{"b":"x`, msgLineString), good(3, 14, `{"c":1}`)}},
	{name: "cut line/last line", input: "{\"a\":1}\n{\"b\":\n{\"c\":1}", want: []rec{
		good(1, 0, `{"a":1}`), bad(2, 8, `{"b":`, msgLineObject), good(3, 14, `{"c":1}`)}},
	{name: "cut line/followed by garbage line", input: "{\"a\":\nxyz\n{\"c\":1}\n{\"d\":1}\n", want: []rec{
		bad(1, 0, "{\"a\":\nxyz", msgLineObject), good(2, 10, `{"c":1}`), good(3, 18, `{"d":1}`)}},
	{name: "cut line/followed by mismatched line", input: "{\"a\":\n{\"b\":[}\n{\"c\":1}\n", want: []rec{
		bad(1, 0, `{"a":`, msgLineObject), bad(2, 6, `{"b":[}`, "unexpected '}' inside an array"), good(3, 14, `{"c":1}`)}},
	{name: "cut line/followed by end of input", input: "{\"a\":\n{\"b\":", want: []rec{
		bad(1, 0, `{"a":`, msgLineObject), bad(2, 6, `{"b":`, "end of input inside an object")}},
	badThenGoodLines("cut line/then a line starting with '\"'", "{\"event_version\":\"3.1\",\"event_timestamp\":17\n\"x\"", msgLineObject, 50, framing.Options{}),
	badThenGoodLines("cut line/then lines starting with ']' and '\"'", "{\"a\":[1,\n  ]\n\"c\"", msgLineObject, 5, framing.Options{}),
	{name: "cut line/pretty-printed stream", input: "{\n  \"f\": [\n    1,\n" + pretty1 + "\n" + pretty2, want: []rec{
		bad(1, 0, "{\n  \"f\": [\n    1,", msgLineArray), good(2, 18, pretty1), good(3, int64(19+len(pretty1)), pretty2)}},
	{name: "cut line/pretty-printed without indentation is not split", input: "{\n\"a\": [\n{\n\"b\": 1\n}\n]\n}\n{\n\"c\": {\n}\n}", want: []rec{
		good(1, 0, "{\n\"a\": [\n{\n\"b\": 1\n}\n]\n}"), good(2, 24, "{\n\"c\": {\n}\n}")}},
	{name: "cut line/not after a concatenated record", input: "{}{\"a\":\n{\"b\":1}\n", want: []rec{
		good(1, 0, `{}`), bad(2, 2, "{\"a\":\n{\"b\":1}", "end of input inside an object")}},
	{name: "cut line/not in a pretty-printed record", input: "{\n  \"a\": [\n    {\"b\":1}\n", want: []rec{
		bad(1, 0, "{\n  \"a\": [\n    {\"b\":1}", "end of input inside an array")}},
	{name: "cut line/not in a top-level array", input: "[1,\n{\"b\":1}\n", want: []rec{
		good(1, 1, `1`), good(2, 4, `{"b":1}`)}, wantInput: []string{inputErr(12, missingBracket)}},

	// Corruption in a sequence: garbage and stray brackets.
	{name: "garbage line", input: "xyz\n{\"a\":1}\n", want: []rec{
		bad(1, 0, `xyz`, `garbage between records: "xyz"`), good(2, 4, `{"a":1}`)}},
	{name: "garbage before a brace", input: "{}xyz {\"a\":1}x[1]", opts: framing.Options{Format: framing.Concatenated}, want: []rec{
		good(1, 0, `{}`), bad(2, 2, `xyz`, `garbage between records: "xyz"`), good(3, 6, `{"a":1}`),
		bad(4, 13, `x`, `garbage between records: "x"`), good(5, 14, `[1]`)}},
	{name: "garbage/stray closing brace", input: "{\"a\":1}}\n{\"b\":2}\n", want: []rec{
		good(1, 0, `{"a":1}`), bad(2, 7, `}`, "unexpected '}' outside a value"), good(3, 9, `{"b":2}`)}},
	{name: "garbage/stray closing bracket", input: "] ]\r\n{}", want: []rec{
		bad(1, 0, `] ]`, "unexpected ']' outside a value"), good(2, 5, `{}`)}},
	{name: "garbage/commas", input: "{},\n{},{}", want: []rec{
		good(1, 0, `{}`), bad(2, 2, `,`, `garbage between records: ","`), good(3, 4, `{}`),
		bad(4, 6, `,`, `garbage between records: ","`), good(5, 7, `{}`)}},
	{name: "garbage/words that are not literals", input: "nul\ntruex\nfalsehood\nnull", want: []rec{
		bad(1, 0, `nul`, `garbage between records: "nul"`), bad(2, 4, `truex`, `garbage between records: "truex"`),
		bad(3, 10, `falsehood`, `garbage between records: "falsehood"`), good(4, 20, `null`)}},
	{name: "garbage/binary", input: "\x00\x00\xff\x01\n{}", want: []rec{
		bad(1, 0, "\x00\x00\xff\x01", `garbage between records: "\x00\x00\xff\x01"`), good(2, 5, `{}`)}},
	{name: "garbage/long is quoted in part", input: strings.Repeat("x", 40) + "\n", want: []rec{
		bad(1, 0, strings.Repeat("x", 40), `garbage between records: "`+strings.Repeat("x", 32)+`"...`)}},
	{name: "mismatched bracket", input: "{\"a\":[}\n{\"b\":1}\n", want: []rec{
		bad(1, 0, `{"a":[}`, "unexpected '}' inside an array"), good(2, 8, `{"b":1}`)}},
	{name: "mismatched bracket/concatenated", input: `{"a":{"b":1]}{"c":1}`, want: []rec{
		bad(1, 0, `{"a":{"b":1]`, "unexpected ']' inside an object"),
		bad(2, 12, `}`, "unexpected '}' outside a value"), good(3, 13, `{"c":1}`)}},

	// Corruption in a sequence: end of input.
	{name: "end of input inside an array", input: "{\"a\":1}\n{\"b\":[1,\n", want: []rec{
		good(1, 0, `{"a":1}`), bad(2, 8, `{"b":[1,`, "end of input inside an array")}},
	{name: "end of input inside an object", input: `{"a":`, want: []rec{
		bad(1, 0, `{"a":`, "end of input inside an object")}},
	{name: "end of input inside a string", input: `{"a":"x`, want: []rec{
		bad(1, 0, `{"a":"x`, "end of input inside a string")}},
	{name: "end of input after a backslash", input: `{"a":"x\`, want: []rec{
		bad(1, 0, `{"a":"x\`, "end of input inside a string")}},
	{name: "end of input inside a top-level string", input: `{} "abc`, want: []rec{
		good(1, 0, `{}`), bad(2, 3, `"abc`, "end of input inside a string")}},
	{name: "end of input/concatenated swallows", input: `{"a":{"b":1}{"c":2}`, want: []rec{
		bad(1, 0, `{"a":{"b":1}{"c":2}`, "end of input inside an object")}},

	// Size limit.
	{name: "oversized", input: "{\"a\":\"0123456789abcdef\"}\n{\"b\":1}\n", opts: framing.Options{MaxRecordBytes: 16}, want: []rec{
		bad(1, 0, `{"a":"0123456789`, "record exceeds 16 bytes"), good(2, 25, `{"b":1}`)}},
	{name: "oversized/by one byte", input: `{"a":"01234567"}{"a":"0123456"}`, opts: framing.Options{MaxRecordBytes: 15}, want: []rec{
		bad(1, 0, `{"a":"01234567"`, "record exceeds 15 bytes"), good(2, 16, `{"a":"0123456"}`)}},
	{name: "oversized/brackets in the skipped part", input: "[\"]]]\",[[[]]],{\"x\":\"}}\"}]\n[1]", opts: framing.Options{Format: framing.Concatenated, MaxRecordBytes: 4}, want: []rec{
		bad(1, 0, `["]]`, "record exceeds 4 bytes"), good(2, 26, `[1]`)}},
	{name: "oversized/then cut in a string", input: "{\"a\":\"0123456789\n{}", opts: framing.Options{MaxRecordBytes: 8}, want: []rec{
		bad(1, 0, `{"a":"01`, "record exceeds 8 bytes"), good(2, 17, `{}`)}},
	{name: "oversized/then cut line", input: "{\"a\":[1,2,3,4,5,\n{\"b\":1}\n", opts: framing.Options{MaxRecordBytes: 8}, want: []rec{
		bad(1, 0, `{"a":[1,`, "record exceeds 8 bytes"), good(2, 17, `{"b":1}`)}},
	{name: "oversized/cut line decided at the limit", input: "{\"a\":\n{\"b\":[1,2,3,4,5,6]}", opts: framing.Options{MaxRecordBytes: 12}, want: []rec{
		bad(1, 0, `{"a":`, msgLineObject), bad(2, 6, `{"b":[1,2,3,`, "record exceeds 12 bytes")}},
	{name: "oversized/number", input: "123456789 1", opts: framing.Options{MaxRecordBytes: 4}, want: []rec{
		bad(1, 0, `1234`, "record exceeds 4 bytes"), good(2, 10, `1`)}},
	{name: "oversized/garbage", input: "abcdefghij\n{}", opts: framing.Options{MaxRecordBytes: 4}, want: []rec{
		bad(1, 0, `abcd`, `garbage between records: "abcd"`), good(2, 11, `{}`)}},
	{name: "oversized/literal", input: "false true", opts: framing.Options{MaxRecordBytes: 4}, want: []rec{
		bad(1, 0, `fals`, "record exceeds 4 bytes"), good(2, 6, `true`)}},
	{name: "oversized/end of input", input: `{"a":"0123456789`, opts: framing.Options{MaxRecordBytes: 8}, want: []rec{
		bad(1, 0, `{"a":"01`, "record exceeds 8 bytes")}},
	{name: "oversized/array element", input: `[{"a":"0123456789"},{}]`, opts: framing.Options{MaxRecordBytes: 8}, want: []rec{
		bad(1, 1, `{"a":"01`, "record exceeds 8 bytes"), good(2, 20, `{}`)}},
	{name: "oversized/after an array", input: `[] 0123456789`, opts: framing.Options{MaxRecordBytes: 4}, want: []rec{
		bad(1, 3, `0123`, "record exceeds 4 bytes")}},

	// Nesting depth.
	{name: "too deep", input: strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + "{}", opts: framing.Options{Format: framing.Concatenated}, want: []rec{
		bad(1, 0, strings.Repeat("[", 10001)+strings.Repeat("]", 10001), "nesting depth exceeds 10000"), good(2, 20002, `{}`)}},
	badThenGoodLines("too deep/one line, then NDJSON", `{"a":`+strings.Repeat("[", 10000), "nesting depth exceeds 10000", 20, framing.Options{}),
	badThenGoodLines("too deep/two lines, then NDJSON", `{"a":`+strings.Repeat("[", 10000)+"\n[[[1,", "nesting depth exceeds 10000", 20, framing.Options{}),
	withFirstRecord(badThenGoodLines("too deep/over the size limit, then NDJSON", `{"a":`+strings.Repeat("[", 10010), "", 20, framing.Options{MaxRecordBytes: 8000}),
		`{"a":`+strings.Repeat("[", 7995), "record exceeds 8000 bytes"),
	{name: "too deep/a nested '{' line goes on in the record", input: "{\"a\":" + strings.Repeat("[", 10000) + "\n{\"b\":[1]}" + strings.Repeat("]", 10000) + "}\n{}", want: []rec{
		bad(1, 0, "{\"a\":"+strings.Repeat("[", 10000)+"\n{\"b\":[1]}"+strings.Repeat("]", 10000)+"}", "nesting depth exceeds 10000"),
		good(2, 20017, `{}`)}},
	{name: "too deep/mismatch in a '{' line", input: "{\"a\":" + strings.Repeat("[", 10000) + "\n{\"b\":[}\n{}", want: []rec{
		bad(1, 0, "{\"a\":"+strings.Repeat("[", 10000), "nesting depth exceeds 10000"),
		bad(2, 10006, `{"b":[}`, "unexpected '}' inside an array"), good(3, 10014, `{}`)}},
	{name: "deep enough", input: strings.Repeat("[", 10000) + strings.Repeat("]", 10000), opts: framing.Options{Format: framing.Concatenated}, want: []rec{
		good(1, 0, strings.Repeat("[", 10000)+strings.Repeat("]", 10000))}},

	// Corruption in an array.
	{name: "array/missing comma", input: `[{"a":1} {"b":2}, {"c":3}]`, want: []rec{
		good(1, 1, `{"a":1}`), bad(2, 9, `{"b":2}`, "missing ',' before array element"), good(3, 18, `{"c":3}`)}},
	{name: "array/stray token", input: `[{"a":1}, xyz, {"b":2}]`, want: []rec{
		good(1, 1, `{"a":1}`), bad(2, 10, `xyz`, `garbage between records: "xyz"`), good(3, 15, `{"b":2}`)}},
	{name: "array/stray token without commas", input: `[{"a":1} xyz {"b":2}]`, want: []rec{
		good(1, 1, `{"a":1}`), bad(2, 9, `xyz`, `garbage between records: "xyz"`), good(3, 13, `{"b":2}`)}},
	{name: "array/stray closing brace", input: `[{"a":1}}, {"b":2}]`, want: []rec{
		good(1, 1, `{"a":1}`), bad(2, 8, `}`, "unexpected '}' outside a value"), good(3, 11, `{"b":2}`)}},
	{name: "array/commas", input: `[,1,,2,]`, opts: framing.Options{Format: framing.Array}, want: []rec{
		bad(1, 1, `,`, "unexpected ',' in array"), good(2, 2, `1`), bad(3, 4, `,`, "unexpected ',' in array"),
		good(4, 5, `2`), bad(5, 6, `,`, "trailing ',' before ']'")}},
	{name: "array/missing closing bracket", input: "[{\"a\":1}, {\"b\":2}\n", want: []rec{
		good(1, 1, `{"a":1}`), good(2, 10, `{"b":2}`)}, wantInput: []string{inputErr(18, missingBracket)}},
	{name: "array/missing closing bracket, forced", input: "[{\"a\":1}, {\"b\":2}\n", opts: framing.Options{Format: framing.Array}, want: []rec{
		good(1, 1, `{"a":1}`), good(2, 10, `{"b":2}`)}, wantInput: []string{inputErr(18, missingBracket)}},
	{name: "array/only the opening bracket", input: "[", want: nil, wantInput: []string{inputErr(1, missingBracket)}},
	{name: "array/end of input inside an element and the array", input: `[{"a":1},{"b":`, want: []rec{
		good(1, 1, `{"a":1}`), bad(2, 9, `{"b":`, "end of input inside an object")}, wantInput: []string{inputErr(14, missingBracket)}},
	{name: "array/mismatched bracket in an element", input: `[{"a":[}, {"b":1}]`, want: []rec{
		bad(1, 1, `{"a":[}`, "unexpected '}' inside an array"), good(2, 10, `{"b":1}`)}},
	{name: "array/newline in a string", input: "[\n{\"a\":\"x\n},\n{\"b\":1}\n]", want: []rec{
		bad(1, 2, `{"a":"x`, msgLineString), bad(2, 10, `}`, "unexpected '}' outside a value"), good(3, 13, `{"b":1}`)}},
}

// layoutTests cover the layouts beyond a plain sequence: Auto reading
// arrays one after another amid other values, and NDJSON's line framing.
var layoutTests = []framingTest{
	// Auto: arrays one after another, and what follows them.
	{name: "auto/arrays back to back", input: `[{"a":1},{"b":2}][{"c":3}]`, want: []rec{
		good(1, 1, `{"a":1}`), good(2, 9, `{"b":2}`), good(3, 18, `{"c":3}`)}},
	{name: "auto/arrays on lines", input: "[1,2]\n[3]\r\n", want: []rec{
		good(1, 1, `1`), good(2, 3, `2`), good(3, 7, `3`)}},
	{name: "auto/two pretty-printed arrays", input: "[\n  {\"a\": 1}\n]\n[\n  {\"b\": 2}\n]\n", want: []rec{
		good(1, 4, `{"a": 1}`), good(2, 19, `{"b": 2}`)}},
	{name: "auto/empty arrays", input: "[][ ]\n[\n]", want: nil},
	{name: "auto/array then NDJSON", input: "[{\"a\":1}]\n{\"b\":2}\n{\"c\":3}\n", want: []rec{
		good(1, 1, `{"a":1}`), good(2, 10, `{"b":2}`), good(3, 18, `{"c":3}`)}},
	{name: "auto/array then concatenated objects", input: `[{"a":1}]{"b":2}{"c":3}`, want: []rec{
		good(1, 1, `{"a":1}`), good(2, 9, `{"b":2}`), good(3, 16, `{"c":3}`)}},
	{name: "auto/NDJSON then an array", input: "{\"a\":1}\n[{\"b\":2}, 3]\n", want: []rec{
		good(1, 0, `{"a":1}`), good(2, 9, `{"b":2}`), good(3, 18, `3`)}},
	{name: "auto/scalars and literals in an array", input: "[1, true ,null,-2.5e1,\"s\"]", want: []rec{
		good(1, 1, `1`), good(2, 4, `true`), good(3, 10, `null`), good(4, 15, `-2.5e1`), good(5, 22, `"s"`)}},
	{name: "auto/array cut by the end of input", input: "[1,\n[2,", want: []rec{
		good(1, 1, `1`), bad(2, 4, `[2,`, "end of input inside an array")}, wantInput: []string{inputErr(7, missingBracket)}},
	badThenGoodLines("auto/log line starting with '[', then NDJSON", "[INFO] export of 20 events", `garbage between records: "[INFO] export of 20 events"`, 20, framing.Options{}),
	{name: "auto/log line with a timestamp", input: "[2024-05-01 12:00:00] start\n{\"a\":1}\n", want: []rec{
		bad(1, 0, `[2024-05-01 12:00:00] start`, `garbage between records: "[2024-05-01 12:00:00] start"`), good(2, 28, `{"a":1}`)}},
	{name: "auto/log line with a word like a literal", input: "[nothing]\n[null]\n[true false]\n{}", want: []rec{
		bad(1, 0, `[nothing]`, `garbage between records: "[nothing]"`), good(2, 11, `null`),
		bad(3, 17, `[true false]`, `garbage between records: "[true false]"`), good(4, 30, `{}`)}},
	{name: "auto/log line with JSON in it", input: "[INFO] {\"a\":1}\n", want: []rec{
		bad(1, 0, `[INFO]`, `garbage between records: "[INFO]"`), good(2, 7, `{"a":1}`)}},
	{name: "auto/commas are not an array", input: "[,1,,2,]\n{}", want: []rec{
		bad(1, 0, `[,1,,2,]`, `garbage between records: "[,1,,2,]"`), good(2, 9, `{}`)}},
	{name: "auto/decided on 64 bytes", input: "[" + strings.Repeat(" ", 63) + "x]\n[" + strings.Repeat(" ", 64) + "x]\n{}", want: []rec{
		bad(1, 0, "["+strings.Repeat(" ", 63)+"x]", `garbage between records: "[`+strings.Repeat(" ", 31)+`"...`),
		bad(2, 132, `x`, `garbage between records: "x"`), good(3, 135, `{}`)}},

	// Array: one or more arrays.
	{name: "array/several, with garbage between", input: "[1][2] x [3]\n", opts: framing.Options{Format: framing.Array}, want: []rec{
		good(1, 1, `1`), good(2, 4, `2`), bad(3, 7, `x`, `expected '[' at start of array, found "x"`), good(4, 10, `3`)}},
	{name: "array/a log line is no array", input: "[INFO] x\n[1]", opts: framing.Options{Format: framing.Array}, want: []rec{
		bad(1, 1, `INFO`, `garbage between records: "INFO"`), bad(2, 7, `x`, `expected '[' at start of array, found "x"`), good(3, 10, `1`)}},

	// NDJSON: one record per line.
	{name: "ndjson/lines", input: "{\"a\":1}\n{\"b\":2}\r\n\n  {\"c\":3}  \n[1,2]\n\"s\"\n", opts: framing.Options{Format: framing.NDJSON}, want: []rec{
		good(1, 0, `{"a":1}`), good(2, 8, `{"b":2}`), good(3, 20, `{"c":3}`), good(4, 30, `[1,2]`), good(5, 36, `"s"`)}},
	{name: "ndjson/cut line", input: "{\"a\":\n{\"b\":1}\n", opts: framing.Options{Format: framing.NDJSON}, want: []rec{
		bad(1, 0, `{"a":`, msgLineObject), good(2, 6, `{"b":1}`)}},
	{name: "ndjson/cut line, then a line starting with '\"'", input: "{\"v\":\"3.1\",\"t\":17\n\"x\"\n{}\n", opts: framing.Options{Format: framing.NDJSON}, want: []rec{
		bad(1, 0, `{"v":"3.1","t":17`, msgLineObject), good(2, 18, `"x"`), good(3, 22, `{}`)}},
	{name: "ndjson/cut line in a string", input: "{\"a\":\"x\r\n{}", opts: framing.Options{Format: framing.NDJSON}, want: []rec{
		bad(1, 0, `{"a":"x`, msgLineString), good(2, 9, `{}`)}},
	{name: "ndjson/two values on a line", input: "{\"a\":1}{\"b\":2}\n{}", opts: framing.Options{Format: framing.NDJSON}, want: []rec{
		bad(1, 0, `{"a":1}{"b":2}`, "data after the value on its line"), good(2, 15, `{}`)}},
	{name: "ndjson/value then garbage", input: "{\"a\":1} xyz \n12ab\n-\n3", opts: framing.Options{Format: framing.NDJSON}, want: []rec{
		bad(1, 0, `{"a":1} xyz`, "data after the value on its line"), bad(2, 13, `12ab`, "data after the value on its line"),
		bad(3, 18, `-`, `garbage between records: "-"`), good(4, 20, `3`)}},
	{name: "ndjson/garbage runs to the end of the line", input: "xyz {\"a\":1}\n{}", opts: framing.Options{Format: framing.NDJSON}, want: []rec{
		bad(1, 0, `xyz {"a":1}`, `garbage between records: "xyz {\"a\":1}"`), good(2, 12, `{}`)}},
	{name: "ndjson/mismatched bracket", input: "{\"a\":[}, \"b\":2}\n}\n{}", opts: framing.Options{Format: framing.NDJSON}, want: []rec{
		bad(1, 0, `{"a":[}, "b":2}`, "unexpected '}' inside an array"), bad(2, 16, `}`, "unexpected '}' outside a value"), good(3, 18, `{}`)}},
	{name: "ndjson/pretty-printed is an error per line", input: pretty2, opts: framing.Options{Format: framing.NDJSON}, want: []rec{
		bad(1, 0, `{`, msgLineObject), bad(2, 4, `"f": [`, "data after the value on its line"), bad(3, 15, `1,`, "data after the value on its line"),
		good(4, 22, `2`), bad(5, 26, `]`, "unexpected ']' outside a value"), bad(6, 28, `}`, "unexpected '}' outside a value")}},
	{name: "ndjson/oversized line", input: "{\"a\":\"0123456789\"}\n{}\n{} " + strings.Repeat(" ", 10) + "\n", opts: framing.Options{Format: framing.NDJSON, MaxRecordBytes: 8}, want: []rec{
		bad(1, 0, `{"a":"01`, "record exceeds 8 bytes"), good(2, 19, `{}`), bad(3, 22, `{}      `, "record exceeds 8 bytes")}},
	{name: "ndjson/oversized line cut", input: "{\"a\":\"0123456789\n{}", opts: framing.Options{Format: framing.NDJSON, MaxRecordBytes: 8}, want: []rec{
		bad(1, 0, `{"a":"01`, "record exceeds 8 bytes"), good(2, 17, `{}`)}},
	{name: "ndjson/end of input", input: "{}\n{\"a\":", opts: framing.Options{Format: framing.NDJSON}, want: []rec{
		good(1, 0, `{}`), bad(2, 3, `{"a":`, "end of input inside an object")}},
	badThenGoodLines("ndjson/too deep, then lines", `{"a":`+strings.Repeat("[", 10000)+`]`, "nesting depth exceeds 10000", 20, framing.Options{Format: framing.NDJSON}),
	{name: "ndjson/top-level arrays are records", input: "[1,\n2]\n", opts: framing.Options{Format: framing.NDJSON}, want: []rec{
		bad(1, 0, `[1,`, msgLineArray), bad(2, 4, `2]`, "data after the value on its line")}},
}

func init() { framingTests = append(framingTests, layoutTests...) }

// wrappers are the ways of reading an input that must all give the same
// records.
var wrappers = []struct {
	name string
	wrap func(io.Reader) io.Reader
}{
	{"whole", nil},
	{"one byte", iotest.OneByteReader},
	{"half", iotest.HalfReader},
}

func TestFraming(t *testing.T) {
	for _, tt := range framingTests {
		t.Run(tt.name, func(t *testing.T) {
			for _, w := range wrappers {
				got, inputErrs, err := readAllInputErrors(t, []byte(tt.input), tt.opts, w.wrap)
				if err != nil {
					t.Fatalf("%s: Err() = %v", w.name, err)
				}
				checkRecords(t, w.name, got, tt.want)
				checkInputErrors(t, w.name, inputErrs, tt.wantInput)
			}
		})
	}
}

// TestFramingGzip reads every table input compressed, as one gzip member
// and as two concatenated members split in the middle of the input.
func TestFramingGzip(t *testing.T) {
	for _, tt := range framingTests {
		if tt.input == "" {
			continue
		}
		t.Run(tt.name, func(t *testing.T) {
			in := []byte(tt.input)
			half := len(in) / 2
			inputs := map[string][]byte{
				"one member":  gzipped(in),
				"two members": append(gzipped(in[:half]), gzipped(in[half:])...),
			}
			for name, z := range inputs {
				for _, w := range wrappers {
					got, inputErrs, err := readAllInputErrors(t, z, tt.opts, w.wrap)
					if err != nil {
						t.Fatalf("%s, %s: Err() = %v", name, w.name, err)
					}
					checkRecords(t, name+", "+w.name, got, tt.want)
					checkInputErrors(t, name+", "+w.name, inputErrs, tt.wantInput)
				}
			}
		})
	}
}

func checkInputErrors(t *testing.T, how string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s: InputErrors() = %q, want %q", how, got, want)
	}
}

func checkRecords(t *testing.T, how string, got, want []rec) {
	t.Helper()
	if len(got) == len(want) {
		same := true
		for i := range got {
			same = same && got[i] == want[i]
		}
		if same {
			return
		}
	}
	var b strings.Builder
	for i := range max(len(got), len(want)) {
		var g, w string
		if i < len(got) {
			g = got[i].String()
		}
		if i < len(want) {
			w = want[i].String()
		}
		mark := "  "
		if g != w {
			mark = "! "
		}
		fmt.Fprintf(&b, "%sgot  %s\n%swant %s\n", mark, g, mark, w)
	}
	t.Errorf("%s: records differ:\n%s", how, b.String())
}

// TestResyncNDJSON corrupts 10 of 1000 NDJSON lines in different ways and
// checks that each corrupt line is exactly one error record and that all
// 990 good lines come through intact.
func TestResyncNDJSON(t *testing.T) {
	lines := strings.Split(strings.TrimSuffix(string(ndjson(1000)), "\n"), "\n")
	line := lines[0]
	inString := strings.Index(line, `"_email.send"`) + 5
	inSubject := strings.Index(line, "Your order") + 4
	outside := strings.Index(line, `"event_timestamp":`) + len(`"event_timestamp":`)
	inNumber := outside + 5
	corrupt := map[int]string{
		3:   line[:inString],            // cut inside a string
		100: line[:outside],             // cut outside a string, after a colon
		101: line[:inNumber],            // and the next line too, inside a number
		250: "{",                        // cut right after the brace
		400: "this is not json",         // garbage
		401: "\x00\x00\x00\x00\x00\x00", // NUL padding
		500: `{"a":[}`,                  // mismatched bracket
		777: line[:inSubject] + `\`,     // cut after a backslash
		998: "\xff\xfe\x01\x02",         // binary junk
		999: line[:outside] + "\r",      // the last line, cut, with CRLF
	}
	for i, c := range corrupt {
		lines[i] = c
	}
	input := []byte(strings.Join(lines, "\n") + "\n")

	for _, w := range wrappers {
		for _, z := range []bool{false, true} {
			in := input
			if z {
				in = gzipped(input)
			}
			got, err := readAll(t, in, framing.Options{}, w.wrap)
			if err != nil {
				t.Fatalf("Err() = %v", err)
			}
			if len(got) != 1000 {
				t.Fatalf("%s, gzip %v: %d records, want 1000", w.name, z, len(got))
			}
			var off int64
			nbad := 0
			for i, g := range got {
				want := rec{n: int64(i + 1), off: off, data: strings.TrimSuffix(lines[i], "\r")}
				if g.n != want.n || g.off != want.off || g.data != want.data {
					t.Fatalf("%s, gzip %v: got %v, want %v", w.name, z, g, want)
				}
				if _, isBad := corrupt[i]; isBad != (g.msg != "") {
					t.Fatalf("%s, gzip %v: line %d: got %v", w.name, z, i, g)
				}
				if g.msg != "" {
					nbad++
				}
				off += int64(len(lines[i]) + 1)
			}
			if nbad != len(corrupt) {
				t.Fatalf("%d bad records, want %d", nbad, len(corrupt))
			}
		}
	}
}

// TestCutLineThenString is issue 10's item 2 at full size: a cut line, a
// line starting with '"', then 5,000 events of about 1 KB, which together
// are far over the record size limit.
func TestCutLineThenString(t *testing.T) {
	const cut = "{\"event_version\":\"3.1\",\"event_timestamp\":17\n\"x\""
	events := ndjson(5000)
	input := append([]byte(cut+"\n"), events...)
	got, err := readAll(t, input, framing.Options{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 5001 {
		t.Fatalf("%d records, want 5001", len(got))
	}
	if want := bad(1, 0, cut, msgLineObject); got[0] != want {
		t.Errorf("first record %v, want %v", got[0], want)
	}
	off := int64(len(cut) + 1)
	for i, line := range strings.SplitAfter(string(events), "\n")[:5000] {
		if want := good(int64(i+2), off, strings.TrimSuffix(line, "\n")); got[i+1] != want {
			t.Fatalf("got %v, want %v", got[i+1], want)
		}
		off += int64(len(line))
	}
}

func TestNewReaderErrors(t *testing.T) {
	if _, err := framing.NewReader(strings.NewReader("{}"), framing.Options{Format: 7}); err == nil {
		t.Error("unknown format: no error")
	}
	if _, err := framing.NewReader(strings.NewReader("{}"), framing.Options{MaxRecordBytes: -1}); err == nil {
		t.Error("negative MaxRecordBytes: no error")
	}
	if _, err := framing.NewReader(bytes.NewReader([]byte{0x1f, 0x8b, 0, 0, 0}), framing.Options{}); err == nil {
		t.Error("corrupt gzip header: no error")
	}
	boom := errors.New("boom")
	if _, err := framing.NewReader(iotest.ErrReader(boom), framing.Options{}); !errors.Is(err, boom) {
		t.Errorf("failing read: err = %v, want %v", err, boom)
	}
}

func TestReadErrors(t *testing.T) {
	// A read error ends the records, after those framed before it; the
	// record it cuts short is dropped.
	boom := errors.New("boom")
	src := io.MultiReader(strings.NewReader("{\"a\":1}\n{\"b\":"), iotest.ErrReader(boom))
	r, err := framing.NewReader(src, framing.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	for r.Next() {
		n++
	}
	if n != 1 || !errors.Is(r.Err(), boom) {
		t.Errorf("got %d records and Err() = %v, want 1 and %v", n, r.Err(), boom)
	}
	if r.Next() {
		t.Error("Next after an error returned true")
	}

	// A truncated gzip stream is an unexpected EOF.
	z := gzipped(ndjson(100))
	got, err := readAll(t, z[:len(z)/2], framing.Options{}, nil)
	if !errors.Is(err, io.ErrUnexpectedEOF) || len(got) == 0 {
		t.Errorf("truncated gzip: %d records, Err() = %v", len(got), err)
	}

	// A source that never makes progress is reported, not spun on.
	r, err = framing.NewReader(io.MultiReader(strings.NewReader("{}\n{"), emptyReader{}), framing.Options{})
	if err != nil {
		t.Fatal(err)
	}
	n = 0
	for r.Next() {
		n++
	}
	if n != 1 || !errors.Is(r.Err(), io.ErrNoProgress) {
		t.Errorf("got %d records and Err() = %v, want 1 and %v", n, r.Err(), io.ErrNoProgress)
	}
}

// emptyReader returns no bytes and no error, forever.
type emptyReader struct{}

func (emptyReader) Read([]byte) (int, error) { return 0, nil }

func TestRecordError(t *testing.T) {
	r, err := framing.NewReader(strings.NewReader("{}\n}\n"), framing.Options{})
	if err != nil {
		t.Fatal(err)
	}
	r.Next()
	r.Next()
	const want = "record 2 at byte offset 3: unexpected '}' outside a value"
	if err := r.Record().Err; err == nil || err.Error() != want {
		t.Errorf("Err = %v, want %s", err, want)
	}
}

func TestOffset(t *testing.T) {
	input := ndjson(300) // several buffers' worth
	r, err := framing.NewReader(bytes.NewReader(input), framing.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var last int64
	for r.Next() {
		rec := r.Record()
		if o := r.Offset(); o < rec.Offset+int64(len(rec.Data)) || o < last {
			t.Fatalf("Offset() = %d after record %d at %d", o, rec.Number, rec.Offset)
		}
		last = r.Offset()
	}
	if r.Offset() != int64(len(input)) {
		t.Errorf("Offset() at the end = %d, want %d", r.Offset(), len(input))
	}
}

// A line that only starts like a number is one garbage record, not a
// number and then garbage.
func TestNotANumberIsOneGarbageRecord(t *testing.T) {
	r, err := framing.NewReader(strings.NewReader("{\"a\":1}\n--- rotated ---\n-1\n{\"b\":2}\n"), framing.Options{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for r.Next() {
		rec := r.Record()
		got = append(got, fmt.Sprintf("%s|%v", rec.Data, rec.Err != nil))
	}
	want := []string{`{"a":1}|false`, `--- rotated ---|true`, `-1|false`, `{"b":2}|false`}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("records:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestFormatNames(t *testing.T) {
	for f, name := range map[framing.Format]string{framing.Auto: "auto", framing.NDJSON: "ndjson", framing.Concatenated: "concatenated", framing.Array: "array"} {
		got, err := framing.ParseFormat(name)
		if f.String() != name || got != f || err != nil {
			t.Errorf("%d.String() = %q, ParseFormat(%q) = %v, %v", int(f), f.String(), name, got, err)
		}
	}
	if _, err := framing.ParseFormat("sequence"); err == nil || !strings.Contains(err.Error(), "auto, ndjson, concatenated and array") {
		t.Errorf("ParseFormat(\"sequence\"): %v", err)
	}
	if s := framing.Format(7).String(); s != "Format(7)" {
		t.Errorf("Format(7).String() = %q", s)
	}
}
