//go:build !linux

package atomicfile

import "errors"

// exchange: only Linux swaps two names in one step (renameat2).
func (tx *Tx) exchange(folder string, dir tree, a, b string) error {
	return errors.ErrUnsupported
}
