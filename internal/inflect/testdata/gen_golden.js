#!/usr/bin/env node
// Regenerates golden.json: the reference outputs the Go port is tested
// against. It drives the helpers exactly as hygen 6.2.11 exposes them to
// templates, so the table records hygen's observable behaviour rather than
// our reading of the upstream sources.
//
// Run from the repository root:
//   NODE_PATH=/path/to/hygen-install/node_modules node internal/inflect/testdata/gen_golden.js
'use strict'

const fs = require('fs')
const path = require('path')

const helpers = require('hygen/dist/helpers').default
const inflection = helpers.inflection
const changeCase = helpers.changeCase

const versionOf = (name) => require(name + '/package.json').version

// Each column is one call as a template would write it. A thrown error is
// recorded as null.
const columns = {
  'inflection.pluralize(s)': (s) => inflection.pluralize(s),
  'inflection.singularize(s)': (s) => inflection.singularize(s),
  'inflection.inflect(s, 0)': (s) => inflection.inflect(s, 0),
  'inflection.inflect(s, 1)': (s) => inflection.inflect(s, 1),
  'inflection.inflect(s, 2)': (s) => inflection.inflect(s, 2),
  'inflection.camelize(s)': (s) => inflection.camelize(s),
  'inflection.camelize(s, true)': (s) => inflection.camelize(s, true),
  'inflection.underscore(s)': (s) => inflection.underscore(s),
  'inflection.underscore(s, true)': (s) => inflection.underscore(s, true),
  'inflection.humanize(s)': (s) => inflection.humanize(s),
  'inflection.humanize(s, true)': (s) => inflection.humanize(s, true),
  'inflection.capitalize(s)': (s) => inflection.capitalize(s),
  'inflection.dasherize(s)': (s) => inflection.dasherize(s),
  'inflection.titleize(s)': (s) => inflection.titleize(s),
  'inflection.demodulize(s)': (s) => inflection.demodulize(s),
  'inflection.tableize(s)': (s) => inflection.tableize(s),
  'inflection.classify(s)': (s) => inflection.classify(s),
  'inflection.foreign_key(s)': (s) => inflection.foreign_key(s),
  'inflection.foreign_key(s, true)': (s) => inflection.foreign_key(s, true),
  'inflection.ordinalize(s)': (s) => inflection.ordinalize(s),
  'inflection.undasherize(s)': (s) => inflection.undasherize(s),
  'capitalize(s)': (s) => helpers.capitalize(s),
  'changeCase.no(s)': (s) => changeCase.no(s),
  'changeCase.dot(s)': (s) => changeCase.dot(s),
  'changeCase.swap(s)': (s) => changeCase.swap(s),
  'changeCase.path(s)': (s) => changeCase.path(s),
  'changeCase.upper(s)': (s) => changeCase.upper(s),
  'changeCase.lower(s)': (s) => changeCase.lower(s),
  'changeCase.camel(s)': (s) => changeCase.camel(s),
  'changeCase.camel(s, null, true)': (s) => changeCase.camel(s, null, true),
  'changeCase.snake(s)': (s) => changeCase.snake(s),
  'changeCase.title(s)': (s) => changeCase.title(s),
  'changeCase.param(s)': (s) => changeCase.param(s),
  'changeCase.header(s)': (s) => changeCase.header(s),
  'changeCase.pascal(s)': (s) => changeCase.pascal(s),
  'changeCase.pascal(s, null, true)': (s) => changeCase.pascal(s, null, true),
  'changeCase.constant(s)': (s) => changeCase.constant(s),
  'changeCase.sentence(s)': (s) => changeCase.sentence(s),
  'changeCase.isUpper(s)': (s) => changeCase.isUpper(s),
  'changeCase.isLower(s)': (s) => changeCase.isLower(s),
  'changeCase.ucFirst(s)': (s) => changeCase.ucFirst(s),
  'changeCase.lcFirst(s)': (s) => changeCase.lcFirst(s),
}

const words = (s) => s.trim().split(/\s+/)

