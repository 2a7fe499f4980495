import path from 'path'
import { basename } from 'node:path'

const folder = 'src/components'

export default {
  params: ({ args, h }) => {
    const file = path.join(folder, `${args.name}.jsx`)
    return { file, base: basename(file, '.jsx'), kebab: h.changeCase.paramCase(args.name) }
  },
}
