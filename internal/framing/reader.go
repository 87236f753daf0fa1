package framing

import (
	"bytes"
	"compress/gzip"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"math/bits"
	"strconv"
	"strings"
)

// Format is how records are laid out in the input. It is usually left at
// Auto; the explicit values exist for callers that know better, such as
// an NDJSON log whose lines must never run into each other, or an array
// whose first element was lost.
type Format int

const (
	// Auto reads values one after another like Concatenated, except that a
	// top-level '[' that begins a JSON array is read like Array: its
	// elements are the records. So one code path reads NDJSON,
	// concatenated JSON, arrays, arrays one after another, and mixtures
	// of them such as `cat`ted files.
	Auto Format = iota
	// Concatenated reads values one after another, separated by optional
	// whitespace or by nothing, compact or pretty-printed: Firehose's
	// concatenated JSON, and NDJSON, whose cut lines are resynchronised.
	// A top-level array is one record.
	Concatenated
	// Array reads one or more JSON arrays, one after another, and frames
	// their elements, streaming them so that a multi-gigabyte export needs
	// no more memory than its largest element.
	Array
	// NDJSON reads one record per line: a line that is not one complete
	// value (cut short, or followed by more data) is one error record, and
	// never runs into the next line.
	NDJSON
)

// formatNames are the names of the formats, in the order of their values.
var formatNames = [...]string{Auto: "auto", Concatenated: "concatenated", Array: "array", NDJSON: "ndjson"}

// String returns the name of the format, as ParseFormat accepts it.
func (f Format) String() string {
	if f < 0 || int(f) >= len(formatNames) {
		return "Format(" + strconv.Itoa(int(f)) + ")"
	}
	return formatNames[f]
}

// ParseFormat returns the format named name, one of the names String
// returns.
func ParseFormat(name string) (Format, error) {
	for f, n := range formatNames {
		if n == name {
			return Format(f), nil
		}
	}
	return 0, fmt.Errorf("unknown layout %q: valid layouts are auto, ndjson, concatenated and array", name)
}

// DefaultMaxRecordBytes is the record size limit used when
// Options.MaxRecordBytes is zero: 1 MiB, far above real Pinpoint events
// (about 1 KB, rarely some hundreds of KB), yet small enough to bound
// memory when a corrupt input never closes a value.
const DefaultMaxRecordBytes = 1 << 20

// MaxDepth is the deepest nesting of arrays and objects a record may have,
// the limit of encoding/json, so that a record framed here is never
// rejected by the decoder merely for its depth, and a run of '[' cannot
// make the bracket stack grow without bound.
const MaxDepth = 10000

// readChunk is how many bytes a Reader asks its source for at a time, and
// the size of its buffer when records are small.
const readChunk = 64 << 10

// maxChain bounds how many nested candidate records the NDJSON
// resynchronisation follows at once; only pathological input needs more.
const maxChain = 32

// Options tunes a Reader. The zero value is what most callers want.
type Options struct {
	// Format is the layout of the input; Auto detects it.
	Format Format
	// MaxRecordBytes bounds the memory held for one record: a longer record
	// is reported as an error, with its first MaxRecordBytes bytes, and the
	// rest of it is skipped without being buffered. Zero means
	// DefaultMaxRecordBytes.
	MaxRecordBytes int
}

// Record is one record of the stream, good or bad, so that a caller can
// count, decode or dead-letter every byte of the input in order.
type Record struct {
	// Data holds the bytes of the value exactly as in the (decompressed)
	// input, without surrounding whitespace or array commas. For an error
	// record it holds the bytes that were skipped, at most MaxRecordBytes
	// of them, for a dead-letter file. Data aliases the Reader's buffer: it
	// is valid only until the next call to Next, and must be copied to be
	// kept.
	Data []byte
	// Number is the 1-based position of the record among all records, good
	// and bad, so that reports can point at "record 12".
	Number int64
	// Offset is the byte offset of the record's first byte in the
	// decompressed stream, to find it again in the archive.
	Offset int64
	// Err is nil for a well-framed record, and otherwise a *RecordError
	// saying why its bytes do not form a value.
	Err error
}

// InputError reports a defect of the input as a whole that has no bytes of
// its own, and so is no record: an array that the input ends inside, for
// example, is missing its ']'. Reader.InputErrors lists them.
type InputError struct {
	Offset int64  // where in the (decompressed) input it was found
	Msg    string // what is wrong, e.g. "end of input inside the array: missing ']'"
}

// Error locates the defect by its offset, as RecordError does.
func (e *InputError) Error() string {
	return "input at byte offset " + strconv.FormatInt(e.Offset, 10) + ": " + e.Msg
}

// RecordError reports a stretch of input that could not be framed as a
// value. It concerns one record only: reading goes on after it.
type RecordError struct {
	Number int64  // the record's Number
	Offset int64  // the record's Offset
	Msg    string // what is wrong, e.g. "end of input inside an object"
}

