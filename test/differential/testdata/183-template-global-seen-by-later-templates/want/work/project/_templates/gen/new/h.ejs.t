---
to: out/h.txt
---
h <%= typeof counter === 'undefined' ? 'unset' : ++counter %>
