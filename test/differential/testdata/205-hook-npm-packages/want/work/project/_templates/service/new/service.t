---
to: src/services/<%= file %>.service.js
---
// table <%= table %>, env <%= envPrefix %>_URL, chunks <%- chunks %>
export class <%= className %> {
<% methods.forEach((m) => { -%>
  async <%= m %>() {}
<% }) -%>
}
