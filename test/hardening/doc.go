// Package hardening runs the built hypergen binary as a busy service and a
// hostile user would: concurrent injects through the agent and from
// separate CLI processes (exact line counts), idle and slow connections
// against an agent with a low file limit, escapes through the generation
// API, and a soak of the agent whose Collector goes away and comes back.
//
// The JavaScript runtime bounds (runaway loops, recursion, regex bombs,
// large outputs, non-UTF-8 templates) belong to internal/jsrt and
// internal/ejs; their end-to-end cases join TestHostileTemplates here.
package hardening
