// Package framing splits archives of Amazon Pinpoint events into records,
// the bytes of one top-level JSON value each, without decoding them: a
// separate decoder turns the records into events. It reads inputs of any
// size in bounded memory, and it keeps going past corrupt records, because
// years of archives always contain some.
//
// # Formats
//
// Four layouts are recognised, each either plain or gzip-compressed; gzip
// is detected by its magic bytes 0x1f 0x8b, and a stream of several gzip
// members (as concatenating .gz files produces) is read through to the end.
// Their names (Format.String, ParseFormat) are:
//
//   - concatenated: values one after another, separated by optional
//     whitespace or by nothing. This covers the concatenated JSON written
//     by Kinesis Data Firehose ({...}{...} with no delimiter at all),
//     compact or pretty-printed, and NDJSON (one object per line, ending in
//     "\n" or "\r\n", blank lines allowed), whose cut lines are told apart
//     from the lines after them (see below). A top-level array is one
//     record.
//   - ndjson: one record per line. A line that is not exactly one value,
//     with only whitespace around it, is one error record, whatever is
//     wrong with it (cut short, a mismatched bracket, a second value, a
//     value followed by garbage), and never runs into the next line. A
//     line longer than MaxRecordBytes is an error record too.
//   - array: one or more JSON arrays, one after another, whose elements are
//     the records, compact or pretty-printed, streamed element by element
//     however large the arrays are.
//   - auto, the default: concatenated, except that a top-level '[' that
//     begins a JSON array is read as in array, and reading goes back to
//     values one after another after its ']'. Arrays back to back (`cat
//     a.json b.json`), an array followed by NDJSON lines or {...} objects,
//     and NDJSON followed by an array are all read in full. Whether a '['
//     begins an array is decided on the 64 bytes after it: after optional
//     whitespace they must hold ']', a value starting with '{', '[' or '"',
//     or a number, true, false or null followed by ',' or ']' (or end
//     before that is decided). Otherwise, as for a log line "[INFO]
//     export ...", the '[' begins a garbage record that runs to the next
//     '{', '[' or newline, and the records after it are read as usual.
//
// A UTF-8 byte order mark at the very start is skipped. Offsets count
// decompressed bytes, the mark included.
//
// # Framing
//
// A small state machine follows the nesting of {} and [] (with a stack, so
// that mismatched brackets are noticed), strings and escapes. It does not
// validate JSON: a value with bad syntax inside, such as {"a": tru}, is a
// well-framed record that the decoder will reject. Top-level strings,
// numbers, true, false and null are framed as records too, for the decoder
// to reject as not being objects.
//
// # Corruption and resynchronisation
//
// A corrupt stretch of input becomes one record whose Err is a
// *RecordError and whose Data holds the bytes skipped (at most
// MaxRecordBytes of them), so that a caller can write it to a dead-letter
// file; the records after it are framed as usual. The rules, chosen for
// the damage real archives show (writers killed mid-line, concatenated
// files, stray bytes, log lines):
//
//   - A raw newline inside a string cannot occur in valid JSON, so it means
//     the line was cut: the record ends before that newline ("truncated
//     record: a line ended inside a string") and scanning resumes at the
//     next line.
//   - A line cut outside a string, such as {"a":1, "b": followed by a good
//     line {"c":2}, would otherwise swallow the following lines. When a
//     record starts with '{' at the start of a line (the previous record,
//     if any, was followed by a line break), a line inside it that starts
//     with '{' may begin the next record: after spaces or tabs, or, once
//     the record looks pretty-printed (a line inside it starts with '"',
//     '}' or ']'), only at the very start of the line, since
//     pretty-printers indent what is nested. The split is made only once
//     the longer reading has failed: the value started by the '{' is
//     followed by something that cannot continue the enclosing one (not
//     ',', '}' or ']'), or the input ends, or the brackets mismatch, or a
//     limit is exceeded. The record then ends at the line break
//     ("truncated record: line ended inside an object") and the line
//     starting with '{' is a record of its own; runs of cut lines are
//     split the same way, line by line. Valid JSON within the limits is
//     therefore never split. A record nested deeper than MaxDepth is
//     resynchronised the same way, and keeps its "nesting depth exceeds"
//     message.
//   - A closing bracket that does not match the innermost open one ends the
//     record, bracket included ("unexpected '}' inside an array").
//   - Bytes that cannot start a value between records (a stray '}', a comma,
//     binary junk) form one record that runs up to the next '{', '[' or
//     newline, whichever comes first ("garbage between records: ...").
//   - The end of input inside a value gives one record with the partial
//     bytes ("end of input inside an object").
//   - A record longer than MaxRecordBytes is reported with its first
//     MaxRecordBytes bytes ("record exceeds 1048576 bytes"), and the rest of
//     it is skipped by scanning, still following strings and nesting,
//     without being buffered. Nesting deeper than MaxDepth is reported the
//     same way ("nesting depth exceeds 10000").
//
// In ndjson, every line break outside a string ends the record, and an
// error found inside a line makes the whole line, up to its line break, one
// error record; there is nothing to resynchronise.
//
// In an array a missing comma makes the element after it an error record
// ("missing ',' before array element"), stray bytes between elements form
// one error record that ends before the next ',', ']', '{', '[' or
// newline, and a comma with no element before it is an error record
// holding the comma. In the array layout, anything but whitespace between
// arrays is one error record that runs up to the next '[' ("expected '['
// at start of array, found ...").
//
// # Errors of the input
//
// An array that the input ends inside (its ']' is missing) has no bytes to
// make a record of. It is reported by Reader.InputErrors as an *InputError
// with the offset of the end of input ("end of input inside the array:
// missing ']'"), and is not counted as a record; an element that the input
// cuts short is an error record besides.
//
// Error records never hide good data that follows them, except in the cases
// the format cannot disambiguate: a value cut short in a stream with no
// line structure (concatenated JSON on one line, or a pretty-printed record
// cut before a next record that is indented) runs on until its brackets
// balance or the input ends, and so does an element cut short inside an
// array, whose following elements look like its members.
//
// # Memory
//
// A Reader holds at most about 2*MaxRecordBytes + 64 KiB, whatever the
// input size: the record being framed, a read-ahead of 64 KiB, and the first
// MaxRecordBytes bytes of an oversized record. gzip adds its own window of
// 32 KiB.
package framing
