---
to: out/words.txt
---
words: <%= h.words(name) %>
greek: <%= greek %>
others: <%= others %>
upper: <%= name.match(/\p{Lu}/gu).join(',') %>
