---
to: db/<%= table %>.sql
---
-- model <%= name %> (<%= Name %>), flag was <%= seenFlag %>
CREATE TABLE <%= table %> (id integer primary key);
