---
to: db/migrations/<%= file %>
---
-- follows <%= previous %>
BEGIN;
-- TODO: <%= h.changeCase.sentenceCase(name) %>
COMMIT;
