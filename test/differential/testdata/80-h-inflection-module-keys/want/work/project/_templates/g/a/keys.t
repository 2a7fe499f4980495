---
to: out/keys.txt
---
<%= Object.keys(h.inflection).join(' ') %>
<% for (const k in h.inflection) { %><%= typeof h.inflection[k] %> <% } %>
<%= h.inflection.version %> <%= h.inflection.indexOf(['a', 'b'], 'b') %> <%= h.inflection.indexOf(['a', 'b'], 'c') %> <%= h.inflection.indexOf(['a', 'b', 'a'], 'a', 1) %> <%= h.inflection.indexOf([1, 2], '2', 0, (x, y) => x == y) %>
<%= h.inflection._apply_rules('cows', [[/s$/, '']], []) %> <%= h.inflection._apply_rules('Cows', [[/x/], [/s$/, '']], ['cows']) %> <%= h.inflection._apply_rules('cows', [], [], 'kine') %> <%= h.inflection._apply_rules('ab', [[/a/], [/b/, 'c']], []) %>
<%= h.inflection.transform('all job', ['pluralize', 'capitalize', 'dasherize', 'nope']) %> <%= h.inflection.transform('x', ['indexOf']) %> <%= h.inflection.transform('fooBar', ['underscore', 'humanize']) %>
<% try { h.inflection.transform('x', ['version']) } catch (e) { %>version: <%= e.name %><% } %>
