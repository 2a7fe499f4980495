---
to: out/g.txt
---
g <%= typeof counter === 'undefined' ? 'unset' : ++counter %>
