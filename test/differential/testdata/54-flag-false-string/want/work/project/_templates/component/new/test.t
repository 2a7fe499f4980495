---
to: "<%= locals.withTest ? `src/${Name}.test.tsx` : '' %>"
---
test('<%= Name %>', () => {});
