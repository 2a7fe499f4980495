package genspec

import (
	"fmt"

	"gopkg.in/yaml.v3"
)

// maxAliasedBytes bounds the text a template.yml's aliases copy, as
// frontmatter bounds a template's. Decoding shares a string among its
// aliases, but `hypergen help` prints every default whole: a thousand
// aliases of a 1 MB string in a default took 35 s and 6.9 GB to print.
// yaml.v3 bounds how many values aliases expand to, not their size.
const maxAliasedBytes = 16 << 20

// checkAliases refuses a document whose aliases copy more than
// maxAliasedBytes of text in all, naming the alias that passes the bound.
func checkAliases(doc *yaml.Node) error {
	sizes := map[*yaml.Node]int{}
	// size is the text of n with its aliases expanded, counted up to just
	// past the bound, each node once however many aliases name it.
	var size func(n *yaml.Node) int
	size = func(n *yaml.Node) int {
		if s, ok := sizes[n]; ok {
			return s
		}
		sizes[n] = 0 // an alias of its own ancestor: the decoder refuses it
		s := len(n.Value)
		if n.Kind == yaml.AliasNode && n.Alias != nil {
			s = size(n.Alias)
		}
		for _, c := range n.Content {
			s = min(s+size(c), maxAliasedBytes+1)
		}
		sizes[n] = s
		return s
	}
	copied := 0
	var walk func(n *yaml.Node) error
	walk = func(n *yaml.Node) error {
		if n.Kind == yaml.AliasNode {
			if n.Alias != nil {
				if copied += size(n.Alias); copied > maxAliasedBytes {
					return fmt.Errorf("line %d: aliases copy more than %d MiB of text", n.Line, maxAliasedBytes>>20)
				}
			}
			return nil
		}
		for _, c := range n.Content {
			if err := walk(c); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(doc)
}
