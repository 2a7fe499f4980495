---
to: src/pages/<%= slug %>.tsx
---
import Layout from '../layouts/<%= layout %>'

export default function <%= component %>() {
  return <Layout title="<%= title %>" />
}
