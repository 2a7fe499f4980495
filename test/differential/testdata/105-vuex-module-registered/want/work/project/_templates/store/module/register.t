---
to: src/store/index.js
inject: true
after: "modules: {"
skip_if: "<%= name %>"
---
    <%= name %>,