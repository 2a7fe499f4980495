package frontmatter

// The number forms of js-yaml 3's default schema, matched by hand rather
// than by regexp: a cold generation whose frontmatter holds one number
// (`at_line: 2`) compiled both patterns and ran Go's backtracker, whose
// state alone allocated 36 KB, in a process that pays for every page it
// touches. numbers_test.go checks these against the patterns they replace.

// isYAMLInt reports whether s has the form of an integer: an optional sign,
// then 0b binary, 0x hexadecimal, octal led by 0, decimal, or base 60
// (decimal, then ":" groups of one or two digits, the first of two at most
// 5). Underscores may follow the first digit anywhere in the digits.
func isYAMLInt(s string) bool {
	s = trimSign(s)
	switch {
	case s == "":
		return false
	case s == "0":
		return true
	case s[0] == '0':
		switch s[1] {
		case 'b':
			return len(s) > 2 && all(s[2:], isBinaryDigit)
		case 'x':
			return len(s) > 2 && all(s[2:], isHexDigit)
		}
		return all(s[1:], isOctalDigit)
	case s[0] < '1' || s[0] > '9':
		return false
	}
	rest := skip(s[1:], isDecimalDigit)
	if rest == "" {
		return true
	}
	rest, ok := skipSexagesimal(rest)
	return ok && rest == ""
}

// isYAMLFloat reports whether s has the form of a float: decimal with an
// optional fraction and exponent (no leading zeros, a sign allowed); a
// fraction alone (".5", no sign); base 60 with a fraction; .inf with an
// optional sign; .nan.
func isYAMLFloat(s string) bool {
	switch s {
	case ".nan", ".NaN", ".NAN":
		return true
	}
	unsigned := trimSign(s)
	if unsigned != "" && unsigned[0] == '.' {
		if isInf(unsigned[1:]) {
			return true
		}
		// A fraction alone takes no sign.
		digits := unsigned[1:]
		rest := skip(digits, isDecimalDigit)
		return len(unsigned) == len(s) && len(rest) < len(digits) && isExponent(rest)
	}
	if unsigned == "" || unsigned[0] < '0' || unsigned[0] > '9' {
		return false
	}
	rest := skip(unsigned[1:], isDecimalDigit)
	if rest != "" && rest[0] == ':' {
		rest, ok := skipSexagesimal(rest)
		return ok && rest != "" && rest[0] == '.' && skip(rest[1:], isDecimalDigit) == ""
	}
	// Besides 0 itself, the whole part starts with 1 to 9.
	if unsigned[0] == '0' && len(rest) != len(unsigned)-1 {
		return false
	}
	if rest != "" && rest[0] == '.' {
		rest = skip(rest[1:], isDecimalDigit)
	}
	return isExponent(rest)
}

// skipSexagesimal skips one or more ":" groups of base 60 (":" then one
// digit, or two of which the first is 0 to 5), reporting whether there was
// one. Taking two digits whenever they fit is the only way to a match: the
// character after a group is never a digit.
func skipSexagesimal(s string) (string, bool) {
	groups := 0
	for len(s) > 1 && s[0] == ':' {
		switch {
		case len(s) > 2 && s[1] >= '0' && s[1] <= '5' && s[2] >= '0' && s[2] <= '9':
			s = s[3:]
		case s[1] >= '0' && s[1] <= '9':
			s = s[2:]
		default:
			return s, false
		}
		groups++
	}
	return s, groups > 0 && (s == "" || s[0] != ':')
}

// isExponent reports whether s is empty or an exponent: e or E, an optional
// sign, one or more digits (no underscores).
func isExponent(s string) bool {
	if s == "" {
		return true
	}
	if s[0] != 'e' && s[0] != 'E' {
		return false
	}
	digits := trimSign(s[1:])
	return digits != "" && all(digits, func(c byte) bool { return c >= '0' && c <= '9' })
}

func isInf(s string) bool { return s == "inf" || s == "Inf" || s == "INF" }

func trimSign(s string) string {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		return s[1:]
	}
	return s
}

// skip returns s without its leading run of bytes that match.
func skip(s string, match func(byte) bool) string {
	for s != "" && match(s[0]) {
		s = s[1:]
	}
	return s
}

// all reports whether s is not empty and every byte of it matches.
func all(s string, match func(byte) bool) bool {
	return s != "" && skip(s, match) == ""
}

func isBinaryDigit(c byte) bool  { return c == '0' || c == '1' || c == '_' }
func isOctalDigit(c byte) bool   { return c >= '0' && c <= '7' || c == '_' }
func isDecimalDigit(c byte) bool { return c >= '0' && c <= '9' || c == '_' }
func isHexDigit(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == '_'
}
