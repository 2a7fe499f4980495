---
to: _templates/<%= name %>/new/<%= name %>.ejs.t
---
<%# this comment is not printed -%>
---
to: src/<%%= name %%>.js
---
<%#
  a multi-line comment
  spanning lines
%>
// generated <%= name %> template
const x = '<%%- raw %%>';
literal close: %%> and open: <%%
