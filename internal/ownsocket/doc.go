// Package ownsocket checks that a Unix socket belongs to this process's
// user before a run hands it anything: a socket another user bound at the
// path first (in a shared folder such as /tmp) would receive a run's
// record (the relay, internal/runrecord) or the agent's token (a
// generation delegated to HYPERGEN_AGENT_URL=unix:/path).
package ownsocket
