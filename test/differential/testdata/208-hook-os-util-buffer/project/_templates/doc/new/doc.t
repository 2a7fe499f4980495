---
to: docs/<%= name %>.md
---
eol <%- eol %> on <%= platform %>
<%- formatted %>
<%- inspected %>
<%- grid %>
<%= shout %> <%= b64 %> <%= hex %>
hook in <%= here %>/<%= file %>
