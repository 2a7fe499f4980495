// Package hardening runs the built hypergen binary as a busy service and a
// hostile user would: concurrent injects through the agent and from
// separate CLI processes (exact line counts), idle and slow connections
// against an agent with a low file limit, escapes through the generation
// API, isolation between generation requests, a generation stuck in a
// loop when the agent is told to stop, hostile templates (a table, with
// references to the cases tested elsewhere), a Collector that accepts
// connections and never answers, and a soak of the agent whose Collector
// goes away and comes back.
//
// The soak's outage is short in CI. The soak, a Collector away for
// a minute, is
//
//	HYPERGEN_SOAK_OUTAGE=60s HYPERGEN_SOAK_STEADY=60s go test -run TestAgentSoak -v ./test/hardening
//
// and prints the agent's resident memory at start and after the soak.
package hardening
