// Components exported by this package.
// hypergen:exports
