package inflect

import (
	"strings"
	"sync"
)

// The English rules of inflection 1.13.4. Each rule there is a regular
// expression over the end of a word; here each is an ending: a fixed tail,
// optionally preceded by a lead that is one of a few stems or a single
// character from (or outside) a set. A rewrite replaces only the tail, so
// the lead keeps the caller's spelling: "PERSON" pluralizes to "PEople".

// anchor says where an ending must sit in the word.
type anchor uint8

const (
	atEnd     anchor = iota // lead and tail close the word
	wholeWord               // lead and tail are the entire word
	atStart                 // lead and tail open the word; the rest is kept
)

type ending struct {
	tail   string   // lower-case ASCII
	stems  []string // lower-case ASCII alternatives for the lead
	set    string   // or (atEnd only): the lead is one character from set...
	notSet bool     // ...or, if true, any one character not in it
	anchor anchor
}

// match reports whether w has the ending and where its tail begins.
// Letters compare ASCII-case-insensitively; JS's case-insensitive matching
// (without the u flag) never equates a non-ASCII character with an ASCII
// one, so no other folding applies.
func (e *ending) match(w string) (at int, ok bool) {
	if e.anchor == atStart {
		for _, stem := range e.stems {
			if hasPrefixFold(w, stem) && hasPrefixFold(w[len(stem):], e.tail) {
				return len(stem), true
			}
		}
		return 0, false
	}
	at = len(w) - len(e.tail)
	if at < 0 || !hasPrefixFold(w[at:], e.tail) {
		return 0, false
	}
	head := w[:at]
	if e.stems == nil && e.set == "" {
		return at, e.anchor == atEnd || head == ""
	}
	for _, stem := range e.stems {
		if len(head) >= len(stem) && hasPrefixFold(head[len(head)-len(stem):], stem) &&
			(e.anchor == atEnd || len(head) == len(stem)) {
			return at, true
		}
	}
	// A byte of a multi-byte character is never in the ASCII set, so
	// checking the last byte is checking the last character.
	if e.set != "" && head != "" && inSet(e.set, foldByte(head[len(head)-1])) != e.notSet {
		return at, true
	}
	return 0, false
}

func foldByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// hasPrefixFold reports whether s starts with the lower-case ASCII prefix,
// ignoring the case of ASCII letters in s.
func hasPrefixFold(s, prefix string) bool {
	if len(s) < len(prefix) {
		return false
	}
	for i := 0; i < len(prefix); i++ {
		if foldByte(s[i]) != prefix[i] {
			return false
		}
	}
	return true
}

func inSet(set string, c byte) bool {
	for i := 0; i < len(set); i++ {
		if set[i] == c {
			return true
		}
	}
	return false
}

// rule rewrites a word carrying ending e by replacing the tail with to.
type rule struct {
	e  *ending
	to string
	// echoLead reproduces an upstream slip: the rewrite for "analyses"
	// also emits the group holding the stem's first letter, so the
	// singular comes out as "analyasis".
	echoLead bool
}

func (r *rule) apply(w string, at int) string {
	head := w[:at]
	if r.echoLead {
		head += w[at-len(r.e.stems[0]) : at-len(r.e.stems[0])+1]
	}
	return head + r.to + w[at+len(r.e.tail):]
}