// Singular nouns, grouped by the ending that drives the English rules.
const nouns = [
  // plain
  words(`cat dog user post comment item product order invoice account project
    task note file folder page view model controller service component module
    widget event message request response session token key value record table
    column row field form button link image video song album artist book
    chapter word letter number list map tree node edge graph car bike train
    plane ship road house building room door window chair desk computer phone
    screen keyboard apple banana orange grape lemon cherry berry potato tomato
    idea area data media pizza camera formula agenda antenna via pita`),
  // -y
  words(`city day boy key toy baby lady company soliloquy guy buy quay monkey
    category story party country family valley journey survey entity
    property query reply policy library galaxy ray way spy fly ally alloy
    essay attorney delay army colony`),
  // -is, -us, -ix, -ex
  words(`axis testis analysis basis diagnosis parenthesis prognosis synopsis
    thesis crisis emphasis oasis hypothesis ellipsis octopus virus status
    campus bus bonus focus cactus fungus radius genus census alumnus syllabus
    corpus plus nexus apparatus stimulus summons whereas matrix appendix index
    vertex vortex apex complex suffix prefix remix helix codex annex`),
  // -um
  words(`medium datum stadium premium curriculum memorandum bacterium
    millennium aquarium podium atrium consortium ultimatum quantum vacuum
    forum album museum`),
  // -f, -fe
  words(`wife knife life leaf wolf half shelf elf calf loaf thief roof chief
    belief proof cliff staff giraffe safe cafe scarf dwarf hoof reef turf
    serf chef gaffe`),
  // -o
  words(`buffalo hero echo photo piano video radio zoo studio veto torpedo
    volcano mosquito cargo memo logo kilo silo avocado`),
  // sibilants
  words(`class glass boss kiss bush dish wish church match watch stomach epoch
    box fox tax fax inbox mailbox sandwich brush address business process
    access pass mass loss dress bench beach`),
  // irregular stems and compounds of them
  words(`man woman person child ox foot tooth goose mouse louse quiz criterion
    fireman chairman human german salesperson grandchild godchild dormouse
    house blouse spouse shoe toe ax test drive database hive archive curve
    movie series species deer sheep fish moose`),
]

const plurals = [
  words(`men women people children oxen feet teeth geese mice lice quizzes
    criteria genera whereases summonses bonuses analyses parentheses theses
    bases databases hives archives curves wolves calves knives caves waves
    saves loaves moves movies ties pies dies lies cookies zombies shoes toes
    heroes potatoes echoes buses statuses aliases canvases campuses viruses
    octopuses crises axes tests testes matrices vertices indices indexes
    appendices foots tooths gooses mouses cities days keys boys categories
    stories queries boxes foxes churches matches dishes classes glasses
    bosses kisses news physics mathematics series species sheep cats dogs
    users posts comments data media criteria phenomena lives leaves halves
    elves thieves roofs chiefs proofs cliffs staffs giraffes cafes scarves
    dwarves hooves media stadia curricula memoranda bacteria miniseries
    tv_series`),
]

const uncountable = words(`accommodation adulthood advertising advice
  aggression aid air aircraft alcohol anger applause arithmetic assistance
  athletics bacon baggage beef biology blood botany bread butter carbon
  cardboard cash chalk chaos chess crossroads countryside dancing deer dignity
  dirt dust economics education electricity engineering enjoyment envy
  equipment ethics evidence evolution fame fiction flour flu food fuel fun
  furniture gallows garbage garlic genetics gold golf gossip gratitude grief
  guilt gymnastics happiness hardware harm hate hatred health heat help
  homework honesty honey hospitality housework humour hunger hydrogen ice
  importance inflation information innocence iron irony jam jewelry judo karate
  knowledge lack laughter lava leather leisure lightning linguine linguini
  linguistics literature litter livestock logic loneliness luck luggage
  macaroni machinery magic management mankind marble mathematics mayonnaise
  measles methane milk minus money mud music mumps nature news nitrogen
  nonsense nurture nutrition obedience obesity oxygen pasta patience physics
  poetry pollution poverty pride psychology publicity punctuation quartz racism
  relaxation reliability research respect revenge rice rubbish rum safety
  scenery seafood seaside series shame sheep shopping sleep smoke smoking snow
  soap software soil spaghetti species steam stuff stupidity sunshine symmetry
  tennis thirst thunder timber traffic transportation trust underwear
  unemployment unity validity veal vegetation vegetarianism vengeance violence
  vitality warmth wealth weather welfare wheat wildlife wisdom yoga zinc
  zoology`)

