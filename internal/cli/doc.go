// Package cli is the hypergen command line: hygen-compatible generation
// (`hypergen GEN ACTION [NAME] [--flags]`) plus hypergen's own commands,
// parsed with spf13/pflag. main.go only hands it argv and the standard streams.
package cli