// Error locates the record both by number and by offset, since users look
// corrupt archives up either way.
func (e *RecordError) Error() string {
	return "record " + strconv.FormatInt(e.Number, 10) + " at byte offset " +
		strconv.FormatInt(e.Offset, 10) + ": " + e.Msg
}

// state is where the Reader is in the input's grammar.
type state uint8

const (
	stBOM        state = iota // at the very start, where a byte order mark may be
	stSeq                     // Auto, Concatenated, NDJSON: between records
	stArrOpen                 // Array: before the '['
	stArrFirst                // after '[': an element or ']'
	stArrElem                 // after ',': an element
	stArrAfter                // after an element: ',' or ']'
	stArrLenient              // after an error record in the array: ',', ']' or an element
	stValue                   // inside an object, array or string
	stNumber                  // inside a number
	stLiteral                 // inside a word that may be true, false or null
	stGarbage                 // inside bytes that cannot start a value
	stLineRest                // NDJSON: the rest of a record's line
	stEnd                     // everything has been framed
)

// Sub-states of stValue, for the NDJSON resynchronisation.
const (
	subNone = iota
	subLine // after a newline: is the next line starting with '{'?
	subCont // a candidate record just closed: can the enclosing value go on?
)

// cand is a '{' at the start of a line inside a record in an NDJSON-looking
// stream: it begins a record of its own if the enclosing one proves broken.
type cand struct {
	off  int64 // stream offset of the '{'
	base int   // len(stack) just before it
	// over is the enclosing record's count of brackets beyond MaxDepth
	// when the candidate began. Those brackets are not on the stack, so
	// while the candidate is followed the count is set aside: the
	// candidate's own brackets go on the stack above base, to be checked
	// for mismatches, and the count comes back if the candidate proves to
	// be nested in the record.
	over int
}

// pending is a record framed but not yet handed out by Next.
type pending struct {
	off  int64
	data []byte
	msg  string
}

// Reader splits a stream into records. It is not safe for concurrent use.
type Reader struct {
	src    io.Reader
	max    int // MaxRecordBytes
	maxBuf int // the most buf may grow to
	buf    []byte
	pos    int   // next byte of buf to scan
	end    int   // bytes of buf that hold input
	base   int64 // stream offset of buf[0]
	eof    bool  // src is exhausted
	err    error // I/O or decompression error

	format   Format
	lines    bool // format is NDJSON
	state    state
	inArray  bool
	inputErr []*InputError
	commaOff int64     // offset of the last comma between array elements
	queue    []pending // framed records, handed out first
	qhead    int
	num      int64 // records handed out
	rec      Record

	// The record in progress.
	startOff    int64
	valueEnd    int64  // NDJSON: the offset just after its value, in stLineRest
	msg         string // the first error found in it
	discard     bool   // over the limit: errBuf holds its first bytes, the rest is dropped
	errBuf      []byte
	stop        *[256]bool // where garbage ends
	garbageNext state      // the state after a garbage record

	// The value scanner.
	stack     []byte // open brackets, '{' or '['
	maxStack  int    // len(stack) at which the depth limit is reached
	over      int    // brackets opened beyond the depth limit, not on the stack
	inStr     bool   // paused inside a string
	esc       bool   // paused after a backslash in a string
	sub       uint8  // subLine or subCont, when paused in one
	heur      bool   // the NDJSON resynchronisation applies to this record
	multiline bool   // a line inside it looks pretty-printed: only unindented '{' lines are candidates
	chain     []cand // candidate records, each nested in the one before
	candEnd   int64  // in subCont: the offset just after the last candidate
	crossed   bool   // in subCont: a newline was passed

	// Whether the next record starts a line.
	started bool // a record has been seen
	nlAfter bool // a newline followed the last record
}

// NewReader returns a Reader of src. It reads the first bytes of src to
// detect gzip, so it fails if that read fails or if the gzip header is
// corrupt; every later problem is reported by Err or as a record error.
func NewReader(src io.Reader, opts Options) (*Reader, error) {
	if opts.Format < Auto || opts.Format > NDJSON {
		return nil, fmt.Errorf("framing: unknown format %d", opts.Format)
	}
	limit := opts.MaxRecordBytes
	switch {
	case limit == 0:
		limit = DefaultMaxRecordBytes
	case limit < 0:
		return nil, fmt.Errorf("framing: negative MaxRecordBytes %d", limit)
	}
	limit = min(limit, math.MaxInt/4) // so that positions computed from it cannot overflow
	r := &Reader{
		src:      src,
		format:   opts.Format,
		lines:    opts.Format == NDJSON,
		max:      limit,
		maxBuf:   limit + readChunk,
		buf:      make([]byte, readChunk),
		maxStack: MaxDepth,
	}
	// Peek at two bytes, the gzip magic.
	n, err := r.readFull(2)
	r.end = n
	if err != nil {
		return nil, fmt.Errorf("framing: %w", err)
	}
	if n == 2 && r.buf[0] == 0x1f && r.buf[1] == 0x8b {
		magic := []byte{0x1f, 0x8b}
		zr, err := gzip.NewReader(io.MultiReader(bytes.NewReader(magic), src))
		if err != nil {
			return nil, fmt.Errorf("framing: %w", err)
		}
		r.src, r.end, r.eof = zr, 0, false
	}
	return r, nil
}