// Endings of plural forms.
var (
	pluralMen       = &ending{anchor: wholeWord, stems: []string{"m", "wom"}, tail: "en"}
	pluralPeople    = &ending{stems: []string{"pe"}, tail: "ople"}
	pluralChildren  = &ending{stems: []string{"child"}, tail: "ren"}
	pluralTa        = &ending{set: "ti", tail: "a"}
	pluralAnalyses  = &ending{stems: []string{"analy"}, tail: "ses"}
	pluralTheses    = &ending{stems: []string{"ba", "diagno", "parenthe", "progno", "synop", "the"}, tail: "ses"}
	pluralDatabases = &ending{stems: []string{"database"}, tail: "s"}
	pluralDrives    = &ending{stems: []string{"drive"}, tail: "s"}
	pluralHives     = &ending{stems: []string{"hi", "ti"}, tail: "ves"}
	pluralCurves    = &ending{stems: []string{"curve"}, tail: "s"}
	pluralLves      = &ending{set: "lr", tail: "ves"}
	pluralAves      = &ending{set: "a", tail: "ves"}
	pluralFeves     = &ending{set: "fo", notSet: true, tail: "ves"}
	pluralMovies    = &ending{stems: []string{"m"}, tail: "ovies"}
	pluralIes       = &ending{stems: []string{"qu"}, set: "aeiouy", notSet: true, tail: "ies"}
	pluralSeries    = &ending{stems: []string{"s"}, tail: "eries"}
	pluralXes       = &ending{stems: []string{"x", "ch", "ss", "sh"}, tail: "es"}
	pluralMice      = &ending{set: "m|l", tail: "ice"}
	pluralBuses     = &ending{stems: []string{"bus"}, tail: "es"}
	pluralOes       = &ending{stems: []string{"o"}, tail: "es"}
	pluralShoes     = &ending{stems: []string{"shoe"}, tail: "s"}
	pluralCrises    = &ending{stems: []string{"cris", "ax", "test"}, tail: "es"}
	pluralOctopuses = &ending{stems: []string{"octop", "vir"}, tail: "uses"}
	pluralAliases   = &ending{stems: []string{"alias", "canvas", "status", "campus"}, tail: "es"}
	pluralSummonses = &ending{anchor: wholeWord, stems: []string{"summons", "bonus"}, tail: "es"}
	pluralOxen      = &ending{anchor: atStart, stems: []string{"ox"}, tail: "en"}
	pluralMatrices  = &ending{stems: []string{"matr"}, tail: "ices"}
	pluralVertices  = &ending{stems: []string{"vert", "ind"}, tail: "ices"}
	pluralFeet      = &ending{anchor: wholeWord, tail: "feet"}
	pluralTeeth     = &ending{anchor: wholeWord, tail: "teeth"}
	pluralGeese     = &ending{anchor: wholeWord, tail: "geese"}
	pluralQuizzes   = &ending{stems: []string{"quiz"}, tail: "zes"}
	pluralWhereases = &ending{anchor: wholeWord, stems: []string{"whereas"}, tail: "es"}
	pluralCriteria  = &ending{anchor: wholeWord, stems: []string{"criteri"}, tail: "a"}
	pluralGenera    = &ending{anchor: wholeWord, tail: "genera"}
	pluralSs        = &ending{tail: "ss"}
	pluralS         = &ending{tail: "s"}
)

