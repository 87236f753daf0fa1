// Package jsonwire provides the low-level JSON primitives that generated
// event decoders and encoders are built on.
//
// The Decoder is a pull parser over a complete input held in memory. It
// accepts exactly what encoding/json accepts (RFC 8259): a Skip followed by
// End succeeds if and only if json.Valid reports true for the input, and
// strings are unescaped exactly as json.Unmarshal does it, including the
// replacement of invalid UTF-8 and unpaired surrogate escapes by U+FFFD.
// Nesting deeper than MaxDepth is rejected with a SyntaxError; nothing in
// the package recurses on the input's depth, so no input can overflow the
// stack. Malformed input yields a *SyntaxError and never a panic.
//
// The Decoder is driven by the caller, which must follow the grammar: after
// BeginObject it calls NextMember before each member and reads exactly one
// value for every member reported; after BeginArray it calls NextElement
// before each element and likewise reads one value per element. A value is
// read with one of String, Int64, Float64, Number, Bool, Null, Skip, Raw,
// AppendCompact, or with BeginObject or BeginArray. A method that finds a
// value of another kind than it reads returns a *KindError and consumes
// nothing, so the caller may Peek, Skip, or report the mismatch.
//
// # String memory
//
// Decoder.String returns strings that never alias the input, so callers may
// reuse their input buffers. To keep allocations near one per event, the
// strings are carved out of an append-only arena: a chunk of at least 32 KiB
// that successive strings are appended to, across Reset calls, until it is
// full and a new chunk is allocated. Bytes covered by a returned string are
// never written again. The flip side is that a retained string keeps its
// whole chunk alive: a caller that keeps a few small strings for a long time
// while dropping the rest of the decoded data should clone them
// (strings.Clone) to let the chunk be collected.
//
// # Writing
//
// AppendString, AppendFloat, CloseObject and CloseArray append JSON to a
// byte slice the caller holds, as generated encoders do. Their output for
// strings and float64 values is byte-identical to encoding/json with
// SetEscapeHTML(false).
package jsonwire
