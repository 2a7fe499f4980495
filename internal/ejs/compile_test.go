package ejs

import (
	"strings"
	"testing"
)

// A template of output tags and text becomes one concatenation up to
// maxConcatParts pieces, and a list of statements beyond: goja's compile of
// the concatenation grows with the square of its pieces.
func TestLongConcatenationsAreStatements(t *testing.T) {
	for _, tt := range []struct {
		tags   int
		concat bool
	}{
		{1, true},
		{(maxConcatParts - 1) / 3, true}, // each tag is three pieces
		{maxConcatParts/3 + 1, false},
		{50_000, false},
	} {
		src, err := Compile(strings.Repeat(`<%= "a" %>`, tt.tags), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if src.Concat != tt.concat {
			t.Errorf("%d output tags: Concat = %v, want %v", tt.tags, src.Concat, tt.concat)
		}
	}
}
