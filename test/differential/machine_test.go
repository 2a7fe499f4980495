package differential

import (
	"testing"

	"github.com/hypergen-dev/hypergen/internal/testfs"
)

// TestMachineFactsAlike: what a hook reads of the machine it runs on comes
// out as Node gives it. These are compared live, both tools on this machine
// at once, since a recorded answer would be another machine's. Left out:
// CPU counts (Node counts the online CPUs, Go those the process may use),
// and os.userInfo, which hypergen answers from the environment where
// /etc/passwd has no entry and Node throws.
func TestMachineFactsAlike(t *testing.T) {
	needBoth(t)
	files := map[string]string{
		"_templates/m/new/index.js": `const os = require('os')
module.exports = { params: () => ({ facts: JSON.stringify({ net: os.networkInterfaces(), host: os.hostname(), type: os.type(),
  release: os.release(), version: os.version(), machine: os.machine(), arch: os.arch(), endianness: os.endianness() }, null, 1) }) }
`,
		"_templates/m/new/facts.ejs.t": "---\nto: facts.json\n---\n<%- facts %>\n",
	}
	trees := map[string]map[string][]byte{}
	for tool, argv := range map[string][]string{"hygen": hygenArgv, "hypergen": {hypergenBin}} {
		trees[tool] = runSession(t, tool, argv, testfs.Tree(t, files), session{{"m", "new"}}, 0)
	}
	if d := diffTrees("hygen", trees["hygen"], "hypergen", trees["hypergen"]); d != "" {
		t.Errorf("the facts differ\n%s", d)
	}
	if len(trees["hypergen"]["facts.json"]) < 100 {
		t.Errorf("facts.json holds too little to compare: %q", trees["hypergen"]["facts.json"])
	}
}