// Inputs aimed at the regex corner cases of both libraries.
const tricky = [
  // case variants of rule words
  'SERIES', 'Series', 'Sheep', 'SHEEP', 'News', 'CITY', 'City', 'QUIZ',
  'Quiz', 'ANALYSES', 'Analyses', 'PERSON', 'Person', 'PEOPLE', 'Man',
  'WOMAN', 'Women', 'OX', 'Ox', 'Oxen', 'oxenford', 'Oxford', 'CATS', 'Cats',
  'BUS', 'Bus', 'MOUSE', 'Mice', 'FOOT', 'Feet', 'GOOSE', 'Geese', 'KNIFE',
  'Wolves', 'MATRIX', 'Vertices', 'octopi', 'cacti', 'alumni', 'fungi',
  '|ouse', '|ice', 'mouse|', 'ox_', 'a_man', 'the_man', 'postman', 'germen',
  'foo_child', 'foo_children', 'sis', 'ses', 'fe', 'ffe', 'lf', 'rf', 'ves',
  'ies', 'y', 'qy', 'quy', 'uy', 'ay', 's', 'ss', 'x', 'es', 'i', 'a', 'A',
  'o', 'oes', 'z', 'zes', 'quizes', 'quizzes_', 'Quizzes', 'genus', 'GENUS',
  'Genera', 'criterion', 'Criterion', 'whereas', 'Whereas', 'summons',
  'bonus', 'BONUS', 'feet_', '_feet', 'my_foot', 'my_feet', 'tooth2',
  // identifiers in every shape
  'fooBar', 'FooBar', 'foo_bar', 'foo-bar', 'foo.bar', 'foo bar', 'FOO_BAR',
  'FOO-BAR', 'Foo Bar', 'FOO BAR', 'foo  bar', '  foo  bar  ', 'foo--bar',
  'foo__bar', 'foo-_-bar', 'foo-bar_baz.qux', 'foo/bar', 'foo/bar_baz',
  'Foo::Bar', 'Foo::Bar::Baz', 'foo::bar_baz', '::Foo', 'Foo::', 'a::b::c',
  'admin/user', 'admin/user_profile', 'Admin/UserProfile', 'api/v1/users',
  'message_properties', 'message_bus_properties', 'MessageBusProperty',
  'messageBusProperty', 'message-bus-property', 'message bus property',
  'XMLHttpRequest', 'XMLHTTPRequest', 'xmlHttpRequest', 'HTMLElement',
  'innerHTML', 'getHTTPResponseCode', 'userID', 'UserID', 'user_id',
  'user_ids', 'UserIds', 'user_Id', 'USER_ID', 'userId', 'ID', 'Id', 'id',
  'IDs', 'iOS', 'macOS', 'eBay', 'iPhone', 'ABC', 'AbC', 'aBC', 'ABc', 'aB',
  'Ab', 'AB', 'AbcDEF', 'ABCdef', 'ABCDef', 'test123Test', 'test123test',
  'Test123', '123Test', 'test_123', 'test-123', 'test 123', 'Test 123 Test',
  'version 1.2.10', 'v1.2.3', 'v2', 'api_v2', 'API_V2', 'a1b2c3', 'A1B2C3',
  'abc1def', 'abc1Def', 'ABC1DEF', '1abc', '1Abc', '1ABC', 'a1', 'A1', '1a',
  '1A', 'h1Title', 'H1', 'mp3Player', 'MP3Player', 'camelCase', 'PascalCase',
  'snake_case', 'kebab-case', 'CONSTANT_CASE', 'dot.case', 'path/case',
  'Title Case', 'Sentence case', 'Header-Case', 'sWAP cASE', 'already lower',
  'ALREADY UPPER', 'MixedUP', 'mixedUP_case', '__init__', '__proto__',
  '_private', '__double', 'trailing_', 'trailing__', '-leading',
  'trailing-', '-both-', '.dot', 'dot.', '...', '---', '___', '_', '-', '.',
  '/', '::', ':', ':::', ':::Foo', 'Foo:::Bar', 'a::::b', 'Foo::Bar:::Baz', '_id', '_ids', 'id_', 'x_ids', 'x_id', 'foo_ID', 'FOO_IDS',
  'foo_idx', 'a_b_c', 'a-b-c', 'a.b.c', 'a b c', 'A B C', 'a__b', 'a--b',
  'a-_b', 'the_lord_of_the_rings', 'war and peace', 'gone with the wind',
  'a tale of two cities', 'x-men: the last stand', 'of mice and men',
  'to-do', 'TO-DO', 'one-of-a-kind', 'out of the box', 'into the woods',
  'man_from_the_boondocks', 'raiders_of_the_lost_ark', 'an_apple_a_day',
  'hello world', 'Hello World', 'HELLO WORLD', 'hello, world!', "it's",
  "don't stop", 'rock & roll', 'a+b', 'a=b', 'a@b.c', 'foo@bar', '#hash',
  '$dollar', '100%', '(parens)', '[brackets]', '{braces}', '<tag>', 'a|b',
  'C#', 'c++', 'F#', 'node.js', 'Vue.js', 'x.y.Z', 'X.Y.Z',
  // numbers, for ordinalize and digit splitting
  '0', '1', '2', '3', '4', '10', '11', '12', '13', '14', '20', '21', '22',
  '23', '24', '100', '101', '102', '103', '111', '112', '113', '121', '1000',
  '1001', '1011', '-1', '-2', '-11', '+3', '+13', '1.5', '2.0', '3.14',
  '1e3', '0x1F', '007', '1st', '2nd', '1abc 2def', 'the 1 pitch',
  'the 2 pitches', '1 2 3', '11 12 13', 'a 1 b 2', ' 1', '1 ', ' 1 ', '\t5',
  '\n6', '\u00a07', '\u30008', '\ufeff9', '1\t', '12abc', 'abc12', 'x22',
  '22x', '-', '+', '+-1', '1,000', '1_000', '٣', '٣٤', '١١', 'v٣', '½',
  '²', 'x²', 'Ⅻ', 'ⅻ', '①②', 'item ①',
  // whitespace and emptiness
  '', ' ', '  ', '\t', '\n', '\r\n', 'a\nb', 'a\tb', 'a\r\nb', ' a', 'a ',
  ' a ', 'foo\u2028bar', 'foo\u00a0bar', 'foo\u3000bar', 'foo\ufeffbar',
  'foo\u200bbar',
  // unicode letters, casing and scripts
  'Ça va', 'ça va', 'niño', 'NIÑO', 'Niño', 'año_nuevo', 'straße', 'STRASSE',
  'Straße', 'ß', 'ßa', 'ẞ', 'fuß_ball', 'ΑΣ', 'ΟΔΟΣ', 'ΟΔΟΣ ΟΔΟΣ', 'Σ', 'σ',
  'ς', 'ΣΑ', 'ΑΣΑ', 'ΑΣ.ΒΑ', 'ΑΣ-ΒΑ', 'ΑΣ_ΒΑ', 'ΑΣ/ΒΑ', "ΑΣ'Α", 'ΑΣ\u0301',
  'ΑΣ\u0301Α', 'ΑΣ1', 'Σ_Σ', 'ΑΣ_Σ', 'Ἀθῆναι', 'ὀδυσσεύς', 'ΐ', 'ᾳ', 'ᾼ',
  'İstanbul', 'ISTANBUL', 'istanbul', 'ı', 'İ', 'i̇', 'Iİ', 'ǅemal', 'ǆ',
  'Ǆ', 'ŉ', 'ŉa', 'ǰ', 'ﬁle', 'ﬀ', 'ﬃ', 'ﬆ', 'և', 'µ', 'ÿ', 'Ÿ',
  '\u212aelvin', '\u212a', 'ſ', 'ſs', 'Å', '\u212b', 'Ω', '\u2126',
  'café', 'CAFÉ', 'cafe\u0301', 'e\u0301', '\u0301a', 'a\u0301b',
  'Москва', 'МОСКВА', 'привет мир', 'ПриветМир', 'приветМир', 'Ёлка',
  '日本語', '日本語Text', 'text日本語', '東京_tower', '한국어', 'ไทย',
  'עברית', 'العربية', 'हिन्दी', 'Ωmega', 'ωmega', 'ÆØÅ', 'æøå', 'über_cool',
  'Über Cool', 'ÜberCool', 'überCool', 'Ünïcödé', 'ünïcödé', 'ÀÉÎÕÜ',
  'àéîõü', 'ÉcoleNormale', 'écoleNormale', 'naïve café', 'ქართული',
  'ᲥᲐᲠᲗᲣᲚᲘ', 'Ꭰ', 'ꭰ', 'ᏸ', 'Ⓐ', 'ⓐ', 'ǈ', 'ǉ', 'ǋ', 'ǲ', 'ꟊ', 'ꟋꟌ',
  'ᲊ', 'Ᲊ', '\u1885', '\u0860', 'a\u0860b', 'aꞮb', 'ʰ', 'aʰB', 'ʕ',
  'ʕa', 'aʕB', 'ªb', 'aºB', 'ǅa', 'aǅ', 'AǅB', 'xDž', 'Σꟊ',
  // astral: emoji, Deseret, math alphanumerics
  '😀', 'foo😀bar', 'fooBar😀', '😀foo', 'a😀', '👍🏽', '👨‍👩‍👧', 'I❤NY',
  'i ❤ ny', '🇺🇸', '𐐀', '𐐨', '𐐀𐐨', '𐐀bc', 'a𐐀', '𐐨_x', 'x_𐐨', '𝒳yz',
  '𝟙𝟚', '\ud83d\ude00_smile', 'smile_\ud83d\ude00', '𞤀', '𞤢',
]

