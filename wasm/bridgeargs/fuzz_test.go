package bridgeargs

import (
	"errors"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func FuzzBridgeArgs(f *testing.F) {
	for _, s := range Seeds() {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		args := DecodeArgs(data)
		req, err := Parse(Values(args))
		req2, err2 := Parse(Values(args))
		require.Equal(t, err == nil, err2 == nil, "Parse is deterministic")
		if err != nil {
			require.ErrorIs(t, err, ErrArgs)
			require.True(t, strings.HasPrefix(err.Error(), ErrArgs.Error()+": "), err.Error())
			require.Equal(t, err.Error(), err2.Error())
			return
		}
		require.Equal(t, req, req2)
		require.NotEmpty(t, args)
		require.Equal(t, TypeString, args[0].Kind)
		require.Equal(t, args[0].Str, req.HTML)
		require.LessOrEqual(t, len(args), 3)
		o := req.Options
		require.True(t, o.MaxBytes == 0 || (o.MaxBytes >= 1 && o.MaxBytes <= MaxInt), "maxBytes %d", o.MaxBytes)
		if o.DisabledRules != "" {
			names := strings.Split(o.DisabledRules, "\n")
			require.True(t, slices.IsSorted(names), "sorted")
			require.Equal(t, len(names), len(slices.Compact(slices.Clone(names))), "distinct")
			require.NotContains(t, names, "")
		}
		// Options written back as an object parse to the same Options.
		back, err := ParseOptions(optionsNode(o))
		require.NoError(t, err)
		require.Equal(t, o, back)
	})
}

func optionsNode(o Options) *Node {
	n := &Node{Kind: TypeObject}
	n.Props = append(n.Props,
		KeyVal{"teaserPass", &Node{Kind: TypeBoolean, Bool_: o.TeaserPass}},
		KeyVal{"blockRemoteImages", &Node{Kind: TypeBoolean, Bool_: o.BlockRemoteImages}},
		KeyVal{"captionsInText", &Node{Kind: TypeBoolean, Bool_: o.CaptionsInText}})
	if o.MaxBytes > 0 {
		n.Props = append(n.Props, KeyVal{"maxBytes", &Node{Kind: TypeNumber, Num: float64(o.MaxBytes)}})
	}
	rules := &Node{Kind: TypeObject, Array: true}
	if o.DisabledRules != "" {
		for _, r := range strings.Split(o.DisabledRules, "\n") {
			rules.Items = append(rules.Items, &Node{Kind: TypeString, Str: r})
		}
	}
	n.Props = append(n.Props, KeyVal{"disabledRules", rules})
	return n
}

func TestSeedsDecodeAsEncoded(t *testing.T) {
	args := DecodeArgs(EncodeArgs("h", nil, Obj{{"maxBytes", 100}, {"disabledRules", []any{"x"}}}))
	require.Len(t, args, 3)
	req, err := Parse(Values(args))
	require.NoError(t, err)
	assert.Equal(t, Request{HTML: "h", Options: Options{TeaserPass: true, MaxBytes: 100, DisabledRules: "x"}}, req)
}

func TestParseErrors(t *testing.T) {
	for i, s := range Seeds() {
		_, err := Parse(Values(DecodeArgs(s)))
		if err != nil && !errors.Is(err, ErrArgs) {
			t.Errorf("seed %d: %v does not wrap ErrArgs", i, err)
		}
	}
	_, err := Parse(Values(DecodeArgs(EncodeArgs("h", "", Obj{{"maxBytes", math.NaN()}}))))
	assert.ErrorIs(t, err, ErrArgs)
}

// A huge sparse array (new Array(2**32-1)) must not make the checks allocate
// for its length.
func TestHugeArrayLengthDoesNotAllocate(t *testing.T) {
	huge := &hugeArray{}
	var err error
	allocs := testing.AllocsPerRun(1, func() {
		_, err = ruleNamesField("disabledRules", huge)
	})
	assert.ErrorIs(t, err, ErrArgs)
	assert.Less(t, allocs, 20.0)
}

type hugeArray struct{ Node }

func (*hugeArray) Type() Type      { return TypeObject }
func (*hugeArray) IsArray() bool   { return true }
func (*hugeArray) Length() int     { return math.MaxUint32 }
func (*hugeArray) Index(int) Value { return &Node{Kind: TypeUndefined} }
