package bridgeargs

import (
	"encoding/binary"
	"math"
)

// Node is a JavaScript value built in Go: a host implementation of Value for
// tests and fuzzing. The js/wasm fuzz test turns the same Nodes into real
// js.Values, so both builds check the same inputs.
type Node struct {
	Kind  Type
	Str   string
	Bool_ bool
	Num   float64
	Items []*Node  // array elements (Kind TypeObject, Array true)
	Array bool     // an array, not a plain object
	Props []KeyVal // object properties in order (Kind TypeObject, Array false)
}

// KeyVal is one property of an object Node.
type KeyVal struct {
	Key   string
	Value *Node
}

var _ Value = (*Node)(nil)

func (n *Node) Type() Type     { return n.Kind }
func (n *Node) String() string { return n.Str }
func (n *Node) Bool() bool     { return n.Bool_ }
func (n *Node) Float() float64 { return n.Num }
func (n *Node) IsArray() bool  { return n.Kind == TypeObject && n.Array }
func (n *Node) Length() int    { return len(n.Items) }

// Keys lists the property names as Object.keys does: a later duplicate key
// overwrites the value but keeps the first position; an array lists indexes.
func (n *Node) Keys() []string {
	var keys []string
	seen := map[string]bool{}
	for _, kv := range n.Props {
		if !seen[kv.Key] {
			seen[kv.Key] = true
			keys = append(keys, kv.Key)
		}
	}
	return keys
}

func (n *Node) Get(name string) Value {
	var v *Node
	for _, kv := range n.Props {
		if kv.Key == name {
			v = kv.Value
		}
	}
	if v == nil {
		return &Node{Kind: TypeUndefined}
	}
	return v
}

func (n *Node) Index(i int) Value {
	if i < 0 || i >= len(n.Items) {
		return &Node{Kind: TypeUndefined}
	}
	return n.Items[i]
}

// Values returns args as Values.
func Values(args []*Node) []Value {
	vs := make([]Value, len(args))
	for i, a := range args {
		vs[i] = a
	}
	return vs
}

// Fuzz input encoding: a sequence of values, each a tag byte and its payload.
// Short input simply ends the sequence; every byte string decodes.
const (
	tagUndefined = iota
	tagNull
	tagFalse
	tagTrue
	tagSmallInt // 1 byte, as int8
	tagFloat    // 8 bytes, IEEE 754 bits
	tagString   // 1 byte length, then bytes
	tagKnownKey // 1 byte: an index into knownStrings (a string value)
	tagArray    // 1 byte count (mod 16), then the items
	tagObject   // 1 byte count (mod 16), then key (a value, stringified) and value pairs
	tagFunction
	tagSymbol
	numTags
)

// knownStrings make the fuzzer reach the interesting branches quickly.
var knownStrings = []string{"teaserPass", "blockRemoteImages", "maxBytes", "disabledRules",
	"", "dialog", "share-bar", "a\nb", "__proto__", "constructor", "<p>x</p>", "https://example.com/a"}

const maxDepth = 5

// DecodeArgs turns fuzz bytes into at most 5 argument values.
func DecodeArgs(data []byte) []*Node {
	d := decoder{data: data}
	var args []*Node
	for len(d.data) > 0 && len(args) < 5 {
		args = append(args, d.value(0))
	}
	return args
}

type decoder struct{ data []byte }

func (d *decoder) byte() byte {
	if len(d.data) == 0 {
		return 0
	}
	b := d.data[0]
	d.data = d.data[1:]
	return b
}

func (d *decoder) bytes(n int) []byte {
	n = min(n, len(d.data))
	b := d.data[:n]
	d.data = d.data[n:]
	return b
}

func (d *decoder) value(depth int) *Node {
	tag := d.byte() % numTags
	if depth >= maxDepth && (tag == tagArray || tag == tagObject) {
		tag = tagNull
	}
	switch tag {
	case tagUndefined:
		return &Node{Kind: TypeUndefined}
	case tagNull:
		return &Node{Kind: TypeNull}
	case tagFalse, tagTrue:
		return &Node{Kind: TypeBoolean, Bool_: tag == tagTrue}
	case tagSmallInt:
		return &Node{Kind: TypeNumber, Num: float64(int8(d.byte()))}
	case tagFloat:
		var b [8]byte
		copy(b[:], d.bytes(8))
		return &Node{Kind: TypeNumber, Num: math.Float64frombits(binary.LittleEndian.Uint64(b[:]))}
	case tagString:
		return &Node{Kind: TypeString, Str: string(d.bytes(int(d.byte())))}
	case tagKnownKey:
		return &Node{Kind: TypeString, Str: knownStrings[int(d.byte())%len(knownStrings)]}
	case tagArray:
		n := &Node{Kind: TypeObject, Array: true}
		for range int(d.byte() % 16) {
			n.Items = append(n.Items, d.value(depth+1))
		}
		return n
	case tagObject:
		n := &Node{Kind: TypeObject}
		for range int(d.byte() % 16) {
			k := d.value(depth + 1)
			n.Props = append(n.Props, KeyVal{Key: keyString(k), Value: d.value(depth + 1)})
		}
		return n
	case tagFunction:
		return &Node{Kind: TypeFunction}
	default:
		return &Node{Kind: TypeSymbol}
	}
}

