//go:build !unix

package regularfile

// NonBlock: Windows opens named pipes without waiting for the other end.
const NonBlock = 0
