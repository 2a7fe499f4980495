// Package connlimit bounds the connections an HTTP server holds open without
// letting idle ones lock out new clients: at the limit, accepting a
// connection closes the longest-idle one (a keep-alive connection between
// requests, or one that has not yet sent a request); only when every
// connection is busy with a request is the new one refused.
package connlimit
