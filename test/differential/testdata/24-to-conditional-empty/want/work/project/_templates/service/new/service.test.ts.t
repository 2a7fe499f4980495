---
to: "<%= locals.withTest ? `src/${name}.test.ts` : '' %>"
---
test('<%= name %>', () => {});
