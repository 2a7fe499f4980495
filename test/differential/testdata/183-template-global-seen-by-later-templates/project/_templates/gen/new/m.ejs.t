---
to: out/m.txt
---
m <%= typeof counter === 'undefined' ? 'unset' : ++counter %>
