---
to: "<%= locals.styled ? `src/components/${Name}/${Name}.module.css` : null %>"
---
.<%= h.changeCase.camel(name) %> {
  display: flex;
  gap: 0.5rem;
}
