---
to: out/e.txt
---
e <%= typeof counter === 'undefined' ? 'unset' : ++counter %>