// readFull reads n bytes into the empty buffer, or fewer if the source
// ends, which it records in r.eof rather than as an error.
func (r *Reader) readFull(n int) (int, error) {
	got, empty := 0, 0
	for got < n && !r.eof {
		m, err := r.src.Read(r.buf[got:n])
		got += m
		switch {
		case err == io.EOF:
			r.eof = true
		case err != nil:
			return got, err
		case m == 0:
			if empty++; empty >= 100 {
				return got, io.ErrNoProgress
			}
		}
	}
	return got, nil
}

// Next advances to the next record, which Record then returns. It returns
// false at the end of the input, and when reading or decompressing fails,
// which Err tells apart. A corrupt record is not a failure: it is returned
// with its Err set, and Next goes on after it.
func (r *Reader) Next() bool {
	for {
		if r.qhead < len(r.queue) {
			r.emit()
			return true
		}
		if r.state != stEnd && r.step() {
			continue
		}
		if r.err != nil || r.state == stEnd {
			r.rec = Record{}
			return false
		}
		r.fill()
	}
}

// Record returns the record Next advanced to.
func (r *Reader) Record() Record { return r.rec }

// Err returns the read or decompression error that made Next return false,
// or nil if the input ended cleanly. Record errors are not reported here:
// they belong to their records. The bytes of a record that a read error
// cut short are not returned as a record.
func (r *Reader) Err() error { return r.err }

// InputErrors returns the defects of the input found so far that belong to
// no record (see InputError); once Next has returned false, all of them.
// They are not counted as records, yet an input that has any is not
// well-formed: a caller reporting on the input should say so.
func (r *Reader) InputErrors() []*InputError { return r.inputErr }

// Offset returns how many bytes of decompressed input have been consumed,
// to report progress through a large archive.
func (r *Reader) Offset() int64 { return r.base + int64(r.pos) }

// emit makes the first pending record the current one.
func (r *Reader) emit() {
	p := r.queue[r.qhead]
	r.qhead++
	if r.qhead == len(r.queue) {
		r.queue, r.qhead = r.queue[:0], 0
	}
	r.num++
	r.rec = Record{Data: p.data, Number: r.num, Offset: p.off}
	if p.msg != "" {
		r.rec.Err = &RecordError{Number: r.num, Offset: p.off, Msg: p.msg}
	}
}

// push queues a record, cutting it to the size limit.
func (r *Reader) push(off int64, data []byte, msg string) {
	if len(data) > r.max {
		data = data[:r.max]
		if msg == "" {
			msg = r.oversize()
		}
	}
	r.queue = append(r.queue, pending{off: off, data: data, msg: msg})
}

func (r *Reader) oversize() string {
	return "record exceeds " + strconv.Itoa(r.max) + " bytes"
}

// idx converts a stream offset into a position in buf.
func (r *Reader) idx(off int64) int { return int(off - r.base) }

// off converts a position in buf into a stream offset.
func (r *Reader) off(i int) int64 { return r.base + int64(i) }

// inRecord reports whether a record is being scanned.
func (r *Reader) inRecord() bool {
	switch r.state {
	case stValue, stNumber, stLiteral, stGarbage, stLineRest:
		return true
	}
	return false
}

// keep returns the first position of buf the record in progress still
// needs, or -1 when it needs none: its start, or while discarding an
// oversized record, the first candidate record inside it.
func (r *Reader) keep() int {
	if !r.discard {
		return r.idx(r.startOff)
	}
	if len(r.chain) > 0 {
		return r.idx(r.chain[0].off)
	}
	return -1
}

// limit returns the position where scanning must pause because the kept
// bytes of the record would exceed the size limit. Pausing at exactly that
// byte makes the outcome independent of how the input is chunked.
func (r *Reader) limit() int {
	if k := r.keep(); k >= 0 && k+r.max+1 < r.end {
		return k + r.max + 1
	}
	return r.end
}

// step frames records from the buffered input until at least one is
// queued, the input is exhausted, or more input is needed, in which case it
// returns false.
func (r *Reader) step() bool {
	for r.qhead == len(r.queue) && r.state != stEnd {
		// A literal is at most six bytes before it turns into garbage, so
		// it is exempt from the limit: its word must stay whole.
		if r.inRecord() && r.state != stLiteral {
			if k := r.keep(); k >= 0 && r.pos-k > r.max {
				r.overflow()
				continue
			}
		}
		var ok bool
		switch r.state {
		case stBOM:
			ok = r.scanBOM()
		case stSeq:
			ok = r.scanSeq()
		case stArrOpen, stArrFirst, stArrElem, stArrAfter, stArrLenient:
			ok = r.scanArray()
		case stValue:
			ok = r.scanValue()
		case stNumber:
			ok = r.scanNumber()
		case stLiteral:
			ok = r.scanLiteral()
		case stGarbage:
			ok = r.scanGarbage()
		case stLineRest:
			ok = r.scanLineRest()
		}
		if !ok {
			return false
		}
	}
	return true
}

