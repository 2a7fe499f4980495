---
to: out/is.txt
---
<%= h.changeCase.isUpper(count) %> <%= h.changeCase.isLower(count) %> <%= h.changeCase.isUpperCase(null) %> <%= h.changeCase.isLower(undefined) %>
<%= h.changeCase.isUpper('ABC') %> <%= h.changeCase.isLower('abc') %> <%= h.changeCase.isUpper('42') %> <%= h.changeCase.isLowerCase(String(count)) %>
