// Package framing splits archives of Amazon Pinpoint events into records,
// the bytes of one top-level JSON value each, without decoding them: a
// separate decoder turns the records into events. It reads inputs of any
// size in bounded memory, and it keeps going past corrupt records, because
// years of archives always contain some.
//
// # Formats
//
// Three layouts are recognised, each either plain or gzip-compressed; gzip
// is detected by its magic bytes 0x1f 0x8b, and a stream of several gzip
// members (as concatenating .gz files produces) is read through to the end:
//
//   - a sequence of values separated by optional whitespace. This covers
//     NDJSON (one object per line, ending in "\n" or "\r\n", blank lines
//     allowed) and the concatenated JSON written by Kinesis Data Firehose
//     ({...}{...} with no delimiter at all), compact or pretty-printed;
//   - a single JSON array whose elements are the records, compact or
//     pretty-printed, streamed element by element however large it is;
//   - Auto, the default, which picks the array layout when the first byte
//     other than whitespace is '[' and the sequence layout otherwise.
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
// files, stray bytes):
//
//   - A raw newline inside a string cannot occur in valid JSON, so it means
//     the line was cut: the record ends before that newline ("truncated
//     record: a line ended inside a string") and scanning resumes at the
//     next line.
//   - An NDJSON line cut outside a string, such as {"a":1, "b": followed by
//     a good line {"c":2}, would otherwise swallow the following lines. When
//     the stream looks like NDJSON (the previous record sat alone on its
//     line, or there is none), the record starts with '{', and a line inside
//     it starts with '{' (after spaces or tabs), that '{' may begin the next
//     record. The split is made only once the longer reading has failed: the
//     value started by the '{' is followed by something that cannot continue
//     the enclosing one (not ',', '}' or ']'), or the input ends, or the
//     brackets mismatch, or a limit is exceeded. The record then ends at the
//     line break ("truncated record: line ended inside an object") and the
//     line starting with '{' is a record of its own; runs of cut lines are
//     split the same way, line by line. Valid JSON within the limits is
//     therefore never split, and pretty-printed records, which have a line
//     starting with '"', '}' or ']', are not considered at all.
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
// In the array layout a missing comma makes the element after it an error
// record ("missing ',' before array element"), stray bytes between elements
// form one error record that ends before the next ',', ']', '{', '[' or
// newline, a comma with no element before it is an error record holding
// the comma, anything after the closing ']' is one error record, and an
// input that ends before the closing ']' yields a last error record with no
// data.
//
// Error records never hide good data that follows them, except in the one
// case the format cannot disambiguate: a value cut short in a stream with
// no line structure (concatenated or pretty-printed JSON) runs on until its
// brackets balance or the input ends.
//
// # Memory
//
// A Reader holds at most about 2*MaxRecordBytes + 64 KiB, whatever the
// input size: the record being framed, a read-ahead of 64 KiB, and the first
// MaxRecordBytes bytes of an oversized record. gzip adds its own window of
// 32 KiB.
package framing