// overflow handles a record that has outgrown the size limit: a pending
// NDJSON split is taken, or else the record's first bytes are saved and
// the rest will be dropped as it is scanned.
func (r *Reader) overflow() {
	if len(r.chain) > 0 {
		r.confirm()
		return
	}
	if r.errBuf == nil {
		r.errBuf = make([]byte, r.max)
	}
	copy(r.errBuf, r.buf[r.idx(r.startOff):])
	r.discard = true
	if r.msg == "" && r.state != stGarbage {
		r.msg = r.oversize()
	}
}

// fill drops the bytes no longer needed and reads more input.
func (r *Reader) fill() {
	k := r.pos
	if r.inRecord() {
		if kr := r.keep(); kr >= 0 {
			k = kr
		}
	}
	if k > 0 {
		r.end = copy(r.buf, r.buf[k:r.end])
		r.pos -= k
		r.base += int64(k)
	}
	// Grow when less than half a chunk is free, so that reads stay large.
	// What is kept is at most r.max+1 bytes (the step loop handles a record
	// over the limit before asking for more), so a buffer of r.maxBuf always
	// has room left.
	if len(r.buf)-r.end < readChunk/2 && len(r.buf) < r.maxBuf {
		n := min(max(r.end+readChunk, 2*len(r.buf)), r.maxBuf)
		nb := make([]byte, n)
		copy(nb, r.buf[:r.end])
		r.buf = nb
	}
	for empty := 0; ; {
		n, err := r.src.Read(r.buf[r.end:])
		r.end += n
		switch {
		case err == io.EOF:
			r.eof = true
			return
		case err != nil:
			r.err = fmt.Errorf("framing: reading input after byte %d: %w", r.base+int64(r.end), err)
			return
		case n > 0:
			return
		}
		if empty++; empty >= 100 {
			r.err = fmt.Errorf("framing: reading input after byte %d: %w", r.base+int64(r.end), io.ErrNoProgress)
			return
		}
	}
}

// Byte classes.
var (
	isWS      [256]bool // JSON whitespace
	isNum     [256]bool // bytes of a number
	isLetter  [256]bool // bytes of a literal
	isStrStop [256]bool // bytes that end a run of plain string content
	seqStop   [256]bool // where garbage between records ends
	lineStop  [256]bool // where garbage ends in NDJSON
	arrStop   [256]bool // where garbage between array elements ends
	openStop  [256]bool // where garbage before an array ends
	class     [256]uint8
)

// Structural classes for scanValue.
const (
	cOther = iota
	cQuote
	cOpen
	cClose
	cNewline
)

func init() {
	for _, c := range []byte(" \t\r\n") {
		isWS[c] = true
	}
	for _, c := range []byte("0123456789+-.eE") {
		isNum[c] = true
	}
	for c := 'a'; c <= 'z'; c++ {
		isLetter[c] = true
		isLetter[c-'a'+'A'] = true
	}
	for _, c := range []byte("{[\n") {
		seqStop[c] = true
	}
	for _, c := range []byte(",]{[\n") {
		arrStop[c] = true
	}
	openStop['['] = true
	lineStop['\n'] = true
	for _, c := range []byte("\"\\\n") {
		isStrStop[c] = true
	}
	class['"'] = cQuote
	class['{'], class['['] = cOpen, cOpen
	class['}'], class[']'] = cClose, cClose
	class['\n'] = cNewline
}

var bom = []byte{0xef, 0xbb, 0xbf}

func (r *Reader) scanBOM() bool {
	rest := r.buf[r.pos:r.end]
	if len(rest) < len(bom) && !r.eof && bytes.HasPrefix(bom, rest) {
		return false
	}
	if bytes.HasPrefix(rest, bom) {
		r.pos += len(bom)
	}
	r.state = stSeq
	if r.format == Array {
		r.state, r.inArray = stArrOpen, true
	}
	return true
}

// skipWS advances over whitespace and reports whether a byte follows.
func (r *Reader) skipWS() bool {
	i := r.pos
	for i < r.end && isWS[r.buf[i]] {
		if r.buf[i] == '\n' {
			r.nlAfter = true
		}
		i++
	}
	r.pos = i
	return i < r.end
}

