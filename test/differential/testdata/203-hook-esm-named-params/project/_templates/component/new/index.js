import { suffixes, default as prefix } from './naming.mjs'

export function fileFor(name, kind) {
  return `${prefix}/${name}${suffixes[kind]}`
}

export const params = ({ args }) => ({
  component: fileFor(args.name, 'component'),
  story: args.story ? fileFor(args.name, 'story') : '',
})
