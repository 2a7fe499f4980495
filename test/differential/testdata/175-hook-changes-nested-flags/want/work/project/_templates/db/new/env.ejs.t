---
to: .env
---
DB_HOST=<%= conn.host %>
DB_PORT=<%= conn.port %>
TAGS=<%= tag.join(' ') %>
EXTRA=<%= locals.extra %>
OTHER=<%= other.x %>