// Endings of singular forms.
var (
	singularMan       = &ending{anchor: wholeWord, stems: []string{"m", "wom"}, tail: "an"}
	singularPerson    = &ending{stems: []string{"pe"}, tail: "rson"}
	singularChild     = &ending{stems: []string{"child"}}
	singularDrive     = &ending{stems: []string{"drive"}}
	singularOx        = &ending{anchor: wholeWord, stems: []string{"ox"}}
	singularAxis      = &ending{stems: []string{"ax", "test"}, tail: "is"}
	singularOctopus   = &ending{stems: []string{"octop", "vir"}, tail: "us"}
	singularAlias     = &ending{stems: []string{"alias", "status", "canvas", "campus"}}
	singularSummons   = &ending{anchor: wholeWord, stems: []string{"summons", "bonus"}}
	singularBus       = &ending{stems: []string{"bu"}, tail: "s"}
	singularBuffalo   = &ending{stems: []string{"buffal", "tomat", "potat"}, tail: "o"}
	singularUm        = &ending{set: "ti", tail: "um"}
	singularSis       = &ending{tail: "sis"}
	singularFe        = &ending{set: "f", notSet: true, tail: "fe"}
	singularLf        = &ending{set: "lr", tail: "f"}
	singularHive      = &ending{stems: []string{"hi", "ti"}, tail: "ve"}
	singularY         = &ending{stems: []string{"qu"}, set: "aeiouy", notSet: true, tail: "y"}
	singularX         = &ending{stems: []string{"x", "ch", "ss", "sh"}}
	singularMatrix    = &ending{stems: []string{"matr"}, tail: "ix"}
	singularVertex    = &ending{stems: []string{"vert", "ind"}, tail: "ex"}
	singularMouse     = &ending{set: "m|l", tail: "ouse"}
	singularFoot      = &ending{anchor: wholeWord, tail: "foot"}
	singularTooth     = &ending{anchor: wholeWord, tail: "tooth"}
	singularGoose     = &ending{anchor: wholeWord, tail: "goose"}
	singularQuiz      = &ending{stems: []string{"quiz"}}
	singularWhereas   = &ending{anchor: wholeWord, stems: []string{"whereas"}}
	singularCriterion = &ending{anchor: wholeWord, stems: []string{"criteri"}, tail: "on"}
	singularGenus     = &ending{anchor: wholeWord, tail: "genus"}
	singularS         = &ending{tail: "s"}
	anyWord           = &ending{}
)

// toPlural turns singular nouns into plurals, leaving alone words that
// already end like a plural.
var toPlural = inflector{
	already: []*ending{
		pluralMen, pluralPeople, pluralChildren, pluralTa, pluralAnalyses,
		pluralTheses, pluralDatabases, pluralDrives, pluralHives, pluralCurves,
		pluralLves, pluralFeves, pluralIes, pluralSeries, pluralMovies,
		pluralXes, pluralMice, pluralBuses, pluralOes, pluralShoes,
		pluralCrises, pluralOctopuses, pluralAliases, pluralSummonses,
		pluralOxen, pluralMatrices, pluralFeet, pluralTeeth, pluralGeese,
		pluralQuizzes, pluralWhereases, pluralCriteria, pluralGenera,
	},
	rules: []rule{
		{e: singularMan, to: "en"},
		{e: singularPerson, to: "ople"},
		{e: singularChild, to: "ren"},
		{e: singularDrive, to: "s"},
		{e: singularOx, to: "en"},
		{e: singularAxis, to: "es"},
		{e: singularOctopus, to: "uses"},
		{e: singularAlias, to: "es"},
		{e: singularSummons, to: "es"},
		{e: singularBus, to: "ses"},
		{e: singularBuffalo, to: "oes"},
		{e: singularUm, to: "a"},
		{e: singularSis, to: "ses"},
		{e: singularFe, to: "ves"},
		{e: singularLf, to: "ves"},
		{e: singularHive, to: "ves"},
		{e: singularY, to: "ies"},
		{e: singularMatrix, to: "ices"},
		{e: singularVertex, to: "ices"},
		{e: singularX, to: "es"},
		{e: singularMouse, to: "ice"},
		{e: singularFoot, to: "feet"},
		{e: singularTooth, to: "teeth"},
		{e: singularGoose, to: "geese"},
		{e: singularQuiz, to: "zes"},
		{e: singularWhereas, to: "es"},
		{e: singularCriterion, to: "a"},
		{e: singularGenus, to: "genera"},
		{e: singularS, to: "s"},
		{e: anyWord, to: "s"},
	},
}

