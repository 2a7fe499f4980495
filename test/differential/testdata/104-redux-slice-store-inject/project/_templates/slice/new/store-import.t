---
to: src/store/index.ts
inject: true
before: "^import { configureStore"
skip_if: <%= name %>Slice
---
import <%= name %> from './<%= name %>Slice'