func (r *Reader) scanSeq() bool {
	if !r.skipWS() {
		if r.eof {
			r.state = stEnd
		}
		return r.eof
	}
	if r.format == Auto && r.buf[r.pos] == '[' {
		return r.scanArrayStart()
	}
	atLineStart := !r.started || r.nlAfter
	r.started = true
	if r.lines {
		// Every line break ends the record, so there is nothing to
		// resynchronise.
		r.begin("", &lineStop, stSeq)
		return true
	}
	r.begin("", &seqStop, stSeq)
	r.heur = atLineStart && r.buf[r.pos] == '{'
	return true
}

// arrayPeek is how many bytes after a top-level '[' Auto looks at to tell
// a JSON array from a line that merely starts with '[', such as a log line
// "[INFO] ...". Deciding on a fixed number of bytes makes the outcome
// independent of how the input is chunked.
const arrayPeek = 64

// scanArrayStart decides, in Auto, whether the '[' at r.pos opens an
// array, whose elements are then the records, or begins a stretch of
// garbage that runs to the end of its line (or the next '{' or '[').
func (r *Reader) scanArrayStart() bool {
	ahead := r.buf[r.pos+1 : r.end]
	if len(ahead) < arrayPeek && !r.eof {
		return false
	}
	if looksLikeArray(ahead[:min(len(ahead), arrayPeek)]) {
		r.pos++
		r.state, r.inArray = stArrFirst, true
		return true
	}
	r.started = true
	r.begin("", &seqStop, stSeq)
	r.state = stGarbage
	r.pos++ // the '[' would end the garbage at once
	return true
}

// looksLikeArray reports whether ahead, the bytes after a '[', can begin a
// JSON array: after optional whitespace, ']' or a value starting with '{',
// '[' or '"', or a number, true, false or null followed by ',' or ']'. It
// reports true when ahead ends before that is decided, so that only input
// seen to be something else falls back to the sequence layout.
func looksLikeArray(ahead []byte) bool {
	i := 0
	for i < len(ahead) && isWS[ahead[i]] {
		i++
	}
	if i == len(ahead) {
		return true
	}
	j := i + 1
	switch c := ahead[i]; {
	case c == ']' || c == '{' || c == '[' || c == '"':
		return true
	case c == '-' || c >= '0' && c <= '9':
		for j < len(ahead) && isNum[ahead[j]] {
			j++
		}
		if j < len(ahead) && !isNumber(ahead[i:j]) {
			return false
		}
	case c == 't' || c == 'f' || c == 'n':
		for j < len(ahead) && isLetter[ahead[j]] {
			j++
		}
		switch word := string(ahead[i:j]); {
		case word == "true" || word == "false" || word == "null":
		case j < len(ahead):
			return false
		default:
			// Cut off by the end of ahead: it may still become one.
			return strings.HasPrefix("true", word) || strings.HasPrefix("false", word) || strings.HasPrefix("null", word)
		}
	default:
		return false
	}
	for j < len(ahead) && isWS[ahead[j]] {
		j++
	}
	return j == len(ahead) || ahead[j] == ',' || ahead[j] == ']'
}

// begin starts a record at r.pos, of a kind told by its first byte; msg is
// an error known from the start, stop and garbageNext apply if it turns
// out to be garbage.
func (r *Reader) begin(msg string, stop *[256]bool, garbageNext state) {
	r.startOff = r.off(r.pos)
	r.msg = msg
	r.discard = false
	r.stop = stop
	r.garbageNext = garbageNext
	r.heur = false
	r.multiline = false
	switch c := r.buf[r.pos]; {
	case c == '{' || c == '[' || c == '"':
		r.state = stValue
	case c == '-' || c >= '0' && c <= '9':
		r.state = stNumber
	case c == 't' || c == 'f' || c == 'n':
		r.state = stLiteral
	default:
		r.state = stGarbage
	}
}

// endRecord resets the scanner after a record and resumes at position at.
func (r *Reader) endRecord(at int, next state) {
	r.nlAfter = false
	r.pos = at
	r.state = next
	r.stack = r.stack[:0]
	r.maxStack = MaxDepth
	r.over = 0
	r.inStr, r.esc = false, false
	r.sub = subNone
	r.chain = r.chain[:0]
	r.discard = false
}

// finish ends the record in progress as a value ending before position at.
func (r *Reader) finish(at int) {
	if r.lines {
		r.valueEnd = r.off(at)
		r.toLineRest(at)
		return
	}
	data := r.errBuf
	if !r.discard {
		data = r.buf[r.idx(r.startOff):at]
	}
	r.push(r.startOff, data, r.msg)
	next := stSeq
	if r.inArray {
		next = stArrAfter
	}
	r.endRecord(at, next)
}

// cut ends the record in progress as an error before position at, where
// scanning resumes. The first error found in a record is the one reported.
// In NDJSON the record goes on to the end of its line.
func (r *Reader) cut(at int, msg string) {
	if r.msg != "" {
		msg = r.msg
	}
	if r.lines && (at < r.end && r.buf[at] != '\n' || at == r.end && !r.eof) {
		r.msg = msg
		r.toLineRest(at)
		return
	}
	data := r.errBuf
	if !r.discard {
		data = trimRight(r.buf[r.idx(r.startOff):at])
	}
	r.push(r.startOff, data, msg)
	next := stSeq
	if r.inArray {
		next = stArrLenient
	}
	r.endRecord(at, next)
}

