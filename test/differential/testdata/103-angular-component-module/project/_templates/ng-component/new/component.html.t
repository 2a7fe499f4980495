---
to: src/app/<%= name %>/<%= name %>.component.html
---
<p><%= h.changeCase.sentenceCase(name) %> works!</p>
