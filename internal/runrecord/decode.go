package runrecord

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strings"
	"time"
	"unicode/utf8"

	"go.opentelemetry.io/otel/attribute"

	"github.com/hypergen-dev/hypergen/generator"
)

// magic opens every record: the format's name and version. A record of
// another version is refused, not misread. Version 2 added the step a
// failed file failed at.
const magic = "HGRR\x02"

// Header flags.
const flagStepSpans = 1

// maxResource bounds the resource's attributes, as the SDK's default limit.
const maxResource = 128

// Error is an error decoded from a record. It stands for the run's own
// error: the same message, the type that error had (ExceptionType, which
// instrument/observe puts in the exception event), and the
// generator.TemplateError of its chain, if it had one, for errors.As.
type Error struct {
	Type, Message string
	Template      *generator.TemplateError
}

func (e *Error) Error() string         { return e.Message }
func (e *Error) ExceptionType() string { return e.Type }

func (e *Error) Unwrap() error {
	if e.Template == nil {
		return nil // an untyped nil: no TemplateError wrapped in an interface
	}
	return e.Template
}

// Known values of the fields that become span names or bounded attributes:
// a record naming another is refused, so whatever sends to the relay socket
// cannot add span names or attribute values the catalog does not list.
var (
	phases   = []generator.Phase{generator.PhaseResolve, generator.PhaseList, generator.PhaseRender, generator.PhasePlan, generator.PhaseApply}
	opKinds  = []generator.OpKind{generator.OpAdd, generator.OpInject, generator.OpEcho, generator.OpShell}
	statuses = []generator.Status{generator.StatusAdded, generator.StatusForced, generator.StatusInjected, generator.StatusSkipped, generator.StatusExecuted}
)

// Decode reads a record written by Recorder.Bytes. It refuses one that is
// malformed, of another version, or not a whole run: the first event must
// be RunStart and the last RunDone.
func Decode(b []byte) (Record, error) {
	var rec Record
	if len(b) < len(magic) || string(b[:len(magic)]) != magic {
		return rec, errors.New("not a run record of this version")
	}
	r := reader{b: b[len(magic):]}
	flags := r.uvarint()
	rec.StepSpans = flags&flagStepSpans != 0
	base := time.Unix(0, r.varint())
	n := r.uvarint()
	if n > maxResource {
		return rec, fmt.Errorf("%d resource attributes, more than %d", n, maxResource)
	}
	for range n {
		rec.Resource = append(rec.Resource, r.attr())
	}
	for r.err == nil && len(r.b) > 0 {
		e := r.event(base)
		if r.err != nil {
			break
		}
		switch {
		case len(rec.Events) == 0 && e.Kind != RunStart:
			r.fail("the first event is not the run's start")
		case len(rec.Events) > 0 && e.Kind == RunStart:
			r.fail("a second run start")
		case len(rec.Events) > 0 && rec.Events[len(rec.Events)-1].Kind == RunDone:
			r.fail("an event after the run's end")
		}
		rec.Events = append(rec.Events, e)
	}
	switch {
	case r.err != nil:
	case len(rec.Events) == 0:
		r.fail("no events")
	case rec.Events[len(rec.Events)-1].Kind != RunDone:
		r.fail("the run's end is missing")
	}
	if r.err != nil {
		return Record{}, fmt.Errorf("run record: %w", r.err)
	}
	return rec, nil
}

// reader reads a record's fields; the first problem sticks in err and
// makes every later read return a zero value.
type reader struct {
	b   []byte
	err error
}

func (r *reader) fail(msg string) {
	if r.err == nil {
		r.err = errors.New(msg)
	}
	r.b = nil
}

func (r *reader) uvarint() uint64 { return number(r, binary.Uvarint) }
func (r *reader) varint() int64   { return number(r, binary.Varint) }