// toLineRest resets the value scanner and goes on to the rest of the line
// at position at, keeping what is known of the record.
func (r *Reader) toLineRest(at int) {
	r.pos = at
	r.state = stLineRest
	r.stack = r.stack[:0]
	r.maxStack = MaxDepth
	r.over = 0
	r.inStr, r.esc = false, false
}

// scanLineRest reads an NDJSON record to the end of its line: the record
// is good if it has nothing but whitespace after its value.
func (r *Reader) scanLineRest() bool {
	b := r.buf[:r.limit()]
	i := r.pos
	for i < len(b) && b[i] != '\n' {
		if !isWS[b[i]] && r.msg == "" {
			r.msg = "data after the value on its line"
		}
		i++
	}
	r.pos = i
	if i == len(b) && i < r.end {
		return true // paused at the size limit
	}
	if i == r.end && !r.eof {
		return false
	}
	switch {
	case r.msg == "":
		r.push(r.startOff, r.buf[r.idx(r.startOff):r.idx(r.valueEnd)], "")
	case r.discard:
		r.push(r.startOff, r.errBuf, r.msg)
	default:
		r.push(r.startOff, trimRight(r.buf[r.idx(r.startOff):i]), r.msg)
	}
	r.endRecord(i, stSeq)
	return true
}

func trimRight(b []byte) []byte {
	for len(b) > 0 && isWS[b[len(b)-1]] {
		b = b[:len(b)-1]
	}
	return b
}

// kindName names the container opened by bracket c.
func kindName(c byte) string {
	if c == '{' {
		return "an object"
	}
	return "an array"
}

// confirm takes the pending NDJSON splits: the record in progress ends
// before its first candidate, each candidate but the last becomes an error
// record ending before the next, and the last one becomes the record in
// progress, its state carried over, or a record of its own if it is
// complete.
func (r *Reader) confirm() {
	start := r.startOff
	for k, c := range r.chain {
		msg := "truncated record: line ended inside " + kindName(r.stack[c.base-1])
		switch {
		case k == 0 && r.discard:
			r.push(start, r.errBuf, r.msg)
		case k == 0 && r.msg != "":
			// The record was already broken, by its depth.
			r.push(start, trimRight(r.buf[r.idx(start):r.idx(c.off)]), r.msg)
		default:
			r.push(start, trimRight(r.buf[r.idx(start):r.idx(c.off)]), msg)
		}
		start = c.off
	}
	last := r.chain[len(r.chain)-1]
	r.stack = r.stack[:copy(r.stack, r.stack[last.base:])]
	r.maxStack = MaxDepth
	r.chain = r.chain[:0]
	r.startOff = last.off
	r.msg = ""
	r.discard = false
	if r.sub == subCont {
		// The last candidate is complete.
		r.finish(r.idx(r.candEnd))
	}
}

// setAsideOver lets a candidate that begins while the record is nested
// beyond MaxDepth track its own brackets, up to MaxDepth of them above the
// record's, on a stack allocated once at its largest.
func (r *Reader) setAsideOver() {
	r.over = 0
	r.maxStack = len(r.stack) + MaxDepth
	if cap(r.stack) < r.maxStack {
		stack := make([]byte, len(r.stack), 2*MaxDepth)
		copy(stack, r.stack)
		r.stack = stack
	}
}

// endOfInput ends a value that the input ends inside.
func (r *Reader) endOfInput() {
	if len(r.chain) > 0 {
		r.confirm()
		return
	}
	inside := "a string"
	if !r.inStr {
		inside = kindName(r.stack[len(r.stack)-1])
	}
	r.cut(r.end, "end of input inside "+inside)
	r.state = stEnd
	if r.inArray {
		r.missingBracket()
	}
}

// missingBracket reports an array that the input ends inside.
func (r *Reader) missingBracket() {
	r.inputErr = append(r.inputErr, &InputError{Offset: r.off(r.end), Msg: "end of input inside the array: missing ']'"})
}

