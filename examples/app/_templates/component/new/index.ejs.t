---
to: src/components/index.ts
inject: true
skip_if: "<%= Name %>'"
before: "// hypergen:exports"
message: "Created <%= Name %>: import it from 'src/components'."
---
export { <%= Name %> } from './<%= Name %>/<%= Name %>';
