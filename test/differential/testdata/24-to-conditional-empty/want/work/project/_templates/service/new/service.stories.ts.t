---
to: "<%= locals.withStory ? `src/${name}.stories.ts` : '' %>"
---
export default { title: '<%= Name %>' };
