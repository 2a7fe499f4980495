---
to: out/c.txt
---
c <%= typeof counter === 'undefined' ? 'unset' : ++counter %>
