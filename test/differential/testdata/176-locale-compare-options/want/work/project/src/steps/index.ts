export * from './step1'
export * from './step2'
export * from './Step3'
export * from './step10'
// sv collation: a z ä
// tr upper: İSTANBUL
// base: 0 0
// accent: 0 -1
// default: -1 1
// tr lower: ısparta i
