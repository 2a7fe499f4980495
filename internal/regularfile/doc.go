// Package regularfile opens files that hypergen reads or appends to only if
// they are regular files, without blocking on anything else. A named pipe
// in a template folder, an inject target or a cache would otherwise hang a
// run until some writer turned up (os.Open waits for one, and a signal
// cannot interrupt it), and a device would be read forever. With
// O_NONBLOCK the open returns at once, and fstat on the open file, not a
// stat before it, decides: nothing can be swapped in between.
package regularfile
