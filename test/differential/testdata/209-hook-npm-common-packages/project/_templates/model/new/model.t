---
to: models/<%= table %>.js
---
// <%= label %> created <%= created %>, uuid valid: <%= idValid %>, events: <%= heard %>
module.exports = { table: '<%= table %>' }