// number reads a varint with decode (binary.Uvarint or binary.Varint).
func number[T uint64 | int64](r *reader, decode func([]byte) (T, int)) T {
	v, n := decode(r.b)
	if n <= 0 {
		r.fail("truncated or malformed number")
		return 0
	}
	r.b = r.b[n:]
	return v
}

func (r *reader) byte() byte {
	if len(r.b) == 0 {
		r.fail("truncated")
		return 0
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c
}

func (r *reader) bool() bool {
	switch r.byte() {
	case 0:
		return false
	case 1:
		return true
	}
	r.fail("malformed flag")
	return false
}

func (r *reader) str() string {
	n := r.uvarint()
	if n > uint64(len(r.b)) {
		r.fail("a string longer than the rest of the record")
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	if !utf8.ValidString(s) {
		// A span with such a string would fail the agent's whole export
		// batch (protobuf strings are UTF-8), other runs' spans included.
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	return s
}

// int reads a count or a size: a varint that must fit an int and not be
// negative.
func (r *reader) int() int {
	v := r.varint()
	if v < 0 || v > math.MaxInt32 {
		r.fail("a count out of range")
		return 0
	}
	return int(v)
}

// oneOf reads a string that must be one of known.
func oneOf[T ~string](r *reader, what string, known []T) T {
	s := T(r.str())
	for _, k := range known {
		if s == k {
			return s
		}
	}
	r.fail("unknown " + what)
	return ""
}

func (r *reader) at(base time.Time) time.Time { return base.Add(time.Duration(r.varint())) }

func (r *reader) attr() attribute.KeyValue {
	k := attribute.Key(r.str())
	switch r.byte() {
	case valueString:
		return k.String(r.str())
	case valueInt:
		return k.Int64(r.varint())
	case valueBool:
		return k.Bool(r.bool())
	case valueFloat:
		if len(r.b) < 8 {
			r.fail("truncated")
			return attribute.KeyValue{}
		}
		v := math.Float64frombits(binary.LittleEndian.Uint64(r.b))
		r.b = r.b[8:]
		return k.Float64(v)
	}
	r.fail("unknown attribute type")
	return attribute.KeyValue{}
}

func (r *reader) error() error {
	if !r.bool() {
		return nil
	}
	e := &Error{Type: r.str(), Message: r.str()}
	if r.bool() {
		file, line, inner := r.str(), r.int(), r.str()
		e.Template = &generator.TemplateError{File: file, Line: line, Err: errors.New(inner)}
	}
	return e
}

func (r *reader) event(base time.Time) Event {
	e := Event{Kind: Kind(r.byte())}
	switch e.Kind {
	case RunStart:
		e.Start = r.at(base)
	case PhaseDone:
		e.Phase = oneOf(r, "phase", phases)
		e.Start, e.End = r.at(base), r.at(base)
		e.Err = r.error()
	case FileDone:
		f := &e.File
		f.Template = r.str()
		f.Start = r.at(base)
		for _, d := range [...]*time.Duration{&f.Read, &f.Parse, &f.Compile, &f.Render} {
			*d = time.Duration(r.varint())
		}
		for _, n := range [...]*int{&f.Bytes, &f.Compiled, &f.Cached} {
			*n = r.int()
		}
		f.Err = r.error()
		if f.Failed = generator.Step(r.varint()); f.Failed < generator.StepRead || f.Failed > generator.StepRender {
			r.fail("unknown step")
		}
	case OpDone:
		e.Op.Kind = oneOf(r, "operation", opKinds)
		e.Op.Template, e.Op.Target = r.str(), r.str()
		e.Op.Status = oneOf(r, "status", statuses)
		e.Op.Bytes = r.int()
		e.Start, e.End = r.at(base), r.at(base)
		e.Err = r.error()
	case RunDone:
		if r.bool() {
			e.Result = &generator.Result{Generator: r.str(), Action: r.str(), Files: r.int(), Dry: r.bool()}
		}
		e.End = r.at(base)
		e.Err = r.error()
	default:
		r.fail("unknown event")
	}
	return e
}
