---
to: "<%= locals.withStory ? `src/${Name}.stories.tsx` : '' %>"
---
// withStory=<%= withStory %> (<%= typeof withStory %>)
export default { title: '<%= Name %>' };
