---
to: src/store/index.ts
inject: true
after: "reducer: {"
skip_if: "    <%= name %>,"
---
    <%= name %>,