// toSingular turns plurals into singular nouns, leaving alone words that
// already end like a singular.
var toSingular = inflector{
	already: []*ending{
		singularMan, singularPerson, singularChild, singularDrive, singularOx,
		singularAxis, singularOctopus, singularAlias, singularSummons,
		singularBus, singularBuffalo, singularUm, singularSis, singularFe,
		singularLf, singularHive, singularY, singularX, singularMatrix,
		singularMouse, singularFoot, singularTooth, singularGoose,
		singularQuiz, singularWhereas, singularCriterion, singularGenus,
	},
	rules: []rule{
		{e: pluralMen, to: "an"},
		{e: pluralPeople, to: "rson"},
		{e: pluralChildren},
		{e: pluralDatabases},
		{e: pluralDrives},
		{e: pluralGenera, to: "genus"},
		{e: pluralCriteria, to: "on"},
		{e: pluralTa, to: "um"},
		{e: pluralAnalyses, to: "sis", echoLead: true},
		{e: pluralTheses, to: "sis"},
		{e: pluralHives, to: "ve"},
		{e: pluralCurves},
		{e: pluralLves, to: "f"},
		{e: pluralAves, to: "ve"},
		{e: pluralFeves, to: "fe"},
		{e: pluralMovies, to: "ovie"},
		{e: pluralIes, to: "y"},
		{e: pluralSeries, to: "eries"},
		{e: pluralXes},
		{e: pluralMice, to: "ouse"},
		{e: pluralBuses},
		{e: pluralOes},
		{e: pluralShoes},
		{e: pluralCrises, to: "is"},
		{e: pluralOctopuses, to: "us"},
		{e: pluralAliases},
		{e: pluralSummonses},
		{e: pluralOxen},
		{e: pluralMatrices, to: "ix"},
		{e: pluralVertices, to: "ex"},
		{e: pluralFeet, to: "foot"},
		{e: pluralTeeth, to: "tooth"},
		{e: pluralGeese, to: "goose"},
		{e: pluralQuizzes},
		{e: pluralWhereases},
		{e: pluralSs, to: "ss"},
		{e: pluralS},
	},
}

// uncountable nouns are never inflected. inflection compares them against
// the JS-lower-cased word.
var uncountable = setOf(`
	accommodation adulthood advertising advice aggression aid air aircraft
	alcohol anger applause arithmetic assistance athletics
	bacon baggage beef biology blood botany bread butter
	carbon cardboard cash chalk chaos chess crossroads countryside
	dancing deer dignity dirt dust
	economics education electricity engineering enjoyment envy equipment
	ethics evidence evolution
	fame fiction flour flu food fuel fun furniture
	gallows garbage garlic genetics gold golf gossip gratitude grief guilt
	gymnastics
	happiness hardware harm hate hatred health heat help homework honesty
	honey hospitality housework humour hunger hydrogen
	ice importance inflation information innocence iron irony
	jam jewelry judo
	karate knowledge
	lack laughter lava leather leisure lightning linguine linguini
	linguistics literature litter livestock logic loneliness luck luggage
	macaroni machinery magic management mankind marble mathematics
	mayonnaise measles methane milk minus money mud music mumps
	nature news nitrogen nonsense nurture nutrition
	obedience obesity oxygen
	pasta patience physics poetry pollution poverty pride psychology
	publicity punctuation
	quartz
	racism relaxation reliability research respect revenge rice rubbish rum
	safety scenery seafood seaside series shame sheep shopping sleep smoke
	smoking snow soap software soil spaghetti species steam stuff stupidity
	sunshine symmetry
	tennis thirst thunder timber traffic transportation trust
	underwear unemployment unity
	validity veal vegetation vegetarianism vengeance violence vitality
	warmth wealth weather welfare wheat wildlife wisdom
	yoga
	zinc zoology
`)

// minorWords stay lower case inside a title.
var minorWords = setOf(`
	and or nor a an the so but to of at by from into on onto off out in over
	with for
`)

// setOf returns the set of the space-separated words, built on first use so
// that a process that inflects nothing does not pay for it at start.
func setOf(words string) func() map[string]struct{} {
	return sync.OnceValue(func() map[string]struct{} {
		set := make(map[string]struct{})
		for _, w := range strings.Fields(words) {
			set[w] = struct{}{}
		}
		return set
	})
}
