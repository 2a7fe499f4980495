// widgets: shared UI (19 bytes, buffer: true), package 1.2.3
// other files: README.md; stat: true,false,true,19; index: true,true; missing: false
export * from './button'
export * from './card'
