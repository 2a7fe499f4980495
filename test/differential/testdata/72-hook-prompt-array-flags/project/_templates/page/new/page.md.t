---
to: pages/<%= h.changeCase.paramCase(name) %>.md
---
# <%= title %>
public: <%= public %> (<%= typeof public %>)
tags: <%= tags %>