// keyString is the property name a value becomes when used as a key.
func keyString(n *Node) string {
	if n.Kind == TypeString {
		return n.Str
	}
	return "k" + n.Kind.String()
}

// EncodeArgs is the inverse of DecodeArgs for seeds: it accepts string, bool,
// nil (null), Undefined, int8-sized ints, float64, []any, Obj and Function.
func EncodeArgs(args ...any) []byte {
	var b []byte
	for _, a := range args {
		b = encode(b, a)
	}
	return b
}

// Undefined, Function and Symbol stand for those JavaScript values in EncodeArgs.
type (
	Undefined struct{}
	Function  struct{}
	Symbol    struct{}
)

// Obj is an object with ordered properties for EncodeArgs.
type Obj []Prop

// Prop is one property of an Obj.
type Prop struct {
	Key   string
	Value any
}

func encode(b []byte, v any) []byte {
	switch v := v.(type) {
	case Undefined:
		return append(b, tagUndefined)
	case nil:
		return append(b, tagNull)
	case bool:
		if v {
			return append(b, tagTrue)
		}
		return append(b, tagFalse)
	case int:
		if v >= math.MinInt8 && v <= math.MaxInt8 {
			return append(b, tagSmallInt, byte(int8(v)))
		}
		return encode(b, float64(v))
	case float64:
		b = append(b, tagFloat)
		return binary.LittleEndian.AppendUint64(b, math.Float64bits(v))
	case string:
		if len(v) > 255 {
			v = v[:255]
		}
		b = append(b, tagString, byte(len(v)))
		return append(b, v...)
	case []any:
		b = append(b, tagArray, byte(len(v)))
		for _, e := range v {
			b = encode(b, e)
		}
		return b
	case Obj:
		b = append(b, tagObject, byte(len(v)))
		for _, p := range v {
			b = encode(b, p.Key)
			b = encode(b, p.Value)
		}
		return b
	case Function:
		return append(b, tagFunction)
	case Symbol:
		return append(b, tagSymbol)
	}
	panic("bridgeargs.EncodeArgs: unsupported type")
}

// Seeds is the seed corpus of both fuzz targets (here and in
// wasm/fuzz_test.go): the bridge's documented cases and the edges.
func Seeds() [][]byte {
	page := "<html><body><article><p>story</p></article></body></html>"
	return [][]byte{
		nil,
		EncodeArgs(page),
		EncodeArgs(page, "https://example.com/a"),
		EncodeArgs(page, nil, Obj{{"teaserPass", false}, {"blockRemoteImages", true}, {"maxBytes", 100}, {"disabledRules", []any{"b", "a", "b", ""}}}),
		EncodeArgs(page, Undefined{}, Undefined{}),
		EncodeArgs(42),
		EncodeArgs(nil),
		EncodeArgs(page, 7),
		EncodeArgs(page, "", "teaserPass"),
		EncodeArgs(page, "", []any{}),
		EncodeArgs(page, "", Obj{{"teaser", true}}),
		EncodeArgs(page, "", Obj{{"teaserPass", "yes"}}),
		EncodeArgs(page, "", Obj{{"maxBytes", 1.5}}),
		EncodeArgs(page, "", Obj{{"maxBytes", math.NaN()}}),
		EncodeArgs(page, "", Obj{{"maxBytes", math.Inf(1)}}),
		EncodeArgs(page, "", Obj{{"maxBytes", float64(math.MaxInt32 + 1)}}),
		EncodeArgs(page, "", Obj{{"maxBytes", -3}}),
		EncodeArgs(page, "", Obj{{"disabledRules", "dialog"}}),
		EncodeArgs(page, "", Obj{{"disabledRules", []any{"dialog", 3}}}),
		EncodeArgs(page, "", Obj{{"disabledRules", []any{"a\nb", "x"}}}),
		EncodeArgs(page, "", Obj{{"__proto__", Obj{{"teaserPass", 1}}}}),
		EncodeArgs(page, "", Obj{{"teaserPass", Undefined{}}}),
		EncodeArgs(page, "", Obj{{"teaserPass", Function{}}}),
		EncodeArgs(page, Symbol{}),
		EncodeArgs(page, "", nil, 4),
		EncodeArgs(Function{}, Function{}, Function{}),
	}
}