// scanValue scans an object, array or string. It is the hot path, written
// as a flat state machine so that nothing is called per byte: strings are
// crossed eight bytes at a time, and between strings a table lookup finds
// the next byte of interest. It pauses at the size limit and at the end of
// the buffer, saving in r.inStr, r.esc and r.sub where to resume.
func (r *Reader) scanValue() bool {
	b := r.buf[:r.limit()]
	i := r.pos
	var c byte
	switch {
	case r.inStr:
		r.inStr = false
		if r.esc {
			if i >= len(b) {
				r.inStr = true
				goto out
			}
			r.esc = false
			if b[i] == '\n' {
				goto strNewline
			}
			i++
		}
		goto str
	case r.sub == subLine:
		goto line
	case r.sub == subCont:
		goto cont
	}

next: // outside strings
	for i < len(b) && class[b[i]] == cOther {
		i++
	}
	if i >= len(b) {
		goto out
	}
	c = b[i]
	switch class[c] {
	case cQuote:
		i++
		goto str
	case cOpen:
		if len(r.stack) < r.maxStack {
			r.stack = append(r.stack, c)
		} else {
			if len(r.chain) > 0 {
				r.pos = i
				r.confirm() // the bracket is scanned again, inside the last candidate
				return true
			}
			if r.msg == "" {
				r.msg = "nesting depth exceeds " + strconv.Itoa(MaxDepth)
			}
			r.over++
		}
		i++
	case cClose:
		if r.over > 0 {
			r.over--
			i++
			goto next
		}
		top := r.stack[len(r.stack)-1]
		if c != top+2 { // '{'+2 == '}', '['+2 == ']'
			if len(r.chain) > 0 {
				r.pos = i
				r.confirm() // the bracket is scanned again, inside the last candidate
				return true
			}
			r.cut(i+1, "unexpected '"+string(c)+"' inside "+kindName(top))
			return true
		}
		r.stack = r.stack[:len(r.stack)-1]
		i++
		if len(r.stack) == 0 {
			r.finish(i)
			return true
		}
		if n := len(r.chain); n > 0 && r.chain[n-1].base == len(r.stack) {
			r.sub = subCont
			r.candEnd = r.off(i)
			r.crossed = false
			goto cont
		}
	case cNewline:
		if r.lines {
			r.cut(i, "truncated record: line ended inside "+kindName(r.stack[len(r.stack)-1]))
			return true
		}
		i++
		if r.heur {
			r.sub = subLine
			goto line
		}
	}
	goto next

str: // inside a string, eight bytes at a time while there are eight
	for i+8 <= len(b) {
		x := binary.LittleEndian.Uint64(b[i:])
		if m := zeroes(x^(ones*'"')) | zeroes(x^(ones*'\\')) | zeroes(x^(ones*'\n')); m != 0 {
			i += bits.TrailingZeros64(m) >> 3
			goto strStop
		}
		i += 8
	}
	for i < len(b) && !isStrStop[b[i]] {
		i++
	}
	if i >= len(b) {
		r.inStr = true
		goto out
	}
strStop:
	switch b[i] {
	case '"':
		i++
		if len(r.stack) == 0 {
			r.finish(i)
			return true
		}
		goto next
	case '\n':
		goto strNewline
	}
	// A backslash.
	if i+1 >= len(b) {
		i = len(b)
		r.inStr, r.esc = true, true
		goto out
	}
	if b[i+1] == '\n' {
		i++
		goto strNewline
	}
	i += 2
	goto str

strNewline: // a raw newline in a string at i: the line was cut
	r.pos = i
	if len(r.chain) > 0 {
		r.inStr = true
		r.confirm() // the newline is scanned again, inside the last candidate
		return true
	}
	r.cut(i, "truncated record: a line ended inside a string")
	return true

line: // after a newline in a record that starts a line: does the next line start with '{'?
	if r.multiline {
		// Pretty-printers indent what is nested, so only a '{' at the very
		// start of a line may begin a record.
		if i >= len(b) {
			goto out
		}
		r.sub = subNone
		if b[i] != '{' {
			goto next
		}
	} else {
		for i < len(b) && isWS[b[i]] {
			i++
		}
		if i >= len(b) {
			goto out
		}
		r.sub = subNone
	}
	switch b[i] {
	case '{':
		if len(r.chain) < maxChain {
			r.chain = append(r.chain, cand{off: r.off(i), base: len(r.stack), over: r.over})
			if r.over > 0 {
				r.setAsideOver()
			}
			if r.discard && len(r.chain) == 1 {
				// The candidate's bytes are kept from now on, so the size
				// limit applies from it.
				b = b[:r.limit()]
			}
		}
	case '"', '}', ']':
		r.multiline = true
	}
	goto next

cont: // a candidate record closed: can the enclosing value go on?
	for i < len(b) && isWS[b[i]] {
		if b[i] == '\n' {
			r.crossed = true
		}
		i++
	}
	if i >= len(b) {
		goto out
	}
	switch c = b[i]; c {
	case ',', '}', ']':
		// It was a value nested in the record.
		r.sub = subNone
		if c := r.chain[len(r.chain)-1]; c.over > 0 {
			r.over, r.maxStack = c.over, MaxDepth
		}
		r.chain = r.chain[:len(r.chain)-1]
		if r.crossed && c != ',' {
			r.multiline = true
		}
		goto next
	}
	// The record cannot go on: the candidate is a record of its own.
	r.confirm()
	return true

out:
	r.pos = i
	if i < r.end {
		return true // paused at the size limit
	}
	if r.eof {
		r.endOfInput()
	}
	return r.eof
}

