// Package memlimit keeps hypergen inside a container's memory: it sets the Go
// memory limit from the cgroup limit when the user has not set GOMEMLIMIT (the
// Go runtime does not read cgroups itself). memgov gives cache memory back
// when the live heap nears that limit.
package memlimit