function dedupe (xs) {
  const seen = new Set()
  const out = []
  for (const x of xs) {
    if (!seen.has(x)) {
      seen.add(x)
      out.push(x)
    }
  }
  return out
}

const base = [].concat(...nouns)
const inputs = dedupe([].concat(
  base,
  base.map((w) => inflection.pluralize(w)),
  base.filter((_, i) => i % 3 === 0).map((w) => w.toUpperCase()),
  base.filter((_, i) => i % 3 === 1).map((w) => w[0].toUpperCase() + w.slice(1)),
  [].concat(...plurals),
  uncountable,
  tricky,
))

function run (fn, s) {
  try {
    const v = fn(s)
    if (typeof v !== 'string' && typeof v !== 'boolean') {
      throw new Error('unexpected result type ' + typeof v + ' for ' + JSON.stringify(s))
    }
    return v
  } catch (e) {
    if (e instanceof TypeError) return null
    throw e
  }
}

// Exhaustive per-character facts, so the Go tables are checked over the
// whole code space rather than only at the sampled words.

function ranges (pred, limit) {
  const out = []
  for (let c = 0; c <= limit; c++) {
    if (c >= 0xd800 && c <= 0xdfff) continue
    if (!pred(c)) continue
    const last = out[out.length - 1]
    if (last && last[1] === c - 1) last[1] = c
    else out.push([c, c])
  }
  return out
}