// Constants for testing eight bytes at a time.
const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// zeroes has the high bit of the lowest zero byte of x set, and of no byte
// below it.
func zeroes(x uint64) uint64 { return (x - ones) &^ x & highs }

func (r *Reader) scanNumber() bool {
	b := r.buf[:r.limit()]
	i := r.pos
	for i < len(b) && isNum[b[i]] {
		i++
	}
	r.pos = i
	if i == r.end && !r.eof {
		return false
	}
	if i == len(b) && i < r.end {
		return true // paused at the size limit
	}
	if s := r.idx(r.startOff); !r.discard && s >= 0 && !isNumber(b[s:i]) {
		// Not a number after all ("---", "-x"): garbage, to the usual
		// end of garbage, in one record.
		r.state = stGarbage
		return true
	}
	r.finish(i)
	return true
}

// isNumber reports whether b is a JSON number:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func isNumber(b []byte) bool {
	i := 0
	digits := func() int {
		n := 0
		for i < len(b) && b[i] >= '0' && b[i] <= '9' {
			i, n = i+1, n+1
		}
		return n
	}
	if i < len(b) && b[i] == '-' {
		i++
	}
	start := i
	if n := digits(); n == 0 || (n > 1 && b[start] == '0') {
		return false
	}
	if i < len(b) && b[i] == '.' {
		i++
		if digits() == 0 {
			return false
		}
	}
	if i < len(b) && (b[i] == 'e' || b[i] == 'E') {
		i++
		if i < len(b) && (b[i] == '+' || b[i] == '-') {
			i++
		}
		if digits() == 0 {
			return false
		}
	}
	return i == len(b)
}

func (r *Reader) scanLiteral() bool {
	b := r.buf[:r.end]
	s, i := r.idx(r.startOff), r.pos
	for i < len(b) && isLetter[b[i]] {
		if i++; i-s > len("false") {
			r.pos = i
			r.state = stGarbage
			return true
		}
	}
	r.pos = i
	if i == len(b) && !r.eof {
		return false
	}
	switch string(b[s:i]) {
	case "true", "false", "null":
		r.finish(i)
	default:
		r.state = stGarbage
	}
	return true
}

func (r *Reader) scanGarbage() bool {
	b := r.buf[:r.limit()]
	i := r.pos
	for i < len(b) && !r.stop[b[i]] {
		i++
	}
	r.pos = i
	if i == r.end && !r.eof {
		return false
	}
	if i == len(b) && i < r.end {
		return true // paused at the size limit
	}
	data := r.errBuf
	if !r.discard {
		data = trimRight(r.buf[r.idx(r.startOff):i])
	}
	r.push(r.startOff, data, r.garbageMsg(data))
	r.endRecord(i, r.garbageNext)
	return true
}

// garbageMsg describes garbage by its first bytes.
func (r *Reader) garbageMsg(data []byte) string {
	if r.stop == &seqStop || r.stop == &arrStop || r.stop == &lineStop {
		if c := data[0]; c == '}' || c == ']' {
			return "unexpected '" + string(c) + "' outside a value"
		}
	}
	const show = 32
	s := strconv.Quote(string(data[:min(len(data), show)]))
	if len(data) > show {
		s += "..."
	}
	if r.stop == &openStop {
		return "expected '[' at start of array, found " + s
	}
	return "garbage between records: " + s
}

// scanArray handles the array's punctuation between elements.
func (r *Reader) scanArray() bool {
	if !r.skipWS() {
		if !r.eof {
			return false
		}
		if r.state != stArrOpen {
			r.missingBracket()
		}
		r.state = stEnd
		return true
	}
	i := r.pos
	c := r.buf[i]
	switch r.state {
	case stArrOpen:
		if c == '[' {
			r.pos++
			r.state = stArrFirst
			return true
		}
		r.begin("", &openStop, stArrOpen)
		r.state = stGarbage
		return true
	}
	switch {
	case c == ']':
		if r.state == stArrElem {
			r.push(r.commaOff, []byte{','}, "trailing ',' before ']'")
		}
		r.pos++
		r.nlAfter = false
		if r.format == Auto {
			// Back to the sequence, where another array may begin.
			r.state, r.inArray = stSeq, false
		} else {
			r.state = stArrOpen
		}
	case c == ',' && (r.state == stArrFirst || r.state == stArrElem):
		r.push(r.off(i), r.buf[i:i+1], "unexpected ',' in array")
		r.pos++
		r.state = stArrLenient
	case c == ',':
		r.commaOff = r.off(i)
		r.pos++
		r.state = stArrElem
	case r.state == stArrAfter && isValueStart(c):
		r.begin("missing ',' before array element", &arrStop, stArrLenient)
	default:
		r.begin("", &arrStop, stArrLenient)
	}
	return true
}

func isValueStart(c byte) bool {
	switch c {
	case '{', '[', '"', '-', 't', 'f', 'n':
		return true
	}
	return c >= '0' && c <= '9'
}
