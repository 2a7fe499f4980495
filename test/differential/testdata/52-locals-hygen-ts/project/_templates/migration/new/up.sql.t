---
to: migrations/<%= ts %>_<%= name %>.up.sql
---
-- <%= typeof ts %> <%= ts %>
CREATE TABLE <%= h.inflection.pluralize(name.replace(/^add_/, '')) %> ();