const ch = (c) => String.fromCodePoint(c)

// For every code point whose JS upper/lower case differs from itself:
// [code point, toUpperCase(), toLowerCase()].
const caseMap = []
for (let c = 0; c <= 0x10ffff; c++) {
  if (c >= 0xd800 && c <= 0xdfff) continue
  const s = ch(c)
  const up = s.toUpperCase()
  const low = s.toLowerCase()
  if (up !== s || low !== s) caseMap.push([c, up, low])
}

// Final-sigma context classes, probed through toLowerCase: a capital sigma
// after "A" stays medial when the next character is cased, and becomes final
// after "A"+c when c is cased or case-ignorable.
const sigmaFollowsCased = (c) => ('A\u03a3' + ch(c)).toLowerCase()[1] === '\u03c3'
const sigmaEnds = (c) => ('A' + ch(c) + '\u03a3').toLowerCase().endsWith('\u03c2')
const sigma = {
  cased: ranges(sigmaFollowsCased, 0x10ffff),
  ignorable: ranges((c) => !sigmaFollowsCased(c) && sigmaEnds(c), 0x10ffff),
}

// no-case character classes, probed per UTF-16 code unit through its
// output: word characters survive; "a"+c splits when c is upper case;
// c+"A" splits when c is lower case or a digit; "AA"+c splits when c is
// lower case.
const noCase = changeCase.no
const hasSpace = (s) => noCase(s).includes(' ')
const noCaseClasses = {
  word: ranges((c) => noCase(ch(c)) !== '', 0xffff),
  upper: ranges((c) => hasSpace('a' + ch(c)), 0xffff),
  lowerOrNumber: ranges((c) => hasSpace(ch(c) + 'A'), 0xffff),
  lower: ranges((c) => hasSpace('AA' + ch(c)), 0xffff),
}

const names = Object.keys(columns)
const rows = inputs.map((s) => [s].concat(names.map((n) => run(columns[n], s))))

// One row per line keeps diffs of regenerated tables readable.
const lines = []
lines.push('{')
lines.push('"oracle": ' + JSON.stringify({
  hygen: versionOf('hygen'),
  inflection: versionOf('inflection'),
  'change-case': versionOf('change-case'),
  'no-case': versionOf('no-case'),
  node: process.versions.node,
  unicode: process.versions.unicode,
}) + ',')
lines.push('"columns": ' + JSON.stringify(names) + ',')
lines.push('"rows": [')
rows.forEach((r, i) => lines.push(JSON.stringify(r) + (i < rows.length - 1 ? ',' : '')))
lines.push('],')
lines.push('"caseMap": [')
caseMap.forEach((r, i) => lines.push(JSON.stringify(r) + (i < caseMap.length - 1 ? ',' : '')))
lines.push('],')
lines.push('"finalSigma": ' + JSON.stringify(sigma) + ',')
lines.push('"noCase": ' + JSON.stringify(noCaseClasses))
lines.push('}')

const out = path.join(__dirname, 'golden.json')
fs.writeFileSync(out, lines.join('\n') + '\n')
console.log(`wrote ${out}: ${rows.length} inputs x ${names.length} columns, ` +
  `${caseMap.length} case mappings`)
