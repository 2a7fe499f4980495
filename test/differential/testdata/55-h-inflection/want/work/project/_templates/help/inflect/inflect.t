---
to: out/inflection.txt
---
<%
const words = ['person', 'people', 'child', 'octopus', 'sheep', 'Status', 'quiz', 'matrix', 'index', 'box', 'mouse', 'user_account', 'UserAccount', 'user-account', 'Hello World', 'API', 'bus', 'news', 'category', 'wife', 'ox'];
const fns = ['pluralize', 'singularize', 'camelize', 'underscore', 'humanize', 'capitalize', 'dasherize', 'titleize', 'demodulize', 'tableize', 'classify', 'foreign_key'];
for (const w of words) { -%>
<%= w %>:<% for (const f of fns) { %> <%= f %>=<%= h.inflection[f](w) %><% } %>
<% } -%>
camelize lower-first: <%= h.inflection.camelize('user_account', true) %>
foreign_key no underscore: <%= h.inflection.foreign_key('Message', true) %>
inflect: <%= h.inflection.inflect('comment', 1) %> <%= h.inflection.inflect('comment', 2) %>
ordinalize: <%= h.inflection.ordinalize('1 2 3 4 11 12 13 21 22 101 112') %>
transform: <%= h.inflection.transform('all job', ['pluralize', 'capitalize', 'dasherize']) %>
undasherize: <%= h.inflection.undasherize('my-fancy_component') %>
demodulize: <%= h.inflection.demodulize('Message::Bus::Properties') %